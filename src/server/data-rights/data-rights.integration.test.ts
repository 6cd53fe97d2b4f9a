import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { revenueSummary, startPurchase } from "@/server/billing/service";
import { bookSession } from "@/server/booking/service";
import { rotateFeed } from "@/server/booking/feed";
import { startDeviceSession } from "@/server/auth/device-sessions";
import { signInWithPassword } from "@/server/auth/service";
import { creditBalance } from "@/server/credits/service";
import type { Db } from "@/server/db/client";
import { authSessions, authTokens, calendarFeeds, checkinPainScores, checkinQuestions, checkinResponses, clients, invoices, loginAttempts, outbox, practiceSessions, runs, subscriptions, users } from "@/server/db/schema";
import { logSession } from "@/server/training/service";
import { createTestPlans, recordingProvider } from "~test/billing";
import { london, makeBookable } from "~test/booking-factories";
import { callerFor } from "~test/caller";
import { answeredCheckin, plainAnswers } from "~test/checkin-answers";
import { scheduleCheckin } from "~test/checkin-fixtures";
import { addDays, localDateIn } from "@/lib/local-date";
import { setupTestDatabase } from "~test/db";
import { createTestStudio, TEST_PASSWORD, type TestStudio } from "~test/factories";
import { freshRun, freshSession, sampleSession, withFoundation } from "~test/training-fixtures";
import { streamExport } from "./export";
import type { ExportScope } from "./scope";

const t = setupTestDatabase();

async function unzip(db: Db, scope: ExportScope): Promise<Record<string, string>> {
  const parts: Uint8Array[] = [];
  for await (const part of await streamExport(db, scope, new Date())) parts.push(part);
  const zip = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) (zip.set(p, at), (at += p.length));
  return Object.fromEntries(Object.entries(unzipSync(zip)).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

const everything = (files: Record<string, string>) => Object.values(files).join("\n");
const markersOf = (s: TestStudio) => [s.studioId, ...[s.owner, s.trainer, s.clientA, s.clientB].flatMap((p) => [p.userId, p.email, "clientId" in p ? p.clientId : p.memberId])];

/** A paying client: a monthly subscription and a 5-session pack, through the test checkout and the webhook. */
async function paying(db: Db, studio: TestStudio, clientId: string) {
  const plans = await createTestPlans(db, studio.studioId);
  const { provider } = recordingProvider(db, { now: new Date() });
  for (const plan of [plans.monthly, plans.pack]) {
    const { url } = await startPurchase(db, provider, { studioId: studio.studioId, clientId, planId: plan.id, appUrl: "http://x" });
    await provider.payCheckout({ sessionId: url.split("/").pop()!, cardNumber: "4242424242424242" });
  }
}

/** A client coached by the owner, not by the studio's trainer. */
async function ownersClient(db: Db, studio: TestStudio) {
  const email = `owners-${randomUUID().slice(0, 8)}@example.test`;
  const [row] = await db.insert(clients).values({ studioId: studio.studioId, coachId: studio.owner.memberId, name: "Owner's Runner", email, status: "invited" }).returning();
  return { clientId: row!.id, email };
}

describe("exports", () => {
  let home: TestStudio;
  let other: TestStudio;
  let homeSession: string;
  let ownersOwn: { clientId: string; email: string };

  beforeAll(async () => {
    home = await createTestStudio(t.db, "home");
    other = await createTestStudio(t.db, "other");
    for (const s of [home, other]) {
      await freshRun(t.db, s);
      const drillsB = await withFoundation(t.db, s, "clientB");
      await logSession(t.db, s.studioId, s.clientB.clientId, sampleSession(drillsB, new Date(), { note: "=HYPERLINK(\"http://evil.test\")" }), new Date());
    }
    homeSession = (await freshSession(t.db, home)).sessionId;
    await freshSession(t.db, other);
    await paying(t.db, home, home.clientA.clientId);
    await paying(t.db, other, other.clientA.clientId);
    ownersOwn = await ownersClient(t.db, home);
    // Morning check-ins scheduled for clientA of each studio and for the owner's client, with pain.
    const today = localDateIn(new Date(), "UTC");
    for (const [s, clientId, score] of [[home, home.clientA.clientId, 4], [other, other.clientA.clientId, 3], [home, ownersOwn.clientId, 5]] as const) {
      const { schedule } = await scheduleCheckin(t.db, s, { clientId, startsOn: addDays(today, -1) });
      await answeredCheckin(t.db, { studioId: s.studioId, clientId, key: "morning-check-in", schedule: { id: schedule.id, dueOn: today }, answer: plainAnswers({ kind: "pain_map", value: [{ place: "knee", side: "left", score }] }) });
    }
    // Reworded by the trainer after it was answered: the export keeps what the client was asked.
    await t.db.update(checkinQuestions).set({ prompt: "How did you sleep last night?" }).where(and(eq(checkinQuestions.studioId, home.studioId), eq(checkinQuestions.prompt, "How well did you sleep?")));
  });

  it("the owner's zip holds the whole studio and nothing of another studio", async () => {
    const { scope, fileName } = await callerFor(t.db, home.owner.userId).dataRights.studioExport();
    expect(fileName).toMatch(/^stride-home-[0-9a-f-]+-\d{4}-\d{2}-\d{2}\.zip$/);
    const files = await unzip(t.db, scope);
    expect(Object.keys(files)).toEqual(["README.txt", "clients.csv", "assignments.csv", "assignment-versions.csv", "unlocks.csv", "sessions.csv", "entries.csv", "runs.csv", "bookings.csv", "subscriptions.csv", "invoices.csv", "pack-purchases.csv", "credit-ledger.csv", "messages.csv", "checkins.csv", "checkin-schedules.csv", "videos.csv", "video-comments.csv"]);
    const all = everything(files);
    for (const marker of markersOf(other)) expect(all, `leaked ${marker}`).not.toContain(marker);
    for (const email of [home.clientA.email, home.clientB.email, ownersOwn.email]) expect(files["clients.csv"]).toContain(email);
    expect(files["sessions.csv"]).toContain(homeSession);
    // A note that a spreadsheet would run as a formula arrives defused.
    expect(files["sessions.csv"]).toContain(`"'=HYPERLINK(""http://evil.test"")"`);
    expect(files["pack-purchases.csv"]).toMatch(/,5,6000,GBP,60\.00,/);
    expect(files["subscriptions.csv"]).toMatch(/,active,no,4900,GBP,49\.00,month,/);
    // A run keeps its stored metres, with the same distance in both units beside them.
    expect(files["runs.csv"]!.split("\r\n")[0]).toContain(",local_date,distance_m,distance_km,distance_mi,duration_s,");
    expect(files["runs.csv"]).toMatch(/,5000,5\.00,3\.11,1800,/);
    expect(files["README.txt"]).toContain("distance_km and distance_mi are the");
    // The time on the client's own clock beside the instant.
    expect(files["sessions.csv"]!.split("\r\n")[1]).toMatch(/Z,\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2},Europe\/London,/);
    // Check-ins answer by answer, pain by place and side; the other studio's (a 3) is not there.
    expect(files["checkins.csv"]).toContain(`${home.clientA.clientId},Morning check-in,checkin,`);
    expect(files["checkins.csv"]).toContain(",left knee 4,no,");
    expect(files["checkins.csv"]).toContain(",left knee 5,no,");
    expect(files["checkins.csv"]).not.toContain("left knee 3");
    expect(files["checkins.csv"]).toContain(",How well did you sleep?,7/10,");
    expect(files["checkins.csv"]).not.toContain("How did you sleep last night?");
    expect(files["checkin-schedules.csv"]).toContain(`${home.clientA.clientId},Morning check-in,daily,,07:00,`);
  });

  it("a trainer's zip holds the clients they coach, not the owner's", async () => {
    const { scope, fileName } = await callerFor(t.db, home.trainer.userId).dataRights.studioExport();
    expect(fileName).toMatch(/^stride-home-[0-9a-f-]+-clients-of-[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.zip$/);
    const all = everything(await unzip(t.db, scope));
    expect(all).toContain(home.clientA.email);
    expect(all).toContain(home.clientB.email);
    expect(all).not.toContain(ownersOwn.email);
    expect(all).not.toContain(ownersOwn.clientId);
    expect(all).not.toContain("left knee 5");
    expect(all).toContain("left knee 4");
    for (const marker of markersOf(other)) expect(all).not.toContain(marker);
  });

  it("a client's zip holds their profile, their signed-in devices and only their own rows", async () => {
    await startDeviceSession(t.db, { userId: home.clientA.userId, userAgent: "Clients-Own-Phone/1.0", ip: "198.51.100.23", now: new Date() });
    await startDeviceSession(t.db, { userId: home.clientB.userId, userAgent: "Someone-Elses-Phone/1.0", ip: "198.51.100.99", now: new Date() });
    const { scope, fileName } = await callerFor(t.db, home.clientA.userId).dataRights.myExport();
    // The client's own name, not the studio export's.
    expect(fileName).toMatch(/^stride-my-data-[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.zip$/);
    expect(fileName).not.toContain("stride-home-");
    const files = await unzip(t.db, scope);
    expect(files["signed-in-devices.csv"]).toContain("Clients-Own-Phone/1.0,198.51.100.23");
    expect(files["signed-in-devices.csv"]).not.toContain("Someone-Elses-Phone");
    expect(Object.keys(files)).toContain("profile.csv");
    expect(Object.keys(files)).not.toContain("clients.csv");
    expect(files["profile.csv"]).toContain(home.clientA.email);
    expect(files["sessions.csv"]).toContain(homeSession);
    expect(files["invoices.csv"]!.split("\r\n").filter(Boolean).length).toBeGreaterThan(1);
    expect(files["checkins.csv"]).toContain(",left knee 4,no,");
    expect(files["checkins.csv"]).not.toContain("left knee 5");
    const all = everything(files);
    for (const marker of [...markersOf(other), home.clientB.email, home.clientB.clientId, home.clientB.userId, ownersOwn.email, ownersOwn.clientId]) {
      expect(all, `leaked ${marker}`).not.toContain(marker);
    }
  });

  it("only a client downloads their own, only the studio's people the studio's", async () => {
    await expect(callerFor(t.db, home.trainer.userId).dataRights.myExport()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(t.db, home.clientA.userId).dataRights.studioExport()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(t.db, null).dataRights.studioExport()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});

describe("deleting a client", () => {
  let s: TestStudio;
  let other: TestStudio;
  let upcomingId: string;

  beforeAll(async () => {
    s = await createTestStudio(t.db, "deleting");
    other = await createTestStudio(t.db, "bystander");
    await freshSession(t.db, s);
    await freshRun(t.db, s);
    await paying(t.db, s, s.clientA.clientId);
    const { creditType } = await makeBookable(t.db, s, { credits: 2 });
    const nextYear = new Date().getUTCFullYear() + 1;
    const upcoming = await bookSession(t.db, {
      studioId: s.studioId,
      sessionTypeId: creditType.id,
      clientId: s.clientA.clientId,
      start: london(`${nextYear}-06-03T10:00`),
      now: new Date(),
      actor: { by: "client", clientId: s.clientA.clientId },
    });
    upcomingId = upcoming.id;
    // Their health questions and one morning check-in with pain.
    await answeredCheckin(t.db, { studioId: s.studioId, clientId: s.clientA.clientId, key: "health-intake", answer: plainAnswers({ kind: "pain_map", value: [{ place: "shin", side: "left", score: 2 }] }) });
    await answeredCheckin(t.db, { studioId: s.studioId, clientId: s.clientA.clientId, key: "morning-check-in", answer: plainAnswers({ kind: "pain_map", value: [{ place: "shin", side: "left", score: 3 }] }) });
    await rotateFeed(t.db, { studioId: s.studioId, owner: { clientId: s.clientA.clientId }, appUrl: "http://x", now: new Date() });
    await t.db.insert(authTokens).values({ userId: s.clientA.userId, purpose: "magic_link", tokenHash: randomUUID(), expiresAt: new Date(Date.now() + 600_000) });
    await startDeviceSession(t.db, { userId: s.clientA.userId, userAgent: "phone", ip: "198.51.100.23", now: new Date() });
  });

  const owner = () => callerFor(t.db, s.owner.userId);

  it("shows the owner what will go before they confirm", async () => {
    const preview = await owner().dataRights.deletionPreview({ clientId: s.clientA.clientId });
    expect(preview).toMatchObject({ name: s.clientA.name, sessions: 1, runs: 1, checkins: 2, upcomingBookings: 1, subscriptionsToStop: 1, payments: 2 });
  });

  it("is refused to trainers and to another studio's owner, and a wrong name changes nothing", async () => {
    const input = { clientId: s.clientA.clientId, confirmName: s.clientA.name };
    await expect(callerFor(t.db, s.trainer.userId).dataRights.deleteClient(input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(t.db, other.owner.userId).dataRights.deleteClient(input)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const wrong = await owner()
      .dataRights.deleteClient({ clientId: s.clientA.clientId, confirmName: "someone else" })
      .catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(TRPCError);
    expect(wrong).toMatchObject({ code: "BAD_REQUEST", message: `Type the client's name, ${s.clientA.name}, exactly as shown to confirm.` });
    await expect(owner().dataRights.deleteClient({ clientId: "not-a-uuid", confirmName: "x" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(owner().dataRights.deleteClient({ clientId: s.clientA.clientId, confirmName: "   " })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // Nothing moved: still listed, still logged, still subscribed.
    expect((await owner().client.list({})).map((c) => c.id)).toContain(s.clientA.clientId);
    expect(await t.db.select().from(practiceSessions).where(eq(practiceSessions.clientId, s.clientA.clientId))).toHaveLength(1);
    const [sub] = await t.db.select().from(subscriptions).where(eq(subscriptions.clientId, s.clientA.clientId));
    expect(sub!.cancelAtPeriodEnd).toBe(false);
  });

  it("anonymises the client, removes their personal data, and leaves the revenue as it was", async () => {
    const now = new Date();
    const revenueBefore = await revenueSummary(t.db, s.studioId, now);
    const paidBefore = await t.db.select().from(invoices).where(and(eq(invoices.studioId, s.studioId), eq(invoices.status, "paid")));
    const creditsBefore = await creditBalance(t.db, { studioId: s.studioId, clientId: s.clientA.clientId });

    expect(JSON.stringify(await owner().review.attention())).toContain(s.clientA.clientId);
    await signInWithPassword(t.db, { email: s.clientA.email, password: "not the password", ip: null, now }).catch(() => null);
    const result = await owner().dataRights.deleteClient({ clientId: s.clientA.clientId, confirmName: `  ${s.clientA.name.toUpperCase()} ` });
    expect(result).toMatchObject({ clientId: s.clientA.clientId, cancelledBookings: 1, stoppedSubscriptions: 1 });

    // Revenue: the same money, the same MRR (the paid period runs out), the same pack sales.
    const revenueAfter = await revenueSummary(t.db, s.studioId, now);
    expect(revenueAfter.mrr).toEqual(revenueBefore.mrr);
    expect(revenueAfter.packSales).toEqual(revenueBefore.packSales);
    expect(revenueAfter.counts).toEqual({ ...revenueBefore.counts, active: revenueBefore.counts.active - 1, ending: revenueBefore.counts.ending + 1 });
    expect(await t.db.select().from(invoices).where(and(eq(invoices.studioId, s.studioId), eq(invoices.status, "paid")))).toEqual(paidBefore);
    expect(revenueAfter.subscriptions.find((r) => r.clientId === s.clientA.clientId)?.clientName).toBe("Deleted client");

    // The upcoming booking is cancelled by the studio and its credit comes back.
    expect(await creditBalance(t.db, { studioId: s.studioId, clientId: s.clientA.clientId })).toBe(creditsBefore + 1);

    const [client] = await t.db.select().from(clients).where(eq(clients.id, s.clientA.clientId));
    expect(client).toMatchObject({ name: "Deleted client", email: `deleted-${s.clientA.clientId}@deleted.invalid`, status: "archived", deletedByMemberId: s.owner.memberId });
    expect(client!.deletedAt).toBeInstanceOf(Date);
    const [user] = await t.db.select().from(users).where(eq(users.id, s.clientA.userId));
    expect(user).toMatchObject({ name: "Deleted client", passwordHash: null, sessionVersion: 2 });
    expect(user!.disabledAt).toBeInstanceOf(Date);

    expect(await t.db.select().from(practiceSessions).where(eq(practiceSessions.clientId, s.clientA.clientId))).toEqual([]);
    expect(await t.db.select().from(runs).where(eq(runs.clientId, s.clientA.clientId))).toEqual([]);
    expect(await t.db.select().from(checkinResponses).where(eq(checkinResponses.clientId, s.clientA.clientId))).toEqual([]);
    expect(await t.db.select().from(checkinPainScores).where(eq(checkinPainScores.clientId, s.clientA.clientId))).toEqual([]);
    expect(await t.db.select().from(authTokens).where(eq(authTokens.userId, s.clientA.userId))).toEqual([]);
    expect(await t.db.select().from(authSessions).where(eq(authSessions.userId, s.clientA.userId))).toEqual([]);
    expect(await t.db.select().from(calendarFeeds).where(eq(calendarFeeds.clientId, s.clientA.clientId))).toEqual([]);
    expect(await t.db.select().from(outbox).where(eq(outbox.toEmail, s.clientA.email))).toEqual([]);
    expect(await t.db.select().from(loginAttempts).where(eq(loginAttempts.key, `account:${s.clientA.email}`))).toEqual([]);

    // Gone from the lists and the queue; cannot sign in; their old session is refused.
    expect((await owner().client.list({})).map((c) => c.id)).not.toContain(s.clientA.clientId);
    expect((await owner().client.list({ status: "archived" })).map((c) => c.id)).not.toContain(s.clientA.clientId);
    await expect(owner().client.get({ clientId: s.clientA.clientId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(JSON.stringify(await owner().review.attention())).not.toContain(s.clientA.clientId);
    expect((await owner().progression.overview({})).rows.map((r) => r.clientId)).not.toContain(s.clientA.clientId);
    await expect(signInWithPassword(t.db, { email: s.clientA.email, password: TEST_PASSWORD, ip: null, now: new Date() })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(callerFor(t.db, s.clientA.userId).portal.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });

    // The studio's export keeps the payments under "Deleted client" and never the old address.
    const { scope } = await owner().dataRights.studioExport();
    const files = await unzip(t.db, scope);
    expect(everything(files)).not.toContain(s.clientA.email);
    expect(files["clients.csv"]).toContain(`${s.clientA.clientId},Deleted client,deleted-${s.clientA.clientId}@deleted.invalid,deleted,`);
    expect(files["bookings.csv"]).toContain(`${upcomingId},`);
  });

  it("deleting twice is a clear error", async () => {
    await expect(owner().dataRights.deleteClient({ clientId: s.clientA.clientId, confirmName: "Deleted client" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "This client has already been deleted; there is nothing left to remove.",
    });
    await expect(owner().client.restore({ clientId: s.clientA.clientId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
