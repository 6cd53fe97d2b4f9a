// Shared helpers for benchmarks: percentiles and the "figure beside its budget" table.

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? NaN;
}

export async function measure(iterations: number, run: () => Promise<unknown> | unknown, warmup = Math.min(20, iterations)) {
  for (let i = 0; i < warmup; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), samples };
}

export type Row = { figure: string; measured: string; budget: string; pass: boolean | null };

export function printTable(title: string, rows: Row[]) {
  console.log(`\n${title}`);
  const widths = [
    Math.max(6, ...rows.map((r) => r.figure.length)),
    Math.max(8, ...rows.map((r) => r.measured.length)),
    Math.max(6, ...rows.map((r) => r.budget.length)),
  ];
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 10)).join("  ");
  console.log(line(["figure", "measured", "budget", "result"]));
  for (const r of rows) console.log(line([r.figure, r.measured, r.budget, r.pass === null ? "reported" : r.pass ? "pass" : "falls short"]));
}

export const ms = (n: number) => `${n.toFixed(2)} ms`;
