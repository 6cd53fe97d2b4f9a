import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { checkAnswers, type CheckinAnswer } from "@/lib/checkins/answers";
import type { CheckinQuestion } from "@/lib/checkins/vocabulary";
import type { LocalDate } from "@/lib/local-date";
import { studioOverview } from "@/server/progression/overview";
import { clientProgression } from "@/server/progression/service";
import { scheduleCheckin } from "~test/checkin-fixtures";
import { setupTestDatabase } from "~test/db";
import { createTestStudio, type TestStudio } from "~test/factories";
import { checkinWeeksFor } from "./checkin-adherence";
import { storeResponse } from "./store-response";

const t = setupTestDatabase();

// Sunday 29 March 2026, 20:00 in London: the spring-forward day, the last of the week of the 23rd.
const NOW = new Date("2026-03-29T19:00:00Z");

/** Plain answers to every required question (nothing hurting). */
const plainly = (questions: readonly CheckinQuestion[]): CheckinAnswer[] =>
  questions.flatMap((q): CheckinAnswer[] => {
    const o = q.options;
    if (o.kind === "scale") return [{ questionId: q.id, answer: { kind: "scale", value: 7 } }];
    if (o.kind === "choice") return [{ questionId: q.id, answer: { kind: "choice", value: o.choices[0]! } }];
    if (o.kind === "yes_no") return [{ questionId: q.id, answer: { kind: "yes_no", value: false } }];
    if (o.kind === "number") return [{ questionId: q.id, answer: { kind: "number", value: o.min + 1 } }];
    if (o.kind === "pain_map") return [{ questionId: q.id, answer: { kind: "pain_map", value: [] } }];
    return [];
  });

describe("check-ins in adherence: each due one is prescribed, answered is done", () => {
  let studio: TestStudio;
  beforeAll(async () => {
    studio = await createTestStudio(t.db, "checkin-adherence");
    const morning = await scheduleCheckin(t.db, studio, { key: "morning-check-in", startsOn: "2026-03-01" });
    await scheduleCheckin(t.db, studio, { key: "weekly-review", cadence: "weekly", weekday: 7, atTime: "18:00", startsOn: "2026-03-01" });
    const checked = checkAnswers(morning.questions, plainly(morning.questions));
    // Answered every morning but Wednesday 25th; not yet today. Last Sunday's (22nd) belongs to last week.
    for (const day of ["2026-03-22", "2026-03-23", "2026-03-24", "2026-03-26", "2026-03-27", "2026-03-28"] as LocalDate[]) {
      await t.db.transaction((tx) =>
        storeResponse(tx, {
          studioId: studio.studioId,
          clientId: studio.clientA.clientId,
          responseId: randomUUID(),
          formId: morning.form.id,
          kind: "checkin",
          scheduleId: morning.schedule.id,
          dueOn: day,
          localDate: day,
          checked,
          now: new Date(`${day}T07:30:00Z`),
        }),
      );
    }
  });

  it("counts this week's answered and missed; today's morning and the Sunday review are still open", async () => {
    const weeks = await checkinWeeksFor(t.db, studio.studioId, [studio.clientA.clientId, studio.clientB.clientId], NOW);
    expect(weeks.get(studio.clientA.clientId)).toEqual({ weekStart: "2026-03-23", due: 6, answered: 5, open: 2 });
    // Client B is asked no check-in: no figure, rather than "0 of 0".
    expect(weeks.has(studio.clientB.clientId)).toBe(false);
  });

  it("on Monday a new week starts (the review stays open in its grace days but belongs to last week)", async () => {
    const monday = new Date("2026-03-30T10:00:00Z");
    expect((await checkinWeeksFor(t.db, studio.studioId, [studio.clientA.clientId], monday)).get(studio.clientA.clientId)).toEqual({ weekStart: "2026-03-30", due: 0, answered: 0, open: 1 });
  });

  it("the progress page and the studio overview show the same figure", async () => {
    const progress = await clientProgression(t.db, studio.studioId, studio.clientA.clientId, NOW);
    const overview = await studioOverview(t.db, studio.studioId, NOW);
    const expected = { weekStart: "2026-03-23", due: 6, answered: 5, open: 2 };
    expect(progress.adherence.checkins).toEqual(expected);
    expect(overview.rows.find((r) => r.clientId === studio.clientA.clientId)?.checkins).toEqual(expected);
    expect(overview.rows.find((r) => r.clientId === studio.clientB.clientId)?.checkins).toBeNull();
  });
});
