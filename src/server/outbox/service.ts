import { and, asc, desc, eq, isNull, lt, sql, type SQL } from "drizzle-orm";
import type { Transporter } from "nodemailer";
import type { Db, Queryable } from "@/server/db/client";
import { outbox, type OutboxAttachment, type OutboxEmail } from "@/server/db/schema";
import { inStudio } from "@/server/db/tenancy";
import { DomainError } from "@/server/errors";
import { outboxEntryFor } from "./rules";

export type NewEmail = {
  studioId: string;
  kind: string;
  to: string;
  subject: string;
  text: string;
  attachments?: OutboxAttachment[];
  /**
   * It holds a sign-in link, an invite, a password reset, any one-time token: whoever reads it
   * can act as its addressee, so only they may (src/server/outbox/rules.ts).
   */
  carriesCredential?: boolean;
};

/** Queue an email; call it inside the transaction that makes the email true. */
export async function enqueueEmail(q: Queryable, email: NewEmail) {
  const [row] = await q
    .insert(outbox)
    .values({
      studioId: email.studioId,
      kind: email.kind,
      toEmail: email.to,
      subject: email.subject,
      text: email.text,
      attachments: email.attachments ?? [],
      carriesCredential: email.carriesCredential ?? false,
    })
    .returning();
  return row!;
}

/**
 * The studio's latest emails as `reader` may see them: every email's addressee, subject, time
 * and status, but a credential's body only for the person it is addressed to.
 */
export async function listOutbox(q: Queryable, studioId: string, reader: { email: string }, context: { isDemo: boolean }, limit = 50) {
  // Only demo mode has no mail server to send them; elsewhere emails are nobody's to read here.
  if (!context.isDemo) throw new DomainError("PRECONDITION_FAILED", "The outbox is shown only in demo mode; emails go out by SMTP.");
  const rows = await q.select().from(outbox).where(inStudio(outbox, studioId)).orderBy(desc(outbox.createdAt)).limit(limit);
  return rows.map((row) => outboxEntryFor(row, reader));
}

const MAX_ATTEMPTS = 5;

// Delivers pending emails oldest first. `FOR UPDATE SKIP LOCKED` lets several app instances
// run the sender at once without sending one email twice.
export async function deliverPendingEmails(db: Db, transport: Transporter, from: string, batchSize = 20): Promise<number> {
  return deliverEach(db, undefined, batchSize, (email) =>
    transport.sendMail({
      from,
      to: email.toEmail,
      subject: email.subject,
      text: email.text,
      attachments: email.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
    }),
  );
}

/**
 * Without a mail server, a credential (a sign-in link, an invite) would wait where only a
 * studio's trainers look, and they must not read it: it is handed to `write` (the server's
 * log, which the operator reads) and marked sent. Other emails keep waiting in the outbox.
 */
export async function writePendingCredentials(db: Db, write: (email: OutboxEmail) => void, batchSize = 20): Promise<number> {
  return deliverEach(db, eq(outbox.carriesCredential, true), batchSize, async (email) => write(email));
}

async function deliverEach(db: Db, only: SQL | undefined, batchSize: number, send: (email: OutboxEmail) => Promise<unknown>): Promise<number> {
  let delivered = 0;
  for (let i = 0; i < batchSize; i++) {
    const sent = await db.transaction(async (tx) => {
      const [email] = await tx
        .select()
        .from(outbox)
        .where(and(isNull(outbox.sentAt), lt(outbox.attempts, MAX_ATTEMPTS), only))
        .orderBy(asc(outbox.createdAt))
        .limit(1)
        .for("update", { skipLocked: true });
      if (!email) return null;
      try {
        await send(email);
        await tx.update(outbox).set({ sentAt: new Date(), attempts: sql`${outbox.attempts} + 1` }).where(eq(outbox.id, email.id));
        return true;
      } catch (error) {
        await tx
          .update(outbox)
          .set({ attempts: sql`${outbox.attempts} + 1`, lastError: String((error as Error).message).slice(0, 500) })
          .where(eq(outbox.id, email.id));
        return false;
      }
    });
    if (sent === null) break;
    if (sent) delivered++;
  }
  return delivered;
}
