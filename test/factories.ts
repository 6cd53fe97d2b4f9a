import { randomUUID } from "node:crypto";
import { hashPassword } from "@/server/auth/password";
import type { Db } from "@/server/db/client";
import { clients, studioMembers, studios, users } from "@/server/db/schema";

export const TEST_PASSWORD = "correct horse battery";
let passwordHash: Promise<string> | undefined;

export type Person = { userId: string; email: string; name: string };
export type TestStudio = {
  studioId: string;
  owner: Person & { memberId: string };
  trainer: Person & { memberId: string };
  /** Two clients of the same coach (the trainer). */
  clientA: Person & { clientId: string };
  clientB: Person & { clientId: string };
};

async function createUser(db: Db, label: string, timeZone = "Europe/London"): Promise<Person> {
  const email = `${label}-${randomUUID().slice(0, 8)}@example.test`;
  const name = `${label[0]!.toUpperCase()}${label.slice(1)} ${randomUUID().slice(0, 4)}`;
  const [user] = await db
    .insert(users)
    .values({ email, name, timeZone, passwordHash: await (passwordHash ??= hashPassword(TEST_PASSWORD)) })
    .returning();
  return { userId: user!.id, email, name };
}

/**
 * A trainer of the studio whom the owner deactivated (issue 17): their password still matches,
 * and nothing lets them in.
 */
export async function createDeactivatedTrainer(db: Db, studio: TestStudio): Promise<Person & { memberId: string }> {
  const person = await createUser(db, "deactivated");
  const [row] = await db.insert(studioMembers).values({ studioId: studio.studioId, userId: person.userId, role: "trainer", deactivatedAt: new Date() }).returning();
  return { ...person, memberId: row!.id };
}

/** A studio of its own for one test: an owner, a trainer, and two clients of that trainer. */
export async function createTestStudio(db: Db, label = "studio"): Promise<TestStudio> {
  const [studio] = await db.insert(studios).values({ name: `Test ${label}`, slug: `${label}-${randomUUID()}` }).returning();
  const studioId = studio!.id;
  const person = await createUser(db, "owner");
  const [row] = await db.insert(studioMembers).values({ studioId, userId: person.userId, role: "owner" }).returning();
  return staffAndClients(db, studioId, { ...person, memberId: row!.id });
}

/** A trainer and two clients of theirs added to a studio that has its owner (a factory's, or one made by open sign-up). */
export async function staffAndClients(db: Db, studioId: string, owner: TestStudio["owner"]): Promise<TestStudio> {
  const person = await createUser(db, "trainer");
  const [row] = await db.insert(studioMembers).values({ studioId, userId: person.userId, role: "trainer" }).returning();
  const trainer = { ...person, memberId: row!.id };
  const client = async (label: string) => {
    const person = await createUser(db, label);
    const [row] = await db
      .insert(clients)
      .values({ studioId, userId: person.userId, coachId: trainer.memberId, name: person.name, email: person.email })
      .returning();
    return { ...person, clientId: row!.id };
  };
  return { studioId, owner, trainer, clientA: await client("clienta"), clientB: await client("clientb") };
}
