import { randomUUID } from "node:crypto";
import { hashToken } from "@/server/auth/tokens";
import type { Db } from "@/server/db/client";
import { staffInvites, studioMembers, users } from "@/server/db/schema";
import { ANY_OWNER, EVERYONE, OWNER, type AuthzFixture, type ProcedureRules } from "../roles";

const freshEmail = (label: string) => `${label}-${randomUUID().slice(0, 8)}@example.test`;

/** A waiting invite of the home studio, fresh per call (resending or withdrawing spends nothing shared). */
async function waitingInvite(f: AuthzFixture, db: Db) {
  const [invite] = await db
    .insert(staffInvites)
    .values({ studioId: f.home.studioId, email: freshEmail("invited"), invitedByMemberId: f.home.owner.memberId, tokenHash: hashToken(randomUUID()), expiresAt: new Date(Date.now() + 3_600_000) })
    .returning();
  return { inviteId: invite!.id };
}

/** A trainer of the home studio with no clients, made per call: deactivating them changes no one else. */
async function leavingTrainer(f: AuthzFixture, db: Db) {
  const [user] = await db.insert(users).values({ email: freshEmail("leaving"), name: `Leaving ${randomUUID().slice(0, 4)}` }).returning();
  const [member] = await db.insert(studioMembers).values({ studioId: f.home.studioId, userId: user!.id, role: "trainer" }).returning();
  return { memberId: member!.id, coachId: f.home.owner.memberId, perClient: [] };
}

export const staffRules: ProcedureRules = {
  // The staff page is the owner's: not the studio's trainers, nor another studio's, nor a deactivated trainer.
  "staff.list": { allowed: ANY_OWNER },
  "staff.invite": { allowed: ANY_OWNER, input: () => ({ email: freshEmail("new-trainer") }) },
  "staff.resendInvite": { allowed: OWNER, input: waitingInvite },
  "staff.revokeInvite": { allowed: OWNER, input: waitingInvite },
  // The trainer stays a trainer: the shared fixture keeps its roles.
  "staff.changeRole": { allowed: OWNER, input: (f) => ({ memberId: f.home.trainer.memberId, role: "trainer" }) },
  "staff.deactivate": { allowed: OWNER, input: leavingTrainer },
  // Anyone holding a link may ask which studio it joins; an unknown one answers null.
  "invite.previewStaff": { allowed: EVERYONE, clientScoped: false, input: () => ({ token: randomUUID() }) },
};
