import type { Metadata } from "next";
import { Alert, Badge, Card } from "@/components/ui/card";
import { api, orForbidden } from "@/trpc/server";

export const metadata: Metadata = { title: "Outbox" };

// Links inside emails are made clickable so the demo works without a mail server.
function linkify(text: string) {
  return text.split(/(https?:\/\/\S+)/g).map((part, i) =>
    /^https?:\/\//.test(part) ? (
      <a key={i} href={part} className="break-all text-brand-700 underline">
        {part}
      </a>
    ) : (
      part
    ),
  );
}

const utcMinute = (at: Date) => at.toISOString().replace("T", " ").slice(0, 16);

export default async function OutboxPage() {
  const emails = await orForbidden((await api()).outbox.list());
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-bold">Outbox</h1>
      <Alert tone="info">
        Demo mode has no mail server, so the studio&apos;s emails wait here. Sign-in links, invites, password resets and address confirmations
        are shown only to the person they are addressed to: the others are written to the server&apos;s log, for whoever runs Stride to pass on. Set <code>SMTP_URL</code> to deliver
        every email.
      </Alert>
      {emails.length === 0 ? <p className="text-stone-600">No emails yet.</p> : null}
      <ul className="space-y-3">
        {emails.map((email) => (
          <li key={email.id}>
            <Card>
              <div className="flex flex-wrap items-baseline gap-x-3">
                <h2 className="font-semibold">{email.subject}</h2>
                <Badge>{email.kind.replaceAll("_", " ")}</Badge>
                <span className="ml-auto text-sm text-stone-600">to {email.toEmail}</span>
              </div>
              <p className="mt-1 text-xs text-stone-500">
                {utcMinute(email.createdAt)} UTC · {email.sentAt ? `sent ${utcMinute(email.sentAt)} UTC` : "not sent (no mail server)"}
              </p>
              {email.text === null ? (
                <p className="mt-3 text-sm text-stone-700">
                  Only {email.toEmail} can read this email: its link is theirs alone.{" "}
                  {email.sentAt ? "It was written to the server's log." : "It goes to the server's log within a few seconds."}
                </p>
              ) : (
                <pre className="mt-3 font-sans text-sm whitespace-pre-wrap">{linkify(email.text)}</pre>
              )}
              {email.attachments.length ? (
                <p className="mt-2 text-xs text-stone-600">Attached: {email.attachments.map((a) => `${a.filename} (${a.contentType.split(";")[0]})`).join(", ")}</p>
              ) : null}
            </Card>
          </li>
        ))}
      </ul>
    </div>
  );
}
