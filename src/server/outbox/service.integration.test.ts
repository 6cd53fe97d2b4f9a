import { eq } from "drizzle-orm";
import nodemailer from "nodemailer";
import { describe, expect, it } from "vitest";
import { outbox } from "@/server/db/schema";
import { setupTestDatabase } from "~test/db";
import { createTestStudio } from "~test/factories";
import { deliverPendingEmails, enqueueEmail } from "./service";

const t = setupTestDatabase();

describe("the outbox sender", () => {
  it("delivers each pending email once with its attachments, and marks it sent", async () => {
    const s = await createTestStudio(t.db);
    await enqueueEmail(t.db, {
      studioId: s.studioId,
      kind: "booking_confirmation",
      to: s.clientA.email,
      subject: "Your session is booked",
      text: "See you on Tuesday.",
      attachments: [{ filename: "session.ics", contentType: "text/calendar", content: "BEGIN:VCALENDAR\r\nEND:VCALENDAR" }],
    });
    // nodemailer's JSON transport builds the real message without a network.
    const sent: { to: string; attachments: number }[] = [];
    const transport = nodemailer.createTransport({ jsonTransport: true });
    const original = transport.sendMail.bind(transport);
    transport.sendMail = (async (mail: nodemailer.SendMailOptions) => {
      sent.push({ to: String(mail.to), attachments: mail.attachments?.length ?? 0 });
      return original(mail);
    }) as typeof transport.sendMail;

    // The run's database is shared with other test files, whose emails wait too: drain them all, then once more.
    while ((await deliverPendingEmails(t.db, transport, "Stride <no-reply@stride.test>")) > 0);
    await deliverPendingEmails(t.db, transport, "Stride <no-reply@stride.test>");
    expect(sent.filter((m) => m.to === s.clientA.email)).toEqual([{ to: s.clientA.email, attachments: 1 }]);
    const [row] = await t.db.select().from(outbox).where(eq(outbox.toEmail, s.clientA.email));
    expect(row?.sentAt).toBeInstanceOf(Date);
  });
});
