import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { bookSession } from "@/server/booking/service";
import { clients, studioMembers, users } from "@/server/db/schema";
import { enqueueEmail, listOutbox } from "@/server/outbox/service";
import { logSession } from "@/server/training/service";
import { makeBookable } from "~test/booking-factories";
import { callerFor } from "~test/caller";
import { setupTestDatabase } from "~test/db";
import { createTestStudio, type TestStudio } from "~test/factories";
import { sampleSession, withFoundation } from "~test/training-fixtures";

const t = setupTestDatabase();

// Issue 17, part 4: the owner chooses whether trainers see every client or only the clients
// they coach. Here the studio's trainer coaches client A and a colleague coaches client B.
let s: TestStudio;
let colleague: { userId: string; memberId: string };

beforeEach(async () => {
  s = await createTestStudio(t.db, "visibility");
  const [user] = await t.db.insert(users).values({ email: `colleague-${randomUUID().slice(0, 8)}@example.test`, name: "Colleague Coach" }).returning();
  const [member] = await t.db.insert(studioMembers).values({ studioId: s.studioId, userId: user!.id, role: "trainer" }).returning();
  colleague = { userId: user!.id, memberId: member!.id };
  await t.db.update(clients).set({ coachId: colleague.memberId }).where(eq(clients.id, s.clientB.clientId));
});

const trainer = () => callerFor(t.db, s.trainer.userId);
const owner = () => callerFor(t.db, s.owner.userId);
const namesOf = (rows: { name: string }[]) => rows.map((r) => r.name).sort();
const clientNames = () => [s.clientA.name, s.clientB.name].sort();

async function keepTrainersToTheirOwn() {
  return owner().clientVisibility.set({ clientVisibility: "own" });
}

/** A session of each client an hour ago: both wait for review in the attention queue. */
async function bothClientsLogged() {
  for (const who of ["clientA", "clientB"] as const) {
    const drills = await withFoundation(t.db, s, who);
    await logSession(t.db, s.studioId, s[who].clientId, sampleSession(drills), new Date());
  }
}

describe("who sees which clients", () => {
  it("is every client of the studio until the owner chooses otherwise", async () => {
    expect(await owner().clientVisibility.get()).toEqual({ clientVisibility: "all" });
    expect(namesOf(await trainer().client.list({}))).toEqual(clientNames());
    expect(namesOf(await callerFor(t.db, colleague.userId).client.list({}))).toEqual(clientNames());
  });

  it("narrows each trainer's client list to their own, and never the owner's", async () => {
    expect(await keepTrainersToTheirOwn()).toEqual({ clientVisibility: "own", message: "Trainers now see only the clients they coach." });

    expect(namesOf(await trainer().client.list({}))).toEqual([s.clientA.name]);
    expect(namesOf(await callerFor(t.db, colleague.userId).client.list({}))).toEqual([s.clientB.name]);
    expect(namesOf(await owner().client.list({}))).toEqual(clientNames());
    // Filtering by a colleague gives nobody, not the colleague's clients.
    expect(await trainer().client.list({ coachId: colleague.memberId })).toEqual([]);
  });

  it("narrows the attention queue (and so its count in the navigation) and the overview", async () => {
    await bothClientsLogged();
    const unreviewedOf = async (caller: ReturnType<typeof trainer>) =>
      [...new Set((await caller.review.attention({ view: "studio" })).filter((i) => i.kind === "unreviewed_session").map((i) => i.clientName))].sort();

    expect(await unreviewedOf(trainer())).toEqual(clientNames());
    await keepTrainersToTheirOwn();
    expect(await unreviewedOf(trainer())).toEqual([s.clientA.name]);
    expect(await unreviewedOf(owner())).toEqual(clientNames());

    expect(namesOf((await trainer().progression.overview({})).rows)).toEqual([s.clientA.name]);
    expect((await trainer().progression.overview({ coachId: colleague.memberId })).rows).toEqual([]);
    expect(namesOf((await owner().progression.overview({})).rows)).toEqual(clientNames());
    expect(await trainer().progression.attention({ coachId: colleague.memberId })).toEqual([]);
  });

  it("takes a colleague's client away from a trainer at their next request, as if it were another studio's", async () => {
    const page = () => trainer().client.get({ clientId: s.clientB.clientId });
    await expect(page()).resolves.toMatchObject({ name: s.clientB.name });

    await keepTrainersToTheirOwn();
    await expect(page()).rejects.toMatchObject({ code: "NOT_FOUND", message: "That client does not exist or is not part of your studio." });
    await expect(trainer().review.forClient({ clientId: s.clientB.clientId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(trainer().client.get({ clientId: s.clientA.clientId })).resolves.toMatchObject({ name: s.clientA.name });

    await owner().clientVisibility.set({ clientVisibility: "all" });
    await expect(page()).resolves.toMatchObject({ name: s.clientB.name });
  });

  it("keeps every booking on the trainer's own calendar, whoever coaches the client", async () => {
    const { creditType } = await makeBookable(t.db, s, { credits: 2 });
    const start = new Date(Date.now() + 3 * 86_400_000);
    start.setUTCHours(10, 0, 0, 0);
    const booking = await bookSession(t.db, {
      studioId: s.studioId,
      sessionTypeId: creditType.id,
      clientId: s.clientB.clientId,
      start,
      now: new Date(),
      actor: { by: "client", clientId: s.clientB.clientId },
    });
    await keepTrainersToTheirOwn();

    const calendar = await trainer().booking.calendar({ days: 7 });
    expect(calendar.bookings.map((b) => b.id)).toContain(booking.id);
    // B is the colleague's client: looking at the trainer's calendar, the colleague sees B's booking too.
    const seenByColleague = await callerFor(t.db, colleague.userId).booking.calendar({ memberId: s.trainer.memberId, days: 7 });
    expect(seenByColleague.bookings.map((b) => b.id)).toContain(booking.id);
    await expect(trainer().booking.cancel({ bookingId: booking.id })).resolves.toMatchObject({ status: "cancelled" });
  });

  it("hides a colleague's bookings from a trainer looking at the colleague's calendar", async () => {
    const { creditType } = await makeBookable(t.db, s, { credits: 2 });
    const start = new Date(Date.now() + 4 * 86_400_000);
    start.setUTCHours(11, 0, 0, 0);
    // Client A (the trainer's) books the trainer; the colleague, who coaches only B, looks.
    const booking = await bookSession(t.db, { studioId: s.studioId, sessionTypeId: creditType.id, clientId: s.clientA.clientId, start, now: new Date(), actor: { by: "client", clientId: s.clientA.clientId } });
    const colleagueCaller = callerFor(t.db, colleague.userId);
    expect((await colleagueCaller.booking.calendar({ memberId: s.trainer.memberId, days: 7 })).bookings.map((b) => b.id)).toContain(booking.id);

    await keepTrainersToTheirOwn();
    expect((await colleagueCaller.booking.calendar({ memberId: s.trainer.memberId, days: 7 })).bookings).toEqual([]);
    await expect(colleagueCaller.booking.cancel({ bookingId: booking.id })).rejects.toMatchObject({ code: "NOT_FOUND", message: "That booking does not exist or is not part of your studio." });
  });

  it("tells a trainer inviting an address a colleague's client has only that it is taken", async () => {
    await keepTrainersToTheirOwn();
    const invite = trainer().client.invite({ name: "Someone", email: s.clientB.email });
    await expect(invite).rejects.toMatchObject({ code: "CONFLICT", message: "A client of your studio already has this email; ask the studio owner about them." });
    await expect(invite).rejects.not.toMatchObject({ message: expect.stringContaining(s.clientB.name) });
    // A client they invite is theirs to see.
    const invited = await trainer().client.invite({ name: "New Runner", email: `new-${randomUUID().slice(0, 8)}@example.test` });
    await expect(trainer().client.get({ clientId: invited.id })).resolves.toMatchObject({ name: "New Runner", coachId: s.trainer.memberId });
  });

  it("is the owner's to set, and says so to anyone else", async () => {
    await expect(trainer().clientVisibility.set({ clientVisibility: "all" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(owner().clientVisibility.set({ clientVisibility: "some" as "all" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await owner().clientVisibility.get()).toEqual({ clientVisibility: "all" });
  });
});

describe("the demo outbox, where trainers see only their own clients", () => {
  it("shows a trainer the emails to them and to the clients they coach, not a colleague's client's", async () => {
    await keepTrainersToTheirOwn();
    for (const to of [s.trainer.email, s.clientA.email, s.clientB.email]) {
      await enqueueEmail(t.db, { studioId: s.studioId, kind: "booking_confirmed", to, subject: `For ${to}`, text: "A note." });
    }
    const seen = await listOutbox(t.db, s.studioId, { email: s.trainer.email, clientScope: s.trainer.memberId }, { isDemo: true });
    const addressees = seen.map((e) => e.toEmail);
    expect(addressees).toEqual(expect.arrayContaining([s.trainer.email, s.clientA.email]));
    expect(addressees).not.toContain(s.clientB.email);
  });
});
