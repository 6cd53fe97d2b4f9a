// The one place CSV is written (studio and client exports, the progression export).

/** A plain number, written as is: a negative amount or credit delta must stay a number in a spreadsheet. */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
/** What a spreadsheet would read as the start of a formula (OWASP's CSV injection list). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field: a cell that a spreadsheet would run as a formula (starting with = + - @, a
 * tab or a carriage return) gets a leading apostrophe, unless it is a plain number; a cell
 * holding a comma, quote or line break is quoted. Null is an empty cell.
 */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text = value instanceof Date ? isoInstant(value) : String(value);
  if (FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line (RFC 4180 line ending). */
export function csvRow(values: readonly unknown[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}

/** An instant as ISO 8601 in UTC, to the second: 2026-03-29T07:30:00Z. */
export function isoInstant(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}
