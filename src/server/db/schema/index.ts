// One file per aggregate; each new domain adds its line here.
export * from "./studios";
export * from "./auth";
export * from "./outbox";
export * from "./credits";
export * from "./drills";
export * from "./training";
export * from "./bookings";
export * from "./billing";
export * from "./progression";
export * from "./installation";
export * from "./messages";
export * from "./message-photos";
export * from "./message-templates";
export * from "./notifications";
export * from "./run-files";
export * from "./checkins";
export * from "./videos";
