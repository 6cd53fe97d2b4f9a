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

/** One figure measured on several databases side by side, with its budget and verdict. */
export type ColumnsRow = { figure: string; values: string[]; budget: string; pass: boolean | null };

export function printColumns(title: string, columns: string[], rows: ColumnsRow[]) {
  console.log(`\n${title}`);
  const header = ["figure", ...columns, "budget", "result"];
  const cells = rows.map((r) => [r.figure, ...r.values, r.budget, r.pass === null ? "reported" : r.pass ? "pass" : "falls short"]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? "").length)));
  const line = (c: string[]) => `| ${c.map((x, i) => x.padEnd(widths[i] ?? 0)).join(" | ")} |`;
  console.log(line(header));
  console.log(line(widths.map((w) => "-".repeat(w))));
  for (const c of cells) console.log(line(c));
}
