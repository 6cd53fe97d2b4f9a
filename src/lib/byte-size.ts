// File sizes as people read them. Binary multiples, labelled as phones and the upload limits
// label them (a limit of 100 × 1024 × 1024 bytes reads "100 MB"), so a figure and a limit agree.
const UNITS = ["KB", "MB", "GB", "TB"] as const;

/** "0 bytes", "812 bytes", "4.2 KB", "212 MB", "1.5 GB": one decimal below 10 of a unit. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 1024) {
    const whole = Math.max(0, Math.round(Number.isFinite(bytes) ? bytes : 0));
    return `${whole} ${whole === 1 ? "byte" : "bytes"}`;
  }
  let value = bytes;
  let unit = -1;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  // 1023.96 KB would round to "1024 KB": say "1 MB" instead.
  if (Math.round(value) >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const shown = value < 10 ? Math.round(value * 10) / 10 : Math.round(value);
  return `${shown} ${UNITS[unit]}`;
}
