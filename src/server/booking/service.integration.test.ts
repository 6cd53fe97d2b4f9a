import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { callerFor } from "~test/caller";
import { london, makeBookable } from "~test/booking-factories";
import { setupTestDatabase } from "~test/db";
import { createTestStudio } from "~test/factories";
import { creditBalance } from "@/server/credits/service";
import { bookings, creditLedger, outbox } from "@/server/db/schema";
import { DomainError } from "@/lib/errors";
import { buildFeedForToken, rotateFeed } from "./feed-service";
import { bookSession, cancelBooking, markAttendance, rescheduleBooking, SLOT_TAKEN_MESSAGE } from "./service";

const t = setupTestDatabase();
const NOW = london("2027-03-01T09:00");

/** The error a call fails with (a success is a failed expectation). */
function failure(call: Promise<unknown>): Promise<Error> {
  return call.then(
    () => new Error("it succeeded"),
    (e: unknown) => e as Error,
  );
}

function parseEvents(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return { calendar, events: calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v)) };
}

async function emailsTo(studioId: string, email: string) {
  return t.db.select().from(outbox).where(and(eq(outbox.studioId, studioId), eq(outbox.toEmail, email)));
}

describe("booking a session", () => {
  it("gives one booking and 199 clear refusals when 200 attempts race for one slot, and spends one credit", async () => {
    const s = await createTestStudio(t.db);
    const { creditType } = await makeBookable(t.db, s, { credits: 5 });
    const start = london("2027-03-03T10:00");
    const attempts = Array.from({ length: 200 }, (_, i) => {
      const clientId = i % 2 === 0 ? s.clientA.clientId : s.clientB.clientId;
      return bookSession(t.db, { studioId: s.studioId, sessionTypeId: creditType.id, clientId, start, now: NOW, actor: { by: "client", clientId } });
    });
    const results = await Promise.allSettled(attempts);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(199);
    for (const r of lost) {
      expect(r.reason).toBeInstanceOf(DomainError);
      expect((r.reason as DomainError).message).toBe(SLOT_TAKEN_MESSAGE);
    }
    const rows = await t.db.select().from(bookings).where(eq(bookings.studioId, s.studioId));
    expect(rows).toHaveLength(1);
    const spends = await t.db.select().from(creditLedger).where(and(eq(creditLedger.studioId, s.studioId), eq(creditLedger.kind, "spend")));
    expect(spends).toHaveLength(1);
    const balances = (await creditBalance(t.db, { studioId: s.studioId, clientId: s.clientA.clientId })) + (await creditBalance(t.db, { studioId: s.studioId, clientId: s.clientB.clientId }));
    expect(balances).toBe(9);
  });

  it("books one client into many slots at once without deadlocking, one booking and one credit per slot", async () => {
    const s = await createTestStudio(t.db);
    const { creditType } = await makeBookable(t.db, s, { credits: 20 });
    const clientId = s.clientA.clientId;
    const starts = Array.from({ length: 10 }, (_, i) => london(`2027-03-0${2 + Math.floor(i / 5)}T${String(8 + 2 * (i % 5)).padStart(2, "0")}:00`));
    const results = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) => bookSession(t.db, { studioId: s.studioId, sessionTypeId: creditType.id, clientId, start: starts[i % 10]!, now: NOW, actor: { by: "client", clientId } })),
    );
    const refusals = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(refusals.map((r) => (r.reason as Error).message)).toEqual(Array(30).fill(SLOT_TAKEN_MESSAGE));
    expect(await creditBalance(t.db, { studioId: s.studioId, clientId })).toBe(10);
  });

  it("refuses an overlap the rule did not see: the exclusion constraint holds in the database", async () => {
    const s = await createTestStudio(t.db);
    const { creditType } = await makeBookable(t.db, s);
    const first = await bookSession(t.db, { studioId: s.studioId, sessionTypeId: creditType.id, clientId: s.clientA.clientId, start: london("2027-03-03T10:00"), now: NOW, actor: { by: "client", clientId: s.clientA.clientId } });
    // Written straight to the table, past the rule: 10:30 overlaps 10:00–11:00 (+15).
    const insert = t.db.insert(bookings).values({
      ...first,
      id: randomUUID(),
      clientId: s.clientB.clientId,
      startsAt: london("2027-03-03T10:30"),
      endsAt: london("2027-03-03T11:30"),
      blocked: `[${london("2027-03-03T10:30").toISOString()},${london("2027-03-03T11:45").toISOString()})`,
    });
    await expect(insert).rejects.toSatisfy((e: unknown) => JSON.stringify(e, Object.getOwnPropertyNames(e)).includes("23P01") || String((e as { cause?: { code?: string } }).cause?.code) === "23P01");
    // Back to back after the break is fine: 11:15 starts exactly when the first one's break ends.
    const next = await bookSession(t.db, { studioId: s.studioId, sessionTypeId: creditType.id, clientId: s.clientB.clientId, start: london("2027-03-03T11:00"), now: NOW, actor: { by: "client", clientId: s.clientB.clientId } }).catch((e: unknown) => e);
    expect((next as DomainError).message).toBe(SLOT_TAKEN_MESSAGE);
  });

  it("a booking without credits is refused in words for whoever is booking, and nothing is stored", async () => {
    const s = await createTestStudio(t.db);
    const { creditType } = await makeBookable(t.db, s, { credits: 0 });
    const client = callerFor(t.db, s.clientA.userId, { now: () => NOW });
    const trainer = callerFor(t.db, s.trainer.userId, { now: () => NOW });
    const forClient = await failure(trainer.booking.bookForClient({ sessionTypeId: creditType.id, clientId: s.clientA.clientId, start: london("2027-03-03T10:00") }));
    expect(forClient).toMatchObject({ code: "PRECONDITION_FAILED", message: `${s.clientA.name} has no session credits left: add credits on their page, or ask them to buy a session pack.` });
    const own = await failure(client.portalBooking.book({ sessionTypeId: creditType.id, start: london("2027-03-03T10:00") }));
    expect(own.message).toBe("You have no session credits left. Buy a session pack or ask your coach.");
    // A time outside the hours reads right for both of them too.
    const outside = await failure(trainer.booking.bookForClient({ sessionTypeId: creditType.id, clientId: s.clientA.clientId, start: london("2027-03-03T07:00") }));
    expect(outside.message).toBe("That time is outside the hours this session is offered. Pick one of the times shown.");
    expect(await t.db.select().from(bookings).where(eq(bookings.studioId, s.studioId))).toEqual([]);
    expect(await t.db.select().from(outbox).where(and(eq(outbox.studioId, s.studioId), eq(outbox.kind, "booking_confirmed")))).toEqual([]);
  });

  it("explains bad requests and changes nothing", async () => {
    const s = await createTestStudio(t.db);
    const other = await createTestStudio(t.db);
    const { creditType } = await makeBookable(t.db, s);
    const { creditType: otherType } = await makeBookable(t.db, other);
    const client = callerFor(t.db, s.clientA.userId, { now: () => NOW });
    const trainer = callerFor(t.db, s.trainer.userId, { now: () => NOW });
    const attempt = (start: Date, sessionTypeId = creditType.id) => client.portalBooking.book({ sessionTypeId, start }).then(
        () => new Error("booked"),
        (e: unknown) => e as Error,
      );

    expect((await attempt(london("2027-03-03T07:00"))).message).toMatch(/outside the hours this session is offered/);
    expect((await attempt(london("2027-03-03T10:20"))).message).toMatch(/outside the hours this session is offered/);
    expect((await attempt(london("2027-02-27T10:00"))).message).toMatch(/already passed/);
    expect((await attempt(london("2027-03-03T10:00"), otherType.id)).message).toMatch(/does not exist or is not part of your studio/);
    await client.portalBooking.book({ sessionTypeId: creditType.id, start: london("2027-03-03T10:00") });
    expect((await attempt(london("2027-03-03T10:00"))).message).toBe(SLOT_TAKEN_MESSAGE);
    const badZone = await failure(trainer.booking.setAvailability({ timeZone: "Mars/Olympus_Mons", weekly: [] }));
    expect(badZone.message).toMatch(/Choose a time zone from the list/);

    expect(await t.db.select().from(bookings).where(eq(bookings.studioId, s.studioId))).toHaveLength(1);
    expect(await creditBalance(t.db, { studioId: s.studioId, clientId: s.clientA.clientId })).toBe(4);
    expect((await trainer.booking.availability()).weekly).toHaveLength(7);
  });

  it("emails a confirmation whose .ics parses with ical.js at the booked instants", async () => {
    const s = await createTestStudio(t.db);
    const { moneyType } = await makeBookable(t.db, s);
    const start = london("2027-03-28T10:00"); // the Sunday London springs forward: 10:00 BST is 09:00Z
    const booking = await bookSession(t.db, { studioId: s.studioId, sessionTypeId: moneyType.id, clientId: s.clientA.clientId, start, now: NOW, actor: { by: "client", clientId: s.clientA.clientId } });
    expect(start.toISOString()).toBe("2027-03-28T09:00:00.000Z");
    const [email] = await emailsTo(s.studioId, s.clientA.email);
    expect(email!.subject).toContain("Video form check");
    const attachment = email!.attachments[0]!;
    expect(attachment.contentType).toContain("method=REQUEST");
    const { calendar, events } = parseEvents(attachment.content);
    expect(calendar.getFirstPropertyValue("method")).toBe("REQUEST");
    expect(events).toHaveLength(1);
    expect(events[0]!.startDate.toJSDate().toISOString()).toBe("2027-03-28T09:00:00.000Z");
    expect(events[0]!.endDate.toJSDate().toISOString()).toBe("2027-03-28T09:30:00.000Z");
    expect(events[0]!.uid).toBe(`booking-${booking.id}@stride`);
  });
});

describe("cancelling and moving", () => {
  it("refunds the credit inside the policy, keeps it outside, and needs the client to accept the cost", async () => {
    const s = await createTestStudio(t.db);
    const { creditType } = await makeBookable(t.db, s, { credits: 2 });
    const ref = { studioId: s.studioId, clientId: s.clientA.clientId };
    const actor = { by: "client" as const, clientId: s.clientA.clientId };
    const early = await bookSession(t.db, { studioId: s.studioId, sessionTypeId: creditType.id, clientId: ref.clientId, start: london("2027-03-05T10:00"), now: NOW, actor });
    const late = await bookSession(t.db, { studioId: s.studioId, sessionTypeId: creditType.id, clientId: ref.clientId, start: london("2027-03-01T17:00"), now: NOW, actor });
    expect(await creditBalance(t.db, ref)).toBe(0);

    const free = await cancelBooking(t.db, { studioId: s.studioId, bookingId: early.id, actor, now: NOW });
    expect(free.outcome.isFree).toBe(true);
    expect(await creditBalance(t.db, ref)).toBe(1);

    const refused = await failure(cancelBooking(t.db, { studioId: s.studioId, bookingId: late.id, actor, now: NOW }));
    expect(refused.message).toMatch(/uses up your credit/);
    expect((await t.db.select().from(bookings).where(eq(bookings.id, late.id)))[0]!.status).toBe("confirmed");
    const charged = await cancelBooking(t.db, { studioId: s.studioId, bookingId: late.id, actor, now: NOW, acceptCost: true });
    expect(charged.outcome.consequence).toBe("forfeit_credit");
    expect(charged.booking.creditForfeited).toBe(1);
    expect(await creditBalance(t.db, ref)).toBe(1);

    // The cancellation email removes the event: METHOD:CANCEL, same UID, higher SEQUENCE.
    const cancelMail = (await emailsTo(s.studioId, s.clientA.email)).find((e) => e.kind === "booking_cancelled" && e.text.includes("17:00"))!;
    const { calendar, events } = parseEvents(cancelMail.attachments[0]!.content);
    expect(calendar.getFirstPropertyValue("method")).toBe("CANCEL");
    expect(events[0]!.sequence).toBe(1);
    expect(events[0]!.uid).toBe(`booking-${late.id}@stride`);
  });

  it("records a late fee on a money-priced session, and a trainer's cancel is always free", async () => {
    const s = await createTestStudio(t.db);
    const { moneyType, creditType } = await makeBookable(t.db, s, { credits: 1 });
    const actor = { by: "client" as const, clientId: s.clientA.clientId };
    const paid = await bookSession(t.db, { studioId: s.studioId, sessionTypeId: moneyType.id, clientId: s.clientA.clientId, start: london("2027-03-01T15:00"), now: NOW, actor });
    const { booking } = await cancelBooking(t.db, { studioId: s.studioId, bookingId: paid.id, actor, now: NOW, acceptCost: true });
    expect([booking.lateFeeAmountMinor, booking.lateFeeCurrency]).toEqual([4000, "GBP"]);

    const soon = await bookSession(t.db, { studioId: s.studioId, sessionTypeId: creditType.id, clientId: s.clientA.clientId, start: london("2027-03-01T16:00"), now: NOW, actor });
    const byTrainer = await cancelBooking(t.db, { studioId: s.studioId, bookingId: soon.id, actor: { by: "trainer", memberId: s.trainer.memberId }, now: NOW });
    expect(byTrainer.outcome.isFree).toBe(true);
    expect(await creditBalance(t.db, { studioId: s.studioId, clientId: s.clientA.clientId })).toBe(1);
  });

  it("moves a booking inside the policy (same credit, next version) and refuses a late move", async () => {
    const s = await createTestStudio(t.db);
    const { creditType } = await makeBookable(t.db, s, { credits: 2 });
    const actor = { by: "client" as const, clientId: s.clientA.clientId };
    const booking = await bookSession(t.db, { studioId: s.studioId, sessionTypeId: creditType.id, clientId: s.clientA.clientId, start: london("2027-03-05T10:00"), now: NOW, actor });
    const moved = await rescheduleBooking(t.db, { studioId: s.studioId, bookingId: booking.id, start: london("2027-03-06T14:00"), actor, now: NOW });
    expect(moved.startsAt.toISOString()).toBe(london("2027-03-06T14:00").toISOString());
    expect(moved.version).toBe(1);
    expect(await creditBalance(t.db, { studioId: s.studioId, clientId: s.clientA.clientId })).toBe(1);
    // The old time is free again.
    await bookSession(t.db, { studioId: s.studioId, sessionTypeId: creditType.id, clientId: s.clientB.clientId, start: london("2027-03-05T10:00"), now: NOW, actor: { by: "client", clientId: s.clientB.clientId } });
    const late = await failure(rescheduleBooking(t.db, { studioId: s.studioId, bookingId: booking.id, start: london("2027-03-07T10:00"), actor, now: london("2027-03-06T09:00") }));
    expect(late.message).toMatch(/^Sessions can be moved for free until .*, so this one can't be moved any more/);
  });

  it("lets the trainer mark attendance once the session has started, not before", async () => {
    const s = await createTestStudio(t.db);
    const { creditType } = await makeBookable(t.db, s);
    const booking = await bookSession(t.db, { studioId: s.studioId, sessionTypeId: creditType.id, clientId: s.clientA.clientId, start: london("2027-03-05T10:00"), now: NOW, actor: { by: "trainer", memberId: s.trainer.memberId } });
    const early = await failure(markAttendance(t.db, { studioId: s.studioId, bookingId: booking.id, status: "attended", now: NOW }));
    expect(early.message).toBe("Mark attendance once the session has started.");
    const marked = await markAttendance(t.db, { studioId: s.studioId, bookingId: booking.id, status: "no_show", now: london("2027-03-05T10:20") });
    expect(marked.status).toBe("no_show");
    // A no-show still holds its time: nobody else can take it.
    const taken = await failure(bookSession(t.db, { studioId: s.studioId, sessionTypeId: creditType.id, clientId: s.clientB.clientId, start: london("2027-03-05T10:00"), now: NOW, actor: { by: "client", clientId: s.clientB.clientId } }));
    expect(taken.message).toBe(SLOT_TAKEN_MESSAGE);
  });

  it("does not let a client touch another client's booking", async () => {
    const s = await createTestStudio(t.db);
    const { creditType } = await makeBookable(t.db, s);
    const booking = await bookSession(t.db, { studioId: s.studioId, sessionTypeId: creditType.id, clientId: s.clientA.clientId, start: london("2027-03-05T10:00"), now: NOW, actor: { by: "client", clientId: s.clientA.clientId } });
    const asB = callerFor(t.db, s.clientB.userId, { now: () => NOW });
    await expect(asB.portalBooking.cancel({ bookingId: booking.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(asB.portalBooking.preview({ bookingId: booking.id, action: "cancel" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await asB.portalBooking.list()).upcoming).toHaveLength(0);
  });
});

describe("the private calendar feed", () => {
  it("serves the owner's bookings (a cancelled one as CANCELLED) and stops working when rotated", async () => {
    const s = await createTestStudio(t.db);
    const { creditType } = await makeBookable(t.db, s);
    const actor = { by: "client" as const, clientId: s.clientA.clientId };
    const kept = await bookSession(t.db, { studioId: s.studioId, sessionTypeId: creditType.id, clientId: s.clientA.clientId, start: london("2027-03-05T10:00"), now: NOW, actor });
    const dropped = await bookSession(t.db, { studioId: s.studioId, sessionTypeId: creditType.id, clientId: s.clientA.clientId, start: london("2027-03-06T10:00"), now: NOW, actor });
    await bookSession(t.db, { studioId: s.studioId, sessionTypeId: creditType.id, clientId: s.clientB.clientId, start: london("2027-03-07T10:00"), now: NOW, actor: { by: "client", clientId: s.clientB.clientId } });
    await cancelBooking(t.db, { studioId: s.studioId, bookingId: dropped.id, actor, now: NOW });

    const { url } = await rotateFeed(t.db, { studioId: s.studioId, owner: { clientId: s.clientA.clientId }, appUrl: "http://x", now: NOW });
    const token = url.split("/").pop()!.replace(/\.ics$/, "");
    const { events } = parseEvents((await buildFeedForToken(t.db, token, NOW))!);
    const byUid = Object.fromEntries(events.map((e) => [e.uid, e]));
    expect(Object.keys(byUid).sort()).toEqual([`booking-${dropped.id}@stride`, `booking-${kept.id}@stride`].sort());
    expect(byUid[`booking-${kept.id}@stride`]!.startDate.toJSDate().toISOString()).toBe(london("2027-03-05T10:00").toISOString());
    expect(byUid[`booking-${dropped.id}@stride`]!.component.getFirstPropertyValue("status")).toBe("CANCELLED");

    const trainerFeed = await rotateFeed(t.db, { studioId: s.studioId, owner: { memberId: s.trainer.memberId }, appUrl: "http://x", now: NOW });
    const trainerEvents = parseEvents((await buildFeedForToken(t.db, trainerFeed.url.split("/").pop()!.replace(/\.ics$/, ""), NOW))!).events;
    expect(trainerEvents).toHaveLength(3);

    await rotateFeed(t.db, { studioId: s.studioId, owner: { clientId: s.clientA.clientId }, appUrl: "http://x", now: NOW });
    expect(await buildFeedForToken(t.db, token, NOW)).toBeNull();
  });
});
