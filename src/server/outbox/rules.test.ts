import { describe, expect, it } from "vitest";
import type { OutboxEmail } from "@/server/db/schema";
import { isReadableBy, outboxEntryFor } from "./rules";

const email = (over: Partial<OutboxEmail>): OutboxEmail => ({
  id: "e1",
  studioId: "s1",
  kind: "magic_link",
  toEmail: "morgan@stride.test",
  subject: "Your Stride sign-in link",
  text: "Open http://localhost:3000/magic-link?token=secret to sign in.",
  carriesCredential: true,
  attachments: [],
  sentAt: null,
  attempts: 0,
  lastError: null,
  createdAt: new Date("2026-12-01T10:00:00Z"),
  ...over,
});

describe("who reads an email in the outbox", () => {
  it.each([
    { name: "a credential, by its addressee", mail: {}, reader: "morgan@stride.test", readable: true },
    { name: "a credential, by its addressee typed in capitals", mail: {}, reader: "Morgan@Stride.test", readable: true },
    { name: "a credential, by another trainer of the studio", mail: {}, reader: "tom@stride.test", readable: false },
    { name: "an invite, by the trainer who did not receive it", mail: { kind: "invite", toEmail: "new@client.test" }, reader: "tom@stride.test", readable: false },
    { name: "a booking confirmation, by any trainer", mail: { kind: "booking_confirmed", carriesCredential: false, toEmail: "alex@stride.test" }, reader: "tom@stride.test", readable: true },
  ])("$name → $readable", ({ mail, reader, readable }) => {
    expect(isReadableBy(email(mail), { email: reader })).toBe(readable);
  });

  it("shows others that a credential went, to whom and when, and nothing of its link", () => {
    const entry = outboxEntryFor(email({ sentAt: new Date("2026-12-01T10:00:05Z") }), { email: "tom@stride.test" });
    expect(entry).toMatchObject({ toEmail: "morgan@stride.test", subject: "Your Stride sign-in link", isWithheld: true, text: null });
    expect(entry.sentAt).toEqual(new Date("2026-12-01T10:00:05Z"));
    expect(JSON.stringify(entry)).not.toContain("token");
  });
});
