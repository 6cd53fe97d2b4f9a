import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { hashPassword } from "@/server/auth/password";
import type { Db } from "@/server/db/client";
import { studioMembers, studios, users } from "@/server/db/schema";
import { createDeactivatedTrainer, createTestStudio, TEST_PASSWORD } from "../factories";
import type { AuthzFixture, Role, Visibility } from "./roles";
import { signedUpStudio } from "./signed-up-studio";

/** The matrix's two studios, a third made by open sign-up, a second trainer of the home studio who coaches nobody, and one its owner deactivated. */
export async function createAuthzFixture(db: Db): Promise<AuthzFixture> {
  const home = await createTestStudio(db, "home");
  const other = await createTestStudio(db, "other");
  const email = `scoped-${randomUUID().slice(0, 8)}@example.test`;
  const [user] = await db.insert(users).values({ email, name: `Scoped ${randomUUID().slice(0, 4)}`, timeZone: "Europe/London", passwordHash: await hashPassword(TEST_PASSWORD) }).returning();
  const [member] = await db.insert(studioMembers).values({ studioId: home.studioId, userId: user!.id, role: "trainer" }).returning();
  return { home, other, signup: await signedUpStudio(db), db, scopedTrainer: { userId: user!.id, email, name: user!.name, memberId: member!.id }, deactivatedTrainer: await createDeactivatedTrainer(db, home) };
}

export function userOfRole(f: AuthzFixture, role: Role): string | null {
  const { home, other } = f;
  const users: Record<Role, string | null> = {
    anonymous: null,
    clientA: home.clientA.userId,
    clientB: home.clientB.userId,
    trainer: home.trainer.userId,
    owner: home.owner.userId,
    otherTrainer: other.trainer.userId,
    signupOwner: f.signup.owner.userId,
    scopedTrainer: f.scopedTrainer.userId,
    deactivatedTrainer: f.deactivatedTrainer.userId,
  };
  return users[role];
}

export async function setHomeVisibility(f: AuthzFixture, visibility: Visibility) {
  await f.db.update(studios).set({ clientVisibility: visibility }).where(eq(studios.id, f.home.studioId));
}
