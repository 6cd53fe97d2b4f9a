/**
 * "a" or "an" before a number, by how the number is spoken: "an 8.2 km run", "an 11 km run",
 * "an 18 km run", "a 1.5 km run". Only the leading group of digits decides: 8, 80–89 and
 * 800–899 start with "eight"; 11 and 18 ("eleven", "eighteen") only when they are the whole
 * leading group (11,000 is "eleven thousand", 110 is "one hundred and ten").
 */
export function articleForNumber(numberText: string): "a" | "an" {
  const digits = numberText.trim().replace(/^[-+]/, "").split(/[.,]/)[0]!.replace(/[\s_]/g, "");
  if (!/^\d+$/.test(digits)) return "a";
  const whole = digits.replace(/^0+(?=\d)/, "");
  if (whole.startsWith("8")) return "an";
  const leadingGroup = whole.length % 3 === 0 ? 3 : whole.length % 3;
  if (leadingGroup === 2 && (whole.startsWith("11") || whole.startsWith("18"))) return "an";
  return "a";
}

/** The number with its article in front: "an 8.2", "a 1.5". */
export function withArticle(numberText: string): string {
  return `${articleForNumber(numberText)} ${numberText}`;
}

/** "5:07" for 307 s, "1:02:05" past an hour; paces are written by lib/distance-units.ts formatPace. */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.round(totalSeconds);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const ss = String(s).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${ss}` : `${m}:${ss}`;
}
