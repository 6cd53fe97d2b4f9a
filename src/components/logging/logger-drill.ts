import type { TodayDrill } from "@/server/drills/assignments";
import { describeDose } from "@/lib/drills/describe";
import type { LoggerDrill } from "./logger-values";

/** The part of a Today drill the loggers need (plain data, passed from a server page). */
export function toLoggerDrill({ drill, prescription }: { drill: Pick<TodayDrill["drill"], "id" | "name" | "measure" | "perSide" | "recordsContactFeel">; prescription: TodayDrill["prescription"] }): LoggerDrill {
  return {
    drillId: drill.id,
    name: drill.name,
    measure: drill.measure,
    perSide: drill.perSide,
    recordsContactFeel: drill.recordsContactFeel,
    sets: prescription.sets,
    repMin: prescription.repMin,
    repMax: prescription.repMax,
    targetPerSide: prescription.targetPerSide,
    dose: describeDose(prescription, drill.measure, drill.perSide),
  };
}
