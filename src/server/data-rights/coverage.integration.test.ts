import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { strFromU8, unzipSync } from "fflate";
import { getTableConfig } from "drizzle-orm/pg-core";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { startDeviceSession } from "@/server/auth/device-sessions";
import { passwordChangeKey } from "@/server/auth/change-password";
import { emailChangeRequestKey } from "@/server/auth/email-change";
import { requestPasswordReset, resetRequestKey } from "@/server/auth/password-reset";
import { requestMagicLink, signInWithPassword } from "@/server/auth/service";
import { rotateFeed } from "@/server/booking/feed";
import * as schema from "@/server/db/schema";
import { authTokens, checkinResponses, messages, outbox, staffInvites, threads, unlockEvents } from "@/server/db/schema";
import { importReadRun } from "@/server/runs/import-activity";
import { readRun } from "~test/run-import-fixtures";
import { callerFor } from "~test/caller";
import { answeredCheckin, plainAnswers } from "~test/checkin-answers";
import { scheduleCheckin } from "~test/checkin-fixtures";
import { localDateIn } from "@/lib/local-date";
import { setupTestDatabase } from "~test/db";
import { builtInDrillId, freshOverride } from "~test/drill-fixtures";
import { createTestStudio, type TestStudio } from "~test/factories";
import type { Db } from "@/server/db/client";
import { signedUpTestStudio } from "~test/authz/signed-up-studio";
import { freshRun, freshSession } from "~test/training-fixtures";
import { aVideoRow } from "~test/video-fixtures";
import { personalDataCoverage } from "./coverage";
import { streamExport } from "./export";
import { tablesOf } from "./person-references";

const t = setupTestDatabase();

const tablesByName = tablesOf(schema);

type Person = { clientId: string; userId: string; email: string };

/** The rows of a table that are about one person, counted along its own columns and keys. */
async function rowsAbout(name: string, person: Person, depth = 0): Promise<number> {
  if (name === "login_attempts") {
    const keys = [`account:${person.email}`, `magic:${person.email}`, resetRequestKey(person.email), emailChangeRequestKey(person.userId), passwordChangeKey(person.userId)];
    return count(sql`select count(*)::int as n from login_attempts where key in (${sql.join(keys.map((key) => sql`${key}`), sql`, `)})`);
  }
  if (name === "outbox") return count(sql`select count(*)::int as n from outbox where to_email = ${person.email}`);
  if (name === "staff_invites") return count(sql`select count(*)::int as n from staff_invites where email = ${person.email}`);
  const config = getTableConfig(tablesByName.get(name)!);
  const columns = config.columns.map((c) => c.name);
  if (columns.includes("client_id")) return count(sql`select count(*)::int as n from ${sql.identifier(name)} where client_id = ${person.clientId}`);
  if (columns.includes("user_id")) return count(sql`select count(*)::int as n from ${sql.identifier(name)} where user_id = ${person.userId}`);
  // Through the parent row that names the person (a review through its session).
  for (const fk of config.foreignKeys) {
    const ref = fk.reference();
    const parent = getTableConfig(ref.foreignTable).name;
    if (depth > 3 || !tablesByName.has(parent) || !getTableConfig(ref.foreignTable).columns.some((c) => c.name === "client_id")) continue;
    const on = ref.columns.map((c, i) => sql`c.${sql.identifier(c.name)} = p.${sql.identifier(ref.foreignColumns[i]!.name)}`);
    return count(sql`select count(*)::int as n from ${sql.identifier(name)} c join ${sql.identifier(parent)} p on ${sql.join(on, sql` and `)} where p.client_id = ${person.clientId}`);
  }
  throw new Error(`No way to find ${name}'s rows about a person: teach rowsAbout or the coverage list.`);
}

async function count(query: ReturnType<typeof sql>): Promise<number> {
  const result = (await t.db.execute(query)) as unknown as { rows?: { n: number }[] } & { n: number }[];
  const rows = result.rows ?? result;
  return Number(rows[0]?.n ?? 0);
}

const removedTables = Object.entries(personalDataCoverage)
  .filter(([, c]) => "removed" in c.deletion)
  .map(([name]) => name);

// In a studio made the usual way, and in one made by open sign-up (hosted mode): the same rows, the same guarantees.
describe.each([
  { kind: "a studio", make: (db: Db) => createTestStudio(db, "coverage") },
  { kind: "a studio made by open sign-up", make: (db: Db) => signedUpTestStudio(db, "coverage-signup") },
])("in $kind, a client's deletion removes every table the coverage list says it removes", ({ make }) => {
  let s: TestStudio;
  let person: Person;
  const before = new Map<string, number>();

  beforeAll(async () => {
    s = await make(t.db);
    person = { clientId: s.clientA.clientId, userId: s.clientA.userId, email: s.clientA.email };
    const { sessionId } = await freshSession(t.db, s);
    await callerFor(t.db, s.trainer.userId).review.save({ sessionId, feedback: "Steady on both sides." });
    const { runId } = await freshRun(t.db, s);
    await callerFor(t.db, s.trainer.userId).review.acknowledgeRun({ runId, feedback: "Ease off for two days." });
    // A run imported from a watch's file, through the import service: the file and the track drawn from it.
    await importReadRun(t.db, s.studioId, person.clientId, readRun({ fileName: "Morning_Run.gpx", format: "gpx" }), new Date());
    const { threadId } = await callerFor(t.db, person.userId).message.conversation({});
    const photo = await sharp({ create: { width: 16, height: 16, channels: 3, background: "#888" } }).jpeg().toBuffer();
    const { photoId } = await callerFor(t.db, person.userId).message.uploadPhoto({ threadId, photo: new Uint8Array(photo) });
    await callerFor(t.db, person.userId).message.send({ threadId, id: randomUUID(), body: "Is the left side meant to wobble?", photoId });
    // Their coach answers (a notification for them); their phone takes push; one kind is off.
    await callerFor(t.db, s.trainer.userId).message.send({ threadId, id: randomUUID(), body: "It steadies with practice." });
    await callerFor(t.db, person.userId).push.subscribe({ endpoint: `https://push.example.test/${randomUUID()}`, keys: { p256dh: "BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA", auth: "tBHItJI5svbpez7KI4CCXg" } });
    await callerFor(t.db, person.userId).push.setPreference({ kind: "drill_unlocked", pushEnabled: false });
    await freshOverride(t.db, s);
    // Their coach pins a comment to a moment of their video.
    const video = await aVideoRow(t.db, s);
    await callerFor(t.db, s.trainer.userId).video.comment({ videoId: video.id, at: "0:01", body: "Your left hip drops here." });
    const hopping = await builtInDrillId(t.db, s.studioId, "hopping");
    await t.db.insert(unlockEvents).values({ studioId: s.studioId, clientId: person.clientId, drillId: hopping, metOn: "2026-03-18" });
    await callerFor(t.db, person.userId).progression.mine({});
    await rotateFeed(t.db, { studioId: s.studioId, owner: { clientId: person.clientId }, appUrl: "http://x", now: new Date() });
    await t.db.insert(authTokens).values({ userId: person.userId, purpose: "magic_link", tokenHash: randomUUID(), expiresAt: new Date(Date.now() + 600_000) });
    await t.db.insert(outbox).values({ studioId: s.studioId, kind: "test", toEmail: person.email, subject: "Hello", text: "Hello" });
    // Sent to the address before it was a client's (staff.invite refuses it now).
    await t.db.insert(staffInvites).values({ studioId: s.studioId, email: person.email, invitedByMemberId: s.owner.memberId, tokenHash: randomUUID(), expiresAt: new Date(Date.now() + 600_000) });
    await signInWithPassword(t.db, { email: person.email, password: "not the password", ip: null, now: new Date() }).catch(() => null);
    await startDeviceSession(t.db, { userId: person.userId, userAgent: "Phone/1.0", ip: "198.51.100.7", now: new Date() });
    await requestMagicLink(t.db, { email: person.email, ip: null, now: new Date(), appUrl: "http://x" });
    await requestPasswordReset(t.db, { email: person.email, now: new Date(), appUrl: "http://x" });
    await callerFor(t.db, person.userId).account.requestEmailChange({ newEmail: `coverage-new-${person.clientId}@example.test` });
    await callerFor(t.db, person.userId).account.changePassword({ currentPassword: "not the password", newPassword: "a new long password" }).catch(() => null);
    // Their health questionnaire (a knee problem, with the detail) and a morning check-in with
    // pain, scheduled for them; their coach comments on the check-in.
    const intake = await answeredCheckin(t.db, {
      studioId: s.studioId,
      clientId: person.clientId,
      key: "health-intake",
      answer: plainAnswers({ kind: "pain_map", value: [{ place: "knee", side: "left", score: 3 }] }, {
        "Do you have a bone, joint or soft-tissue problem (back, hip, knee, ankle…) that more activity could make worse?": { kind: "yes_no", value: true, detail: "Old meniscus tear, left knee" },
      }),
    });
    // Their coach read it and cleared them to train.
    await t.db
      .update(checkinResponses)
      .set({ clearedAt: new Date(), clearedByMemberId: s.trainer.memberId, clearNote: "Physio says fine to start easy." })
      .where(and(eq(checkinResponses.studioId, s.studioId), eq(checkinResponses.id, intake.id)));
    const today = localDateIn(new Date(), "Europe/London");
    const { schedule } = await scheduleCheckin(t.db, s, { clientId: person.clientId, startsOn: today });
    const checkin = await answeredCheckin(t.db, {
      studioId: s.studioId,
      clientId: person.clientId,
      key: "morning-check-in",
      schedule: { id: schedule.id, dueOn: today },
      answer: plainAnswers({ kind: "pain_map", value: [{ place: "knee", side: "left", score: 4 }, { place: "shin", side: "right", score: 0 }] }),
    });
    const [thread] = await t.db.insert(threads).values({ studioId: s.studioId, clientId: person.clientId, kind: "checkin", checkinResponseId: checkin.id }).returning();
    await t.db.insert(messages).values({ id: randomUUID(), studioId: s.studioId, threadId: thread!.id, authorUserId: s.trainer.userId, authorKind: "trainer", body: "Ice the knee tonight." });
    for (const name of removedTables) before.set(name, await rowsAbout(name, person));
  });

  it("the fixture holds rows in every table deletion must remove (so the check below means something)", () => {
    expect([...before].filter(([, n]) => n === 0).map(([name]) => name)).toEqual([]);
  });

  it("the client's own export carries their unlocks: by the rule, and early by the coach with the reason", async () => {
    const { scope } = await callerFor(t.db, person.userId).dataRights.myExport();
    const parts: Uint8Array[] = [];
    for await (const part of await streamExport(t.db, scope, new Date())) parts.push(part);
    const text = strFromU8(unzipSync(Buffer.concat(parts))["unlocks.csv"]!);
    expect(text).toContain("mastery rule met,2026-03-18");
    expect(text).toContain("unlocked early by the coach,,Cleared by physio");
  });

  it("the client's own export carries their check-ins and intake, answer by answer, and their schedule", async () => {
    const { scope } = await callerFor(t.db, person.userId).dataRights.myExport();
    const parts: Uint8Array[] = [];
    for await (const part of await streamExport(t.db, scope, new Date())) parts.push(part);
    const files = unzipSync(Buffer.concat(parts));
    const checkins = strFromU8(files["checkins.csv"]!);
    expect(checkins).toContain("Morning check-in,checkin,");
    expect(checkins).toContain(",How do you feel this morning?,7/10,no,");
    expect(checkins).toContain(",left knee 4,no,");
    expect(checkins).toContain(',"yes: Old meniscus tear, left knee",yes,');
    expect(checkins).toMatch(new RegExp(`Health questions before you start,intake,,.*,left knee 3,yes,\\d{4}-\\d{2}-\\d{2}T[\\d:]+Z,${s.trainer.name},Physio says fine to start easy\\.`));
    expect(strFromU8(files["checkin-schedules.csv"]!)).toMatch(/,Morning check-in,daily,,07:00,Europe\/London,\d{4}-\d{2}-\d{2},/);
    expect(strFromU8(files["messages.csv"]!)).toContain("Ice the knee tonight.");
  });

  it("after deletion none of them holds a row about the client", async () => {
    await callerFor(t.db, s.owner.userId).dataRights.deleteClient({ clientId: person.clientId, confirmName: s.clientA.name });
    const left: string[] = [];
    for (const name of removedTables) if ((await rowsAbout(name, person)) > 0) left.push(name);
    expect(left).toEqual([]);
  });
});
