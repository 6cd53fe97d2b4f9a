export type PlanInterval = "month" | "year";
export type PlanKind = "subscription" | "pack";
