import { and, asc, desc, eq, isNull, lt, sql } from "drizzle-orm";
import type { Transporter } from "nodemailer";
import type { Db, Queryable } from "@/server/db/client";
import { outbox, type OutboxAttachment } from "@/server/db/schema";

export type NewEmail = {
  studioId: string;
  kind: string;
  to: string;
  subject: string;
  text: string;
  attachments?: OutboxAttachment[];
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
    })
    .returning();
  return row!;
}

export function listOutbox(q: Queryable, studioId: string, limit = 50) {
  return q.select().from(outbox).where(eq(outbox.studioId, studioId)).orderBy(desc(outbox.createdAt)).limit(limit);
}

const MAX_ATTEMPTS = 5;

// Delivers pending emails oldest first. `FOR UPDATE SKIP LOCKED` lets several app instances
// run the sender at once without sending one email twice.
export async function deliverPendingEmails(db: Db, transport: Transporter, from: string, batchSize = 20): Promise<number> {
  let delivered = 0;
  for (let i = 0; i < batchSize; i++) {
    const sent = await db.transaction(async (tx) => {
      const [email] = await tx
        .select()
        .from(outbox)
        .where(and(isNull(outbox.sentAt), lt(outbox.attempts, MAX_ATTEMPTS)))
        .orderBy(asc(outbox.createdAt))
        .limit(1)
        .for("update", { skipLocked: true });
      if (!email) return null;
      try {
        await transport.sendMail({
          from,
          to: email.toEmail,
          subject: email.subject,
          text: email.text,
          attachments: email.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
        });
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
