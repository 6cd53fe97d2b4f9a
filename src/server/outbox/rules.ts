import type { OutboxEmail } from "@/server/db/schema";

// Who may read what in a studio's outbox (demo mode has no mail server, so the studio's
// trainers see its emails there). A credential (sign-in link, invite, password reset, any
// one-time token) lets whoever reads it act as its addressee: only the addressee reads it.
// Everyone else sees that it was sent, to whom, when and how it went, never the link.

export type OutboxEntry = {
  id: string;
  kind: string;
  toEmail: string;
  subject: string;
  createdAt: Date;
  /** When it left (by SMTP, or to the server's log for a credential without a mail server). */
  sentAt: Date | null;
  lastError: string | null;
  attachments: { filename: string; contentType: string }[];
  /** The body, or null when it is withheld from this reader. */
  text: string | null;
  isWithheld: boolean;
};

/** May `reader` read this email's body? Always, unless it carries a credential for someone else. */
export function isReadableBy(email: Pick<OutboxEmail, "carriesCredential" | "toEmail">, reader: { email: string }): boolean {
  return !email.carriesCredential || email.toEmail.trim().toLowerCase() === reader.email.trim().toLowerCase();
}

/** One email as `reader` sees it in the outbox. */
export function outboxEntryFor(email: OutboxEmail, reader: { email: string }): OutboxEntry {
  const isWithheld = !isReadableBy(email, reader);
  return {
    id: email.id,
    kind: email.kind,
    toEmail: email.toEmail,
    subject: email.subject,
    createdAt: email.createdAt,
    sentAt: email.sentAt,
    lastError: isWithheld ? null : email.lastError,
    attachments: isWithheld ? [] : email.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType })),
    text: isWithheld ? null : email.text,
    isWithheld,
  };
}
