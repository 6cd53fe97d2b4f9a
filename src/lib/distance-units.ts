// The units a distance is shown and typed in; distances are always stored in metres.
export const DISTANCE_UNITS = ["km", "mi"] as const;
export type DistanceUnit = (typeof DISTANCE_UNITS)[number];
