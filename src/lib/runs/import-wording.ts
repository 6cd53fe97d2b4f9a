import { formatDistance, type DistanceUnit } from "@/lib/distance-units";
import { formatDay } from "@/lib/time-wording";

// What the import page says under each file, in the client's unit and on their calendar.

export type ImportOutcomeKind = "imported" | "merged_with_typed" | "joined_existing" | "already_imported";

export type ImportOutcomeFacts = { kind: ImportOutcomeKind; startedAt: Date; distanceM: number; typedStartedAt?: Date };

/** The sentence for one imported file: "Imported: 10.2 km on Tue 3 Nov." */
export function importSentence(facts: ImportOutcomeFacts, viewer: { unit: DistanceUnit; timeZone: string; now: Date }): string {
  const distance = formatDistance(facts.distanceM, viewer.unit);
  const day = formatDay(facts.startedAt, viewer.timeZone, viewer.now);
  switch (facts.kind) {
    case "imported":
      return `Imported: ${distance} on ${day}.`;
    case "merged_with_typed":
      return `Matched the run you typed on ${formatDay(facts.typedStartedAt ?? facts.startedAt, viewer.timeZone, viewer.now)}: its figures now come from the watch.`;
    case "joined_existing":
      return `Another file of your ${distance} run on ${day}: kept with it, its figures unchanged.`;
    case "already_imported":
      return `Already imported: this file is your ${distance} run on ${day}.`;
  }
}
