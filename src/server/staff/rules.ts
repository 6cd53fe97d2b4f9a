// The staff rules, as plain data in and out: who counts as an owner, what a change of role or
// a deactivation would leave the studio with, and who takes over a leaving trainer's clients.

export type StaffMember = { id: string; role: "owner" | "trainer"; deactivatedAt: Date | null };
export type StaffStatus = "invited" | "active" | "deactivated";

export const LAST_OWNER_MESSAGE = "A studio needs at least one owner: make another trainer an owner first.";

/** A studio always keeps one active owner: refuses the change that would leave it with none. */
export function ownerRemainsAfter(members: readonly StaffMember[], change: { memberId: string } & ({ role: "owner" | "trainer" } | { deactivate: true })): string | null {
  const after = members.map((m) => {
    if (m.id !== change.memberId) return m;
    return "deactivate" in change ? { ...m, deactivatedAt: m.deactivatedAt ?? new Date(0) } : { ...m, role: change.role };
  });
  return after.some((m) => m.role === "owner" && !m.deactivatedAt) ? null : LAST_OWNER_MESSAGE;
}

/** A member is active until deactivated; an invite waits until accepted. */
export function memberStatus(member: { deactivatedAt: Date | null }): StaffStatus {
  return member.deactivatedAt ? "deactivated" : "active";
}

export type Handover = { clientId: string; coachId: string };

/**
 * Who coaches each client of a leaving trainer: the one coach the owner chose for all of them,
 * unless the owner picked another for a client. Every new coach is an active member other than
 * the one leaving; a pick for someone who is not their client is refused, not ignored.
 */
export function planHandover(input: {
  leavingMemberId: string;
  clientIds: readonly string[];
  coachId: string;
  perClient?: readonly Handover[];
  activeMemberIds: readonly string[];
}): { handover: Handover[] } | { error: string; field: string } {
  const canCoach = (id: string) => id !== input.leavingMemberId && input.activeMemberIds.includes(id);
  if (!canCoach(input.coachId)) return { error: "Pick an active trainer other than the one leaving to take over their clients.", field: "coachId" };
  const theirs = new Set(input.clientIds);
  const picks = new Map<string, string>();
  for (const pick of input.perClient ?? []) {
    if (!theirs.has(pick.clientId)) return { error: "One of the clients picked is not coached by this trainer; reload the page and pick again.", field: "perClient" };
    if (!canCoach(pick.coachId)) return { error: "Pick an active trainer other than the one leaving for each client.", field: "perClient" };
    picks.set(pick.clientId, pick.coachId);
  }
  return { handover: input.clientIds.map((clientId) => ({ clientId, coachId: picks.get(clientId) ?? input.coachId })) };
}

/** An invite link lives a week, like a client's. */
export const STAFF_INVITE_TTL_MS = 7 * 24 * 60 * 60_000;

/** Is a waiting invite still usable at `now`? */
export function isInviteLive(invite: { expiresAt: Date; acceptedAt: Date | null; revokedAt: Date | null }, now: Date): boolean {
  return !invite.acceptedAt && !invite.revokedAt && invite.expiresAt.getTime() > now.getTime();
}
