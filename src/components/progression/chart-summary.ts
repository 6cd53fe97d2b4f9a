const shortDate = (d: string) => new Date(`${d}T12:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });

/**
 * The asymmetry chart in words, for anyone who cannot see it: how many days had both sides,
 * the latest and the largest gap, and how often it went over the trainer's threshold.
 */
export function describeAsymmetry(points: readonly { localDate: string; asymmetry: number | null }[], thresholdPercent: number): string {
  const days = points.filter((p): p is { localDate: string; asymmetry: number } => p.asymmetry !== null);
  if (days.length === 0) return "No day yet with both sides logged, so there is no left/right gap to show.";
  const latest = days.at(-1)!;
  const largest = days.reduce((a, b) => (b.asymmetry > a.asymmetry ? b : a));
  const over = days.filter((d) => d.asymmetry > thresholdPercent).length;
  const plural = (n: number) => `${n} day${n === 1 ? "" : "s"}`;
  const gaps = [`latest ${Math.round(latest.asymmetry)}% on ${shortDate(latest.localDate)}`];
  if (days.length > 1) gaps.push(`largest ${Math.round(largest.asymmetry)}% on ${shortDate(largest.localDate)}`);
  const threshold = over === 0 ? `Never above the ${thresholdPercent}% threshold.` : `Above the ${thresholdPercent}% threshold on ${plural(over)}.`;
  return `Left/right gap on ${plural(days.length)} with both sides logged: ${gaps.join(", ")}. ${threshold}`;
}
