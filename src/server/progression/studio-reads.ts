import { eq } from "drizzle-orm";
import type { Queryable } from "@/server/db/client";
import { progressionSettings } from "@/server/db/schema";
import { unusableZonesIn } from "@/server/dates/zones";
import { DEFAULT_ASYMMETRY_THRESHOLD_PERCENT } from "./asymmetry";
import { DEFAULT_LOAD_SPIKE_RATIO } from "./running-load";

/**
 * Facts of a studio that several parts of one read need (the dashboard's queue and overview,
 * a progress page): each is read at most once for the read that made this, and never kept after
 * it, since a write may change them at any time. Resolve them before opening a transaction:
 * on PGlite a query outside an open transaction waits for it to end.
 */
export type StudioReads = {
  /** The clients' stored zones that usableZoneSql must read as UTC (dates/zones.ts). */
  unusableZones(): Promise<readonly string[]>;
  /** The studio's progression thresholds, defaults when never set: one row, read once. */
  settings(): Promise<{ asymmetryThresholdPercent: number; loadSpikeRatio: number }>;
};

export function studioReads(q: Queryable, studioId: string): StudioReads {
  let zones: Promise<readonly string[]> | undefined;
  let settings: Promise<{ asymmetryThresholdPercent: number; loadSpikeRatio: number }> | undefined;
  return {
    unusableZones: () => (zones ??= unusableZonesIn(q, studioId)),
    settings: () =>
      (settings ??= q
        .select({ asymmetryThresholdPercent: progressionSettings.asymmetryThresholdPercent, loadSpikeRatio: progressionSettings.loadSpikeRatio })
        .from(progressionSettings)
        .where(eq(progressionSettings.studioId, studioId))
        .limit(1)
        .then(([row]) => ({
          asymmetryThresholdPercent: row?.asymmetryThresholdPercent ?? DEFAULT_ASYMMETRY_THRESHOLD_PERCENT,
          loadSpikeRatio: row ? Number(row.loadSpikeRatio) : DEFAULT_LOAD_SPIKE_RATIO,
        }))),
  };
}
