// The "How you feel" charts in words, for anyone who cannot see them (the drawings are hidden
// from screen readers): what each line did, in the figures a coach reads first.

const shortDate = (d: string) => new Date(`${d}T12:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

type PainLine = { label: string; points: readonly { localDate: string; score: number }[] };

/**
 * The pain chart in words: on how many days a body map was answered and, per place and side that
 * hurt, on how many of them, the latest score and the highest.
 */
export function describePain(painDays: readonly string[], lines: readonly PainLine[]): string {
  if (painDays.length === 0) return "No check-in with a body map answered yet, so there is no pain to show.";
  const days = plural(painDays.length, "day");
  if (lines.length === 0) return `No pain marked on the ${days} with a body map.`;
  const parts = lines.map((line) => {
    const hurt = line.points.filter((p) => p.score > 0);
    const latest = line.points.at(-1)!;
    const highest = hurt.reduce((a, b) => (b.score > a.score ? b : a), hurt[0]!);
    return `${line.label} hurt on ${plural(hurt.length, "day")}, latest ${latest.score}/10 on ${shortDate(latest.localDate)}, highest ${highest.score}/10 on ${shortDate(highest.localDate)}`;
  });
  return `Pain on ${days} with a body map, 0 to 10: ${parts.join("; ")}.`;
}

type ValueLine = { unit: string | null; points: readonly { localDate: string; value: number }[] };

/** A scale or number chart in words (its question is the chart's title): how many answers, the latest, and the average. */
export function describeValues(line: ValueLine): string {
  if (line.points.length === 0) return "Not answered yet.";
  const amount = (v: number) => (line.unit === null ? `${v} of 10` : `${v} ${line.unit}`);
  const latest = line.points.at(-1)!;
  const average = Math.round((line.points.reduce((sum, p) => sum + p.value, 0) / line.points.length) * 10) / 10;
  const tail = line.points.length > 1 ? `, average ${amount(average)}` : "";
  return `${plural(line.points.length, "answer")}: latest ${amount(latest.value)} on ${shortDate(latest.localDate)}${tail}.`;
}
