import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import nodemailer from "nodemailer";
import { describe, expect, it } from "vitest";
import { outbox, studios } from "@/server/db/schema";
import { requestMagicLink } from "@/server/auth/service";
import { callerFor } from "~test/caller";
import { setupTestDatabase } from "~test/db";
import { createTestStudio } from "~test/factories";
import { deliverPendingEmails, enqueueEmail, writePendingCredentials } from "./service";

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

describe("a sent email", () => {
  it("carries an HTML part headed by the studio's name on its brand colour", async () => {
    const s = await createTestStudio(t.db, "branded");
    await t.db.update(studios).set({ name: "Riverside Running", brandColor: "#1d4ed8" }).where(eq(studios.id, s.studioId));
    await enqueueEmail(t.db, { studioId: s.studioId, kind: "booking_confirmed", to: s.clientB.email, subject: "Booked", text: "See you." });
    const html: string[] = [];
    const transport = nodemailer.createTransport({ jsonTransport: true });
    const original = transport.sendMail.bind(transport);
    transport.sendMail = (async (mail: nodemailer.SendMailOptions) => {
      if (String(mail.to) === s.clientB.email) html.push(String(mail.html));
      return original(mail);
    }) as typeof transport.sendMail;
    while ((await deliverPendingEmails(t.db, transport, "Stride <no-reply@stride.test>")) > 0);
    expect(html).toHaveLength(1);
    expect(html[0]).toContain("background:#1d4ed8;color:#ffffff");
    expect(html[0]).toContain(">Riverside Running</td>");
    expect(html[0]).toContain("See you.");
  });
});

describe("an email the mail server refuses", () => {
  // It used to be tried again at once, up to five times in one pass: a mail server that is down
  // was hit five times a second. Now it waits 1, 2, 4, then 8 minutes, as a failed job does.
  it("is not tried again in the same pass, and waits a growing delay between tries", async () => {
    const s = await createTestStudio(t.db);
    const queued = await enqueueEmail(t.db, { studioId: s.studioId, kind: "booking_confirmed", to: s.clientA.email, subject: "Booked", text: "See you." });
    let tries = 0;
    // Other test files' emails wait in the same database: those are delivered, ours is refused.
    const transport = nodemailer.createTransport({ jsonTransport: true });
    const original = transport.sendMail.bind(transport);
    transport.sendMail = (async (mail: nodemailer.SendMailOptions) => {
      if (String(mail.to) !== s.clientA.email) return original(mail);
      tries++;
      throw new Error("connect ECONNREFUSED 192.0.2.1:587");
    }) as typeof transport.sendMail;
    // A second past each mark: PostgreSQL keeps microseconds that the returned Date rounds away.
    const after = (minutes: number) => () => new Date(queued.createdAt.getTime() + minutes * 60_000 + 1000);
    const pass = (minutes: number) => deliverPendingEmails(t.db, transport, "Stride <no-reply@stride.test>", 1000, after(minutes));

    await pass(0);
    expect(tries).toBe(1);
    for (const [minutes, expected] of [
      [0.5, 1], // 1 minute after the first try
      [1, 2],
      [2.5, 2], // 2 minutes after the second
      [3, 3],
      [6.5, 3], // 4 minutes after the third
      [7, 4],
      [14.5, 4], // 8 minutes after the fourth
      [15, 5],
      [60, 5], // five tries, then it is left alone with its error
    ] as const) {
      await pass(minutes);
      expect(tries, `${minutes} minutes after it was queued`).toBe(expected);
    }
    const [row] = await t.db.select().from(outbox).where(eq(outbox.id, queued.id));
    expect(row).toMatchObject({ sentAt: null, attempts: 5, lastError: "connect ECONNREFUSED 192.0.2.1:587" });
  });
});

describe("what a studio's trainers read in the demo outbox", () => {
  it("is there in demo mode only: elsewhere emails go out by SMTP and nobody reads them here", async () => {
    const s = await createTestStudio(t.db);
    await expect(callerFor(t.db, s.owner.userId, { isDemo: false }).outbox.list()).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "The outbox is shown only in demo mode; emails go out by SMTP.",
    });
  });

  it("a sign-in link asked for by anyone is readable by its addressee only; the others see that it went, never the link", async () => {
    const s = await createTestStudio(t.db);
    // Signed out, someone asks for the owner's link; the trainer then opens the outbox.
    await callerFor(t.db, null).auth.requestMagicLink({ email: s.owner.email });
    const trainersView = (await callerFor(t.db, s.trainer.userId).outbox.list()).filter((e) => e.toEmail === s.owner.email);
    expect(trainersView).toHaveLength(1);
    expect(trainersView[0]).toMatchObject({ kind: "magic_link", subject: "Your Stride sign-in link", text: null, isWithheld: true });
    expect(JSON.stringify(trainersView)).not.toMatch(/token=/);
    const ownersView = (await callerFor(t.db, s.owner.userId).outbox.list()).filter((e) => e.toEmail === s.owner.email);
    expect(ownersView[0]!.text).toMatch(/\/magic-link\?token=/);
  });

  it("an invite link goes to the inviting trainer once, at creation, and to no trainer in the outbox", async () => {
    const s = await createTestStudio(t.db);
    const email = `invitee-${randomUUID().slice(0, 8)}@example.test`;
    const invited = await callerFor(t.db, s.trainer.userId).client.invite({ name: "New Runner", email });
    expect(invited.inviteLink).toMatch(/^http:\/\/localhost:3000\/invite\?token=/);
    for (const reader of [s.owner, s.trainer]) {
      const view = (await callerFor(t.db, reader.userId).outbox.list()).filter((e) => e.toEmail === email);
      expect(view).toMatchObject([{ kind: "invite", text: null, isWithheld: true }]);
      expect(JSON.stringify(view)).not.toContain(new URL(invited.inviteLink!).searchParams.get("token")!);
    }
    // Another trainer resending it gets no link back (it is written to the log instead).
    const clientId = invited.id;
    expect(await callerFor(t.db, s.owner.userId).client.resendInvite({ clientId })).toEqual({ ok: true });
    // With a mail server, the link is in the email only.
    const mailed = await callerFor(t.db, s.trainer.userId, { hasMailServer: true }).client.invite({ name: "Mailed Runner", email: `mailed-${email}` });
    expect(mailed.inviteLink).toBeNull();
  });

  it("without a mail server, sign-in links and invites are written to the log once and marked sent; other emails keep waiting", async () => {
    const s = await createTestStudio(t.db);
    await requestMagicLink(t.db, { email: s.clientA.email, ip: null, now: new Date(), appUrl: "http://localhost:3000" });
    await enqueueEmail(t.db, { studioId: s.studioId, kind: "booking_confirmed", to: s.clientA.email, subject: "Booked", text: "See you." });
    const written: string[] = [];
    while ((await writePendingCredentials(t.db, (email) => written.push(`${email.kind} ${email.toEmail} ${email.text}`))) > 0);
    expect(written.filter((line) => line.includes(s.clientA.email))).toEqual([expect.stringMatching(/^magic_link .*http:\/\/localhost:3000\/magic-link\?token=/s)]);
    const rows = await t.db.select().from(outbox).where(eq(outbox.toEmail, s.clientA.email));
    expect(Object.fromEntries(rows.map((r) => [r.kind, r.sentAt !== null]))).toEqual({ magic_link: true, booking_confirmed: false });
  });
});
