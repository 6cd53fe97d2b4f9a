import { rowsOf } from "@/server/db/raw-rows";
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { london, makeBookable } from "~test/booking-factories";
import { callerFor } from "~test/caller";
import { setupTestDatabase } from "~test/db";
import { createTestStudio, type TestStudio } from "~test/factories";
import { sampleSession, withFoundation } from "~test/training-fixtures";
import { localDateIn } from "@/lib/local-date";
import { usableZone } from "@/lib/time-zones";
import { bookSession, cancelBooking, previewChange } from "@/server/booking/service";
import { bookings, clients, users } from "@/server/db/schema";

import { logSession } from "@/server/training/service";
import { unusableZonesIn, usableZoneSql, zoneOf } from "./zones";

const t = setupTestDatabase();
const NOW = new Date("2027-03-01T23:30:00Z");

async function storeZone(userId: string, timeZone: string) {
  await t.db.update(users).set({ timeZone }).where(eq(users.id, userId));
}

async function clientWithZone(s: TestStudio, timeZone: string) {
  const email = `zone-${randomUUID().slice(0, 8)}@example.test`;
  const [user] = await t.db.insert(users).values({ email, name: `Zone ${timeZone}`, timeZone }).returning();
  const [client] = await t.db.insert(clients).values({ studioId: s.studioId, userId: user!.id, coachId: s.trainer.memberId, name: `Zone ${timeZone}`, email }).returning();
  return client!.id;
}

async function markDeleted(s: TestStudio, clientId: string) {
  await t.db.update(clients).set({ status: "archived", deletedAt: NOW, deletedByMemberId: s.owner.memberId }).where(eq(clients.id, clientId));
}

const failure = (call: Promise<unknown>) => call.then(() => null, (e: unknown) => e);

describe("the one 'unknown zone' rule, in JavaScript and in SQL", () => {
  it("reads every stored zone the same in a query as in usableZone, and the same local date", async () => {
    const s = await createTestStudio(t.db);
    const stored = ["Mars/Base", "", "Europe/London", "America/Argentina/Buenos_Aires", "Pacific/Kiritimati", "UTC"];
    for (const zone of stored) await clientWithZone(s, zone);
    // An invited client has no account, so no zone at all.
    await t.db.insert(clients).values({ studioId: s.studioId, coachId: s.trainer.memberId, name: "Invited", email: `invited-${randomUUID().slice(0, 8)}@example.test`, status: "invited" });

    const unusable = await unusableZonesIn(t.db, s.studioId);
    expect(unusable.sort()).toEqual(["", "Mars/Base"]);
    const zone = usableZoneSql(sql`u.time_zone`, unusable);
    const rows = await rowsOf<{ stored: string | null; usable: string; today: string }>(
      t.db,
      sql`select u.time_zone as stored, ${zone} as usable, (${NOW.toISOString()}::timestamptz at time zone ${zone})::date::text as today
          from clients c left join users u on u.id = c.user_id where c.studio_id = ${s.studioId}`,
    );
    expect(rows).toHaveLength(stored.length + 3);
    for (const row of rows) {
      expect({ stored: row.stored, usable: row.usable, today: row.today }).toEqual({ stored: row.stored, usable: usableZone(row.stored), today: localDateIn(NOW, usableZone(row.stored)) });
    }
    // The instant is the 1st in London and the 2nd on Kiritimati (UTC+14): the zone really is used.
    expect(rows.find((r) => r.stored === "Pacific/Kiritimati")?.today).toBe("2027-03-02");
    expect(rows.find((r) => r.stored === "Mars/Base")?.today).toBe("2027-03-01");
  });
});

describe("zoneOf: a person's zone, for every domain", () => {
  it("answers a client's or a member's own zone, UTC for an unknown one or none", async () => {
    const s = await createTestStudio(t.db);
    await storeZone(s.clientA.userId, "Mars/Base");
    await storeZone(s.trainer.userId, "America/New_York");
    expect(await zoneOf(t.db, s.studioId, { clientId: s.clientA.clientId })).toBe("UTC");
    expect(await zoneOf(t.db, s.studioId, { clientId: s.clientB.clientId })).toBe("Europe/London");
    expect(await zoneOf(t.db, s.studioId, { memberId: s.trainer.memberId })).toBe("America/New_York");
    const [invited] = await t.db.insert(clients).values({ studioId: s.studioId, coachId: s.trainer.memberId, name: "Invited", email: `invited-${randomUUID().slice(0, 8)}@example.test`, status: "invited" }).returning();
    expect(await zoneOf(t.db, s.studioId, { clientId: invited!.id })).toBe("UTC");
  });

  it("answers not found for another studio's people, a missing one, and a deleted client", async () => {
    const s = await createTestStudio(t.db);
    const other = await createTestStudio(t.db, "other");
    await markDeleted(s, s.clientB.clientId);
    for (const person of [{ clientId: other.clientA.clientId }, { memberId: other.trainer.memberId }, { memberId: randomUUID() }, { clientId: randomUUID() }, { clientId: s.clientB.clientId }]) {
      expect(await failure(zoneOf(t.db, s.studioId, person))).toMatchObject({ code: "NOT_FOUND" });
    }
  });
});

describe("what a person notices", () => {
  it("a deleted client's session is refused as not found, and nothing is stored", async () => {
    const s = await createTestStudio(t.db);
    const drills = await withFoundation(t.db, s, "clientA", NOW);
    await markDeleted(s, s.clientA.clientId);
    const session = sampleSession(drills, NOW);
    expect(await failure(logSession(t.db, s.studioId, s.clientA.clientId, session, NOW))).toMatchObject({ code: "NOT_FOUND" });
    expect(await rowsOf(t.db, sql`select id from practice_sessions where id = ${session.id}::uuid`)).toEqual([]);
  });

  it("a client whose stored zone is unknown does not break the trainer's attention list and overview: their days are UTC days", async () => {
    const s = await createTestStudio(t.db);
    await withFoundation(t.db, s, "clientA", NOW);
    await withFoundation(t.db, s, "clientB", NOW);
    await storeZone(s.clientA.userId, "Mars/Base");
    await storeZone(s.clientB.userId, "UTC");
    const owner = callerFor(t.db, s.owner.userId, { now: () => NOW });

    const attention = await owner.review.attention();
    const missed = (clientId: string) => attention.find((i) => i.kind === "missed_days" && i.clientId === clientId);
    expect(missed(s.clientA.clientId)).toBeDefined();
    expect({ ...missed(s.clientA.clientId), key: "", clientId: "", clientName: "", href: "" }).toEqual({ ...missed(s.clientB.clientId), key: "", clientId: "", clientName: "", href: "" });

    const overview = await owner.progression.overview({});
    const row = (clientId: string) => overview.rows.find((r) => r.clientId === clientId);
    expect(row(s.clientA.clientId)).toMatchObject({ weekPrescribed: row(s.clientB.clientId)!.weekPrescribed, weekDone: 0 });
  });

  it("a trainer of another studio cannot cancel or price a booking: the zone lookup answers not found", async () => {
    const s = await createTestStudio(t.db);
    const other = await createTestStudio(t.db, "other");
    const { creditType } = await makeBookable(t.db, s, { credits: 1 });
    const now = london("2027-03-01T09:00");
    const booking = await bookSession(t.db, { studioId: s.studioId, sessionTypeId: creditType.id, clientId: s.clientA.clientId, start: london("2027-03-03T10:00"), now, actor: { by: "client", clientId: s.clientA.clientId } });
    const stranger = { by: "trainer" as const, memberId: other.trainer.memberId };
    expect(await failure(previewChange(t.db, { studioId: s.studioId, bookingId: booking.id, actor: stranger, now, action: "cancel" }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await failure(cancelBooking(t.db, { studioId: s.studioId, bookingId: booking.id, actor: stranger, now }))).toMatchObject({ code: "NOT_FOUND" });
    const [kept] = await t.db.select({ status: bookings.status }).from(bookings).where(eq(bookings.id, booking.id));
    expect(kept?.status).toBe("confirmed");
  });
});
