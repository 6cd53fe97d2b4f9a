import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { assignments, assignmentVersions, runs } from "@/server/db/schema";
import { addDays, localDateIn } from "@/lib/local-date";
import { insertPractice } from "@/server/seed/practice-history";
import { callerFor } from "~test/caller";
import { setupTestDatabase } from "~test/db";
import { createTestStudio, type TestStudio } from "~test/factories";
import { withFoundation, type FoundationDrills } from "~test/training-fixtures";
import { dynamicsWeeksFor, sameSideFor } from "./dynamics-service";
import { dynamicsWeeks, type DrillEntryFact, type DynamicsRun } from "./running-dynamics";
import { loadProgressClient } from "./service";

const t = setupTestDatabase();

// Client A lives in Europe/London. "Now" is Tuesday 31 March 2026, noon (after the spring change).
const NOW = new Date("2026-03-31T12:00:00Z");
const ZONE = "Europe/London";

async function versionOf(studio: TestStudio, clientId: string, drillId: string): Promise<string> {
  const [row] = await t.db
    .select({ id: assignmentVersions.id })
    .from(assignmentVersions)
    .innerJoin(assignments, eq(assignments.id, assignmentVersions.assignmentId))
    .where(and(eq(assignments.studioId, studio.studioId), eq(assignments.clientId, clientId), eq(assignments.drillId, drillId)));
  return row!.id;
}

type History = { runs: DynamicsRun[]; hopping: DrillEntryFact[]; knee: DrillEntryFact[] };

/** Eight weeks of watch runs (contact time falling, more on the left) and Hopping growing, the left Knee Drive weaker. */
async function seed(studio: TestStudio, clientId: string, drills: FoundationDrills, options: { balanceLeft: (week: number) => number | null; kneeLeft: number }): Promise<History> {
  const history: History = { runs: [], hopping: [], knee: [] };
  const [hopVersion, kneeVersion] = [await versionOf(studio, clientId, drills.hopping), await versionOf(studio, clientId, drills.kneeDrive)];
  const runRows = [];
  const practice = [];
  for (let week = 0; week < 8; week++) {
    const monday = addDays("2026-02-02", week * 7);
    for (const [day, hour] of [[1, "06:30"], [4, "18:00"]] as const) {
      const startedAt = new Date(`${addDays(monday, day)}T${hour}:00Z`);
      const localDate = localDateIn(startedAt, ZONE);
      const gct = week === 3 && day === 4 ? null : 262 - week * 2 + day;
      const balance = options.balanceLeft(week);
      runRows.push({ id: randomUUID(), studioId: studio.studioId, clientId, startedAt, localDate, distanceM: 8000, durationS: 2700, source: "file" as const, elapsedS: 2800, avgGroundContactMs: gct, groundContactBalanceLeft: balance, avgCadenceSpm: 172 });
      history.runs.push({ localDate, avgGroundContactMs: gct, groundContactBalanceLeft: balance });
    }
    // Hopping on 1 + week/2 days (two sides, two sets on the first day); the Knee Drive every other day.
    for (let d = 0; d <= Math.floor(week / 2); d++) {
      const localDate = addDays(monday, d * 2);
      const entries = [
        { drillId: drills.hopping, assignmentVersionId: hopVersion, side: "left" as const, value: 20 + week },
        { drillId: drills.hopping, assignmentVersionId: hopVersion, side: "right" as const, value: 20 + week },
        ...(d === 0 ? [{ drillId: drills.hopping, assignmentVersionId: hopVersion, side: "left" as const, value: 10, setNumber: 2 }] : []),
      ];
      practice.push({ studioId: studio.studioId, clientId, performedAt: new Date(`${localDate}T07:00:00Z`), localDate, entries });
      history.hopping.push(...entries.map((e) => ({ localDate, side: e.side, value: e.value })));
    }
    for (const d of [0, 2, 4, 6]) {
      const localDate = addDays(monday, d);
      if (localDate > "2026-03-31") continue;
      const entries = [
        { drillId: drills.kneeDrive, assignmentVersionId: kneeVersion, side: "left" as const, value: options.kneeLeft + (d % 4) },
        { drillId: drills.kneeDrive, assignmentVersionId: kneeVersion, side: "left" as const, value: options.kneeLeft - 3, setNumber: 2 },
        { drillId: drills.kneeDrive, assignmentVersionId: kneeVersion, side: "right" as const, value: 30 + (d % 3) },
      ];
      practice.push({ studioId: studio.studioId, clientId, performedAt: new Date(`${localDate}T19:00:00Z`), localDate, entries });
      history.knee.push(...entries.map((e) => ({ localDate, side: e.side, value: e.value })));
    }
  }
  await t.db.insert(runs).values(runRows);
  await insertPractice(t.db, practice);
  return history;
}

describe("running dynamics beside the drills, in SQL against the pure rule", () => {
  let studio: TestStudio;
  let history: History;

  beforeAll(async () => {
    studio = await createTestStudio(t.db, "dynamics");
    const drills = await withFoundation(t.db, studio, "clientA", new Date("2026-01-20T12:00:00Z"));
    const drillsB = await withFoundation(t.db, studio, "clientB", new Date("2026-01-20T12:00:00Z"));
    // Client A: 52.6% on the left and the left Knee Drive about 27% weaker: the same side.
    history = await seed(studio, studio.clientA.clientId, drills, { balanceLeft: (week) => (week === 5 ? null : 52.6), kneeLeft: 22 });
    // Client B: more contact on the left, but the right hold is the weaker one: not the same side.
    await seed(studio, studio.clientB.clientId, drillsB, { balanceLeft: () => 53, kneeLeft: 40 });
  });

  it("has each week's contact time, balance, Hopping and Knee Drive as the pure rule does", async () => {
    const client = await loadProgressClient(t.db, studio.studioId, studio.clientA.clientId, NOW);
    const fromSql = await dynamicsWeeksFor(t.db, studio.studioId, client);
    const expected = dynamicsWeeks(history.runs, history.hopping, history.knee, client.today);
    expect(fromSql.map((w) => w.weekStart)).toEqual(expected.map((w) => w.weekStart));
    fromSql.forEach((w, i) => {
      const e = expected[i]!;
      for (const key of Object.keys(e) as (keyof typeof e)[]) {
        if (typeof e[key] === "number") expect(w[key], `${w.weekStart} ${key}`).toBeCloseTo(e[key] as number, 9);
        else expect(w[key], `${w.weekStart} ${key}`).toEqual(e[key]);
      }
    });
    // The figures are there at all: Hopping from 1 to 4 days, contact time falling.
    const withHopping = fromSql.filter((w) => w.hoppingDays > 0);
    expect(withHopping.at(0)?.hoppingDays).toBe(1);
    expect(withHopping.at(-1)?.hoppingDays).toBe(4);
    expect(fromSql.find((w) => w.weekStart === "2026-02-23")).toMatchObject({ runsWithGroundContact: 1, runsWithBalance: 2 });
  });

  it("flags the client whose balance and drill point to the same side, not the other", async () => {
    const rows = await sameSideFor(t.db, studio.studioId, NOW, 15, [studio.clientA.clientId, studio.clientB.clientId]);
    const a = rows.find((r) => r.clientId === studio.clientA.clientId);
    const b = rows.find((r) => r.clientId === studio.clientB.clientId);
    expect(a?.signal).toMatchObject({ side: "left", balanceLeft: 52.6 });
    // The runs of the last 28 days (4 March on) that have a balance.
    expect(a?.runsWithBalance).toBe(history.runs.filter((r) => r.localDate >= "2026-03-04" && r.groundContactBalanceLeft !== null).length);
    expect(b?.signal).toBeNull();
    // A threshold above the gap and the flag goes.
    const lenient = await sameSideFor(t.db, studio.studioId, NOW, 40, [studio.clientA.clientId]);
    expect(lenient[0]?.signal).toBeNull();
  });

  it("shows on the progress page and on the trainer's overview, in 'went together' words", async () => {
    const trainer = callerFor(t.db, studio.trainer.userId, { now: () => NOW });
    const progress = await trainer.progression.forClient({ clientId: studio.clientA.clientId });
    expect(progress.runningDynamics.hasDynamics).toBe(true);
    expect(progress.runningDynamics.contactMessage).toMatch(/^Ground contact time fell \d+ ms over 7 weeks while Hopping went from 1 to 4 days a week — they went together; the watch cannot say why\.$/);
    expect(progress.runningDynamics.sameSide?.message).toMatch(/^More ground contact time on the left \(52\.6% of it\) while the left Knee Drive hold is \d+% weaker: they went together/);
    const overview = await trainer.progression.overview({});
    expect(overview.rows.find((r) => r.clientId === studio.clientA.clientId)?.sameSide?.side).toBe("left");
    expect(overview.rows.find((r) => r.clientId === studio.clientB.clientId)?.sameSide).toBeNull();
    // A page by name fills its rows' figures alone, and lists the same-side clients of the whole studio.
    const { page, sameSides } = await trainer.progression.overviewPage({ size: 10 });
    expect(page.rows).toEqual(overview.rows.slice(0, 10));
    expect(sameSides).toEqual([{ clientId: studio.clientA.clientId, name: expect.any(String), message: overview.rows.find((r) => r.clientId === studio.clientA.clientId)!.sameSide!.message }]);
    // Another studio's trainer sees none of it.
    const other = await createTestStudio(t.db, "elsewhere");
    const theirs = await callerFor(t.db, other.trainer.userId, { now: () => NOW }).progression.overview({});
    expect(theirs.rows.some((r) => r.clientId === studio.clientA.clientId)).toBe(false);
  });
});
