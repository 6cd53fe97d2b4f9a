import { DomainError } from "@/lib/errors";
import { addDays, isValidLocalDate, type LocalDate } from "@/lib/local-date";

// A date a person types into a form ('YYYY-MM-DD' on their own calendar) is a plan or a record
// near today: 1900-01-01 or 2300-01-01 is a slipped key, and stored as it is it grows a year of
// empty adherence weeks, or a day off nobody will ever see. So every such date lies in a window
// around today, named for what it is; the run and session forms bound their times the same way
// (a day ahead, a year back: src/lib/session-input.ts).

/** How many days before and after today a typed date may lie. */
export type TypedDateWindow = {
  daysBack: number;
  daysAhead: number;
  /** The date's name in the refusal: "a start date", "a day". */
  what: string;
};

export const TYPED_DATE_WINDOWS = {
  /** An assignment or program starts at most a year back (a plan begun on paper) and a year ahead. */
  start: { daysBack: 366, daysAhead: 366, what: "a start date" },
  /** An assignment ends at most a year back and two years ahead. */
  end: { daysBack: 366, daysAhead: 2 * 366, what: "an end date" },
  /** A check-in schedule starts from the client's today (a past day would only count as missed) up to a year ahead. */
  checkinStart: { daysBack: 0, daysAhead: 366, what: "a start date" },
  /** A day off or extra hours: from today (a past day changes nothing) up to two years ahead. */
  availability: { daysBack: 0, daysAhead: 2 * 366, what: "a day" },
} as const satisfies Record<string, TypedDateWindow>;

/** The first and last date the window allows around `today`, for a form's min and max. */
export function typedDateBounds(today: LocalDate, window: TypedDateWindow): { min: LocalDate; max: LocalDate } {
  return { min: addDays(today, -window.daysBack), max: addDays(today, window.daysAhead) };
}

/** A start and an end date's bounds, computed on the server for a form (the form loads no date code). */
export type TypedDateBoundsFor = { start: { min: LocalDate; max: LocalDate }; end: { min: LocalDate; max: LocalDate } };

export function prescriptionDateBounds(today: LocalDate): TypedDateBoundsFor {
  return { start: typedDateBounds(today, TYPED_DATE_WINDOWS.start), end: typedDateBounds(today, TYPED_DATE_WINDOWS.end) };
}

const DATE_WORDS = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const inWords = (date: LocalDate) => DATE_WORDS.format(new Date(`${date}T00:00:00Z`));

// A typed date must exist on the calendar and lie within its window around the person's today.
export function checkTypedDate(value: string, today: LocalDate, window: TypedDateWindow): string | null {
  if (!isValidLocalDate(value)) return "Enter a date that exists on the calendar, as YYYY-MM-DD.";
  const { min, max } = typedDateBounds(today, window);
  if (value >= min && value <= max) return null;
  const from = window.daysBack === 0 ? "today" : inWords(min);
  return `Pick ${window.what} between ${from} and ${inWords(max)}.`;
}

export type TypedDateField = { field: string; value: string | null | undefined; window: TypedDateWindow };

/** Refuses the first typed date outside its window, under its field; an empty date is not checked. */
export function assertTypedDates(today: LocalDate, fields: TypedDateField[]): void {
  for (const { field, value, window } of fields) {
    if (value === null || value === undefined) continue;
    const problem = checkTypedDate(value, today, window);
    if (problem) throw new DomainError("BAD_REQUEST", problem, field);
  }
}
