import { and, asc, desc, eq, inArray, isNull, lt, notInArray, or, sql, type SQL } from "drizzle-orm";
import type { Transporter } from "nodemailer";
import { lastErrorOf, MAX_ATTEMPTS, runClaimPass, waitedSinceCreatedSql } from "@/server/db/claim-loop";
import type { Db, Queryable } from "@/server/db/client";
import { clients, outbox, type OutboxAttachment, type OutboxEmail } from "@/server/db/schema";
import { clientVisibleTo, inStudio } from "@/server/db/tenancy";
import type { ClientScope } from "@/lib/client-visibility";
import { DomainError } from "@/lib/errors";
import { studioBrand } from "@/server/studio/service";
import { brandedEmailHtml } from "./html";
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
export async function listOutbox(q: Queryable, studioId: string, reader: { email: string; clientScope?: ClientScope }, context: { isDemo: boolean }, limit = 50) {
  // Only demo mode has no mail server to send them; elsewhere emails are nobody's to read here.
  if (!context.isDemo) throw new DomainError("PRECONDITION_FAILED", "The outbox is shown only in demo mode; emails go out by SMTP.");
  // A trainer kept to their own clients reads what was sent to them and to those clients only.
  const scope = reader.clientScope ?? null;
  const visible = scope
    ? or(eq(outbox.toEmail, reader.email), inArray(outbox.toEmail, q.select({ email: clients.email }).from(clients).where(inStudio(clients, studioId, clientVisibleTo(scope)))))
    : undefined;
  const rows = await q.select().from(outbox).where(inStudio(outbox, studioId, visible)).orderBy(desc(outbox.createdAt)).limit(limit);
  return rows.map((row) => outboxEntryFor(row, reader));
}

// Delivers pending emails oldest first, claimed as jobs are (db/claim-loop.ts): several app
// instances can run the sender at once without sending one email twice, and one that failed
// waits a growing delay before the next try.
// Each leaves as its text and as HTML in the studio's name and colour as they are when it is sent.
export async function deliverPendingEmails(db: Db, transport: Transporter, from: string, batchSize = 20, now: () => Date = () => new Date()): Promise<number> {
  return deliverEach(db, undefined, batchSize, now, async (email, tx) => {
    // Read in the claim's transaction: PGlite's one connection is held by it.
    const brand = await studioBrand(tx, email.studioId);
    return transport.sendMail({
      from,
      to: email.toEmail,
      subject: email.subject,
      text: email.text,
      html: brand ? brandedEmailHtml({ studioName: brand.name, brandColor: brand.brandColor, text: email.text }) : undefined,
      attachments: email.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
    });
  });
}

/**
 * Without a mail server, a credential (a sign-in link, an invite) would wait where only a
 * studio's trainers look, and they must not read it: it is handed to `write` (the server's
 * log, which the operator reads) and marked sent. Other emails keep waiting in the outbox.
 */
export async function writePendingCredentials(db: Db, write: (email: OutboxEmail) => void, batchSize = 20, now: () => Date = () => new Date()): Promise<number> {
  return deliverEach(db, eq(outbox.carriesCredential, true), batchSize, now, async (email) => write(email));
}

function deliverEach(db: Db, only: SQL | undefined, batchSize: number, now: () => Date, send: (email: OutboxEmail, tx: Queryable) => Promise<unknown>): Promise<number> {
  return runClaimPass<OutboxEmail>(db, {
    limit: batchSize,
    claim: async (tx, skip) => {
      // The outbox keeps no next-attempt time: a retry is due once the waits so far have passed since it was queued.
      const isDue = or(eq(outbox.attempts, 0), sql`${outbox.createdAt} + ${waitedSinceCreatedSql(outbox.attempts)} <= ${now().toISOString()}::timestamptz`);
      const [email] = await tx
        .select()
        .from(outbox)
        .where(and(isNull(outbox.sentAt), lt(outbox.attempts, MAX_ATTEMPTS), isDue, only, skip.length ? notInArray(outbox.id, [...skip]) : undefined))
        .orderBy(asc(outbox.createdAt))
        .limit(1)
        .for("update", { skipLocked: true });
      return email;
    },
    run: async (tx, email) => {
      await send(email, tx);
    },
    done: async (tx, email) => {
      await tx.update(outbox).set({ sentAt: now(), attempts: sql`${outbox.attempts} + 1` }).where(eq(outbox.id, email.id));
    },
    failed: async (tx, email, error) => {
      await tx.update(outbox).set({ attempts: sql`${outbox.attempts} + 1`, lastError: lastErrorOf(error) }).where(eq(outbox.id, email.id));
    },
  });
}
