import { and, desc, eq } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { outbox, studioMembers } from "@/server/db/schema";
import { confirmSignup } from "@/server/signup/confirmation";
import { signUpTrainer } from "@/server/signup/service";
import { staffAndClients, TEST_PASSWORD, type TestStudio } from "../factories";
import type { SignupStudio } from "./roles";

/** The confirmation link in the newest email to `email` (what the trainer would click). */
export async function confirmationTokenFor(db: Db, email: string): Promise<string> {
  const [mail] = await db
    .select({ text: outbox.text })
    .from(outbox)
    .where(and(eq(outbox.toEmail, email), eq(outbox.kind, "signup_confirm")))
    .orderBy(desc(outbox.createdAt))
    .limit(1);
  const token = mail?.text.match(/confirm-sign-up\?token=([\w-]+)/)?.[1];
  if (!token) throw new Error(`no confirmation email to ${email}`);
  return token;
}

/** A studio made the way a trainer makes one on a hosted Stride: the sign-up service, then its emailed link. */
export async function signedUpStudio(db: Db, label = "signup", opts: { isConfirmed?: boolean } = {}): Promise<SignupStudio> {
  const email = `${label}-${crypto.randomUUID().slice(0, 8)}@example.test`;
  const name = `Signup ${crypto.randomUUID().slice(0, 4)}`;
  const { studioId } = await signUpTrainer(db, {
    isOpen: true,
    ownerName: name,
    email,
    password: TEST_PASSWORD,
    studioName: `${label} studio`,
    timeZone: "America/New_York",
    currency: "USD",
    distanceUnit: "mi",
    ip: null,
    now: new Date(),
    appUrl: "http://localhost:3000",
  });
  if (opts.isConfirmed !== false) await confirmSignup(db, { token: await confirmationTokenFor(db, email), now: new Date() });
  const [member] = await db.select().from(studioMembers).where(eq(studioMembers.studioId, studioId));
  return { studioId, owner: { userId: member!.userId, memberId: member!.id, email, name } };
}

/** A studio made by open sign-up, confirmed, then given a trainer and two clients as `createTestStudio` gives its own. */
export async function signedUpTestStudio(db: Db, label = "signed-up"): Promise<TestStudio> {
  const studio = await signedUpStudio(db, label);
  return staffAndClients(db, studio.studioId, studio.owner);
}
