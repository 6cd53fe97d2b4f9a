// The wall clock an instant shows in a zone, by the platform's Intl rather than luxon: the
// phone's pages (the loggers, the check-in cards) need only this of a date library, and luxon
// was ~22 KB gzip of their JavaScript. The server reads a client's day through it as well.

const clockFormats = new Map<string, Intl.DateTimeFormat>();

export type WallClock = { year: number; month: number; day: number; hour: number; minute: number; second: number };

/** The wall clock an instant (ms since the epoch) shows in a zone, to the second. Throws a RangeError for an unknown zone. */
export function wallClock(ms: number, timeZone: string): WallClock {
  let format = clockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" });
    clockFormats.set(timeZone, format);
  }
  const parts: Record<string, number> = {};
  for (const p of format.formatToParts(new Date(ms))) if (p.type !== "literal") parts[p.type] = Number(p.value);
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second! };
}

export const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** 'YYYY-MM-DD' of a wall clock. */
export const isoDateOf = (c: Pick<WallClock, "year" | "month" | "day">) => `${pad(c.year, 4)}-${pad(c.month)}-${pad(c.day)}`;

/** 'HH:mm' of a wall clock. */
export const hourMinuteOf = (c: Pick<WallClock, "hour" | "minute">) => `${pad(c.hour)}:${pad(c.minute)}`;
