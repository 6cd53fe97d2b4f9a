import { z } from "zod";
import { isValidLocalDate } from "@/lib/local-date";
import { CHECKIN_CADENCES } from "./vocabulary";

// What a trainer types to schedule a check-in. Shared by the router and the schedule card, so
// the card's messages are the server's. The start date's window around the client's today is
// checked on the server (it needs their today): src/server/dates/typed-date.ts.

export const scheduleMessages = {
  form: "Pick a check-in form from the list.",
  cadence: "Choose daily or weekly.",
  weekday: "Pick the day of the week, Monday to Sunday.",
  weekdayMissing: "Pick the day of the week a weekly check-in is asked.",
  weekdayOnDaily: "A daily check-in is asked every day: leave the day of the week empty, or choose weekly.",
  atTime: "Enter a time between 00:00 and 23:59, as HH:MM.",
  startsOn: "Enter a start date that exists on the calendar, as YYYY-MM-DD.",
  schedule: "Pick a check-in schedule from the list.",
} as const;

const AT_TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

const timingShape = {
  formId: z.uuid({ error: scheduleMessages.form }),
  cadence: z.enum(CHECKIN_CADENCES, { error: scheduleMessages.cadence }),
  /** ISO weekday, 1 = Monday; only for a weekly check-in. */
  weekday: z.number({ error: scheduleMessages.weekday }).int({ error: scheduleMessages.weekday }).min(1, { error: scheduleMessages.weekday }).max(7, { error: scheduleMessages.weekday }).nullable().default(null),
  atTime: z.string({ error: scheduleMessages.atTime }).max(5, { error: scheduleMessages.atTime, abort: true }).regex(AT_TIME, { error: scheduleMessages.atTime }),
  /** The client's local day it starts; empty: their today. */
  startsOn: z.string({ error: scheduleMessages.startsOn }).max(10, { error: scheduleMessages.startsOn, abort: true }).refine(isValidLocalDate, { error: scheduleMessages.startsOn }).nullable().default(null),
};

type Timing = { cadence?: unknown; weekday?: unknown };

// A weekly check-in names its day; a daily one none. zod runs this even when a field failed:
// it only compares fields that are themselves valid, so a bad weekday gets one message.
function checkWeekday(value: Timing, ctx: z.RefinementCtx) {
  if (value.cadence === "weekly" && value.weekday === null) ctx.addIssue({ code: "custom", message: scheduleMessages.weekdayMissing, path: ["weekday"] });
  if (value.cadence === "daily" && typeof value.weekday === "number") ctx.addIssue({ code: "custom", message: scheduleMessages.weekdayOnDaily, path: ["weekday"] });
}

export const scheduleForClientInput = z.object({ clientId: z.uuid({ error: "That client id is not valid." }), ...timingShape }).superRefine(checkWeekday);
export const scheduleForProgramInput = z.object({ programId: z.uuid({ error: "Pick a program from the list." }), ...timingShape }).superRefine(checkWeekday);
export const endScheduleInput = z.object({ scheduleId: z.uuid({ error: scheduleMessages.schedule }) });

export type ScheduleForClientInput = z.infer<typeof scheduleForClientInput>;
export type ScheduleForProgramInput = z.infer<typeof scheduleForProgramInput>;
/** The timing fields both share. */
export type ScheduleTimingInput = Omit<ScheduleForClientInput, "clientId">;
