import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createTestPlans, recordingProvider } from "~test/billing";
import { london, makeBookable } from "~test/booking-factories";
import { setupTestDatabase } from "~test/db";
import { builtInDrillId } from "~test/drill-fixtures";
import { createTestStudio, type TestStudio } from "~test/factories";
import { startSignup } from "@/server/billing/service";
import { bookSession } from "@/server/booking/service";
import { assignmentVersions, jobs, notifications, subscriptions, users } from "@/server/db/schema";
import { createAssignment } from "@/server/drills/assignments";
import { recordUnlocksFor } from "@/server/drills/locks";
import { REMINDER_JOB } from "@/server/booking/emails";
import { runDueJobs } from "@/server/jobs/service";
import { jobHandlers } from "@/server/jobs/worker";
import { insertPractice } from "@/server/seed/practice-history";
import { PUSH_JOB } from "./notify";

// The worker's reminder handler only: on PostgreSQL the test files share one database, and a
// clock in 2027 would otherwise run other files' jobs (their push jobs, with their own keys).
const reminderJobs = { [REMINDER_JOB]: jobHandlers[REMINDER_JOB]! };
// Every reminder due by then, not the worker's batch of 50: the other files' bookings (all before
// 2027) come first in the queue, and enough of them left this one unclaimed.
const ALL_DUE = 10_000;

// The three sources besides messages that tell a person something (issue 18): each stores a
// notification of its own kind, worded for the person it goes to, opening the page where they act
// on it, and queues its push (the person has push on for every kind until they turn one off).

const t = setupTestDatabase();

async function notificationsOf(userId: string) {
  return t.db.select().from(notifications).where(eq(notifications.userId, userId));
}

async function pushJobFor(notificationId: string) {
  return t.db.select().from(jobs).where(and(eq(jobs.kind, PUSH_JOB), eq(jobs.key, `notification-push:${notificationId}`)));
}

describe("what tells a person something besides a message", () => {
  it("a booking reminder: the session's name and time, the trainer, and My sessions, once, when the reminder is due", async () => {
    const s = await createTestStudio(t.db, "reminder");
    const { creditType } = await makeBookable(t.db, s);
    const booking = await bookSession(t.db, {
      studioId: s.studioId,
      sessionTypeId: creditType.id,
      clientId: s.clientA.clientId,
      start: london("2027-04-05T10:00"),
      now: london("2027-04-01T09:00"),
      actor: { by: "client", clientId: s.clientA.clientId },
    });
    expect(booking.id).toBeTruthy();
    // Booking it tells nothing on the phone (the email confirms it); the reminder does, a day before.
    await runDueJobs(t.db, reminderJobs, () => london("2027-04-03T10:00"), ALL_DUE);
    expect((await notificationsOf(s.clientA.userId)).filter((n) => n.kind === "booking_reminder")).toEqual([]);
    await runDueJobs(t.db, reminderJobs, () => london("2027-04-04T10:01"), ALL_DUE);
    await runDueJobs(t.db, reminderJobs, () => london("2027-04-04T10:05"), ALL_DUE);

    const told = (await notificationsOf(s.clientA.userId)).filter((n) => n.kind === "booking_reminder");
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ studioId: s.studioId, url: "/portal/sessions", body: `With ${s.trainer.name}.` });
    expect(told[0]!.title).toBe("1:1 run technique at 10:00 on Mon 5 April");
    expect(await pushJobFor(told[0]!.id)).toHaveLength(1);
    // Nobody else in the studio is told.
    for (const other of [s.clientB, s.trainer, s.owner]) expect(await notificationsOf(other.userId)).toEqual([]);
  });

  it("a drill unlocked: the drill's name, why, and Today, told once however often unlocks are recorded", async () => {
    const s = await createTestStudio(t.db, "unlock");
    const knee = await builtInDrillId(t.db, s.studioId, "knee-drive");
    const hop = await builtInDrillId(t.db, s.studioId, "hopping");
    const kneeVersion = await assign(s, knee, "hold");
    await assign(s, hop, "contacts");
    // Knee Drive held 35 s a side on five days: Hopping's built-in rule (30 s, 5 of 7 days) is met.
    const days = ["2026-03-14", "2026-03-15", "2026-03-16", "2026-03-17", "2026-03-18"];
    await insertPractice(
      t.db,
      days.map((d) => ({
        studioId: s.studioId,
        clientId: s.clientA.clientId,
        performedAt: new Date(`${d}T07:00:00Z`),
        localDate: d,
        entries: (["left", "right"] as const).map((side) => ({ drillId: knee, assignmentVersionId: kneeVersion, side, value: 35 })),
      })),
    );
    expect(await notificationsOf(s.clientA.userId)).toEqual([]);
    const recorded = await recordUnlocksFor(t.db, s.studioId, s.clientA.clientId, "2026-03-20");
    expect(recorded.map((r) => r.drillId)).toEqual([hop]);
    await recordUnlocksFor(t.db, s.studioId, s.clientA.clientId, "2026-03-20");

    const told = await notificationsOf(s.clientA.userId);
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({
      studioId: s.studioId,
      kind: "drill_unlocked",
      title: "Hopping is unlocked",
      body: "You mastered what it builds on. It is on Today from now on.",
      url: "/portal",
    });
    expect(await pushJobFor(told[0]!.id)).toHaveLength(1);
    expect(await notificationsOf(s.clientB.userId)).toEqual([]);
  });

  it("a failed payment (invoice.payment_failed): says which studio and what to do, opens Membership; a paid renewal tells nothing", async () => {
    const s = await createTestStudio(t.db, "billing");
    const { monthly } = await createTestPlans(t.db, s.studioId);
    const clock = { now: new Date("2026-05-31T09:00:00Z") };
    const { provider } = recordingProvider(t.db, clock);
    const email = `failed-${randomUUID().slice(0, 8)}@example.test`;
    const studioSlug = (await t.db.query.studios.findFirst({ where: (st, { eq }) => eq(st.id, s.studioId) }))!.slug;
    const started = await startSignup(t.db, provider, { studioSlug, planId: monthly.id, name: "Vera Visitor", email, password: "a good long password", appUrl: "http://localhost:3000" });
    await provider.payCheckout({ sessionId: started.url.split("/").pop()!, cardNumber: "4242 4242 4242 4242" });
    const [user] = await t.db.select({ id: users.id }).from(users).where(eq(users.email, email));
    // Paying at sign-up (invoice.paid) tells nothing on the phone: the receipt is an email.
    expect(await notificationsOf(user!.id)).toEqual([]);

    const [sub] = await t.db.select().from(subscriptions).where(eq(subscriptions.studioId, s.studioId));
    clock.now = sub!.currentPeriodEnd!;
    await provider.simulateRenewal({ stripeSubscriptionId: sub!.stripeSubscriptionId, outcome: "failed" });

    const told = await notificationsOf(user!.id);
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({
      studioId: s.studioId,
      kind: "payment_failed",
      title: "A payment failed",
      body: "Your payment to Test billing did not go through. Update your card.",
      url: "/portal/billing",
    });
    expect(await pushJobFor(told[0]!.id)).toHaveLength(1);
    for (const other of [s.trainer, s.owner]) expect(await notificationsOf(other.userId)).toEqual([]);
  });
});

async function assign(s: TestStudio, drillId: string, measure: "hold" | "contacts") {
  const row = await createAssignment(
    t.db,
    s.studioId,
    s.trainer.memberId,
    {
      clientId: s.clientA.clientId,
      drillId,
      prescription: { sets: 1, targetPerSide: 30, repMin: null, repMax: null, schedule: { daily: measure === "hold", beforeRun: measure !== "hold" }, startDate: "2026-03-02", endDate: null },
    },
    new Date("2026-03-20T12:00:00Z"),
  );
  const [version] = await t.db.select({ id: assignmentVersions.id }).from(assignmentVersions).where(eq(assignmentVersions.assignmentId, row.id));
  return version!.id;
}
