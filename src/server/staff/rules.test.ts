import { describe, expect, it } from "vitest";
import { isInviteLive, LAST_OWNER_MESSAGE, ownerRemainsAfter, planHandover, type StaffMember } from "./rules";

const owner = (id: string, deactivatedAt: Date | null = null): StaffMember => ({ id, role: "owner", deactivatedAt });
const trainer = (id: string, deactivatedAt: Date | null = null): StaffMember => ({ id, role: "trainer", deactivatedAt });
const gone = new Date("2026-11-01T00:00:00Z");

describe("a studio keeps an active owner", () => {
  it.each([
    { name: "the only owner steps down", members: [owner("o"), trainer("t")], change: { memberId: "o", role: "trainer" as const }, refused: true },
    { name: "the only owner is deactivated", members: [owner("o"), trainer("t")], change: { memberId: "o", deactivate: true as const }, refused: true },
    { name: "one of two owners steps down", members: [owner("o"), owner("p")], change: { memberId: "o", role: "trainer" as const }, refused: false },
    { name: "the other owner is deactivated already", members: [owner("o"), owner("p", gone)], change: { memberId: "o", role: "trainer" as const }, refused: true },
    { name: "a trainer becomes an owner", members: [owner("o"), trainer("t")], change: { memberId: "t", role: "owner" as const }, refused: false },
    { name: "a trainer is deactivated", members: [owner("o"), trainer("t")], change: { memberId: "t", deactivate: true as const }, refused: false },
  ])("$name", ({ members, change, refused }) => {
    expect(ownerRemainsAfter(members, change)).toBe(refused ? LAST_OWNER_MESSAGE : null);
  });
});

describe("who takes over a leaving trainer's clients", () => {
  const base = { leavingMemberId: "t", clientIds: ["a", "b"], activeMemberIds: ["o", "t", "u"] };

  it("one coach for all of them, unless the owner picked another for a client", () => {
    expect(planHandover({ ...base, coachId: "o" })).toEqual({ handover: [{ clientId: "a", coachId: "o" }, { clientId: "b", coachId: "o" }] });
    expect(planHandover({ ...base, coachId: "o", perClient: [{ clientId: "b", coachId: "u" }] })).toEqual({ handover: [{ clientId: "a", coachId: "o" }, { clientId: "b", coachId: "u" }] });
  });

  it.each([
    { name: "the leaving trainer themselves", input: { coachId: "t" }, field: "coachId" },
    { name: "someone not on the staff", input: { coachId: "x" }, field: "coachId" },
    { name: "a deactivated trainer for one client", input: { coachId: "o", perClient: [{ clientId: "a", coachId: "x" }] }, field: "perClient" },
    { name: "a pick for someone who is not their client", input: { coachId: "o", perClient: [{ clientId: "z", coachId: "u" }] }, field: "perClient" },
  ])("refuses $name", ({ input, field }) => {
    expect(planHandover({ ...base, ...input })).toMatchObject({ field });
  });
});

describe("an invite link", () => {
  const now = new Date("2026-12-02T10:00:00Z");
  it.each([
    { name: "waiting, before it expires", invite: { expiresAt: new Date("2026-12-09T10:00:00Z"), acceptedAt: null, revokedAt: null }, live: true },
    { name: "at the instant it expires", invite: { expiresAt: now, acceptedAt: null, revokedAt: null }, live: false },
    { name: "accepted", invite: { expiresAt: new Date("2026-12-09T10:00:00Z"), acceptedAt: now, revokedAt: null }, live: false },
    { name: "withdrawn", invite: { expiresAt: new Date("2026-12-09T10:00:00Z"), acceptedAt: null, revokedAt: now }, live: false },
  ])("$name", ({ invite, live }) => {
    expect(isInviteLive(invite, now)).toBe(live);
  });
});
