import type { Db } from "@/server/db/client";
import type { TestStudio } from "../factories";

export const ROLES = ["anonymous", "clientA", "clientB", "trainer", "owner", "otherTrainer"] as const;
export type Role = (typeof ROLES)[number];

/** Two studios: `home` (where clients A and B share a coach) and `other`. */
export type AuthzFixture = { home: TestStudio; other: TestStudio; /** For rules whose input needs rows made first. */ db: Db };

export type ProcedureRule = {
  /** The roles that may call it with this input; every other role must be refused. */
  allowed: readonly Role[];
  /** A valid input that names rows of the home studio (client A's where a client is needed). */
  input?: (f: AuthzFixture) => unknown | Promise<unknown>;
};
export type ProcedureRules = Record<string, ProcedureRule>;

export const EVERYONE: readonly Role[] = ROLES;
export const TRAINERS: readonly Role[] = ["trainer", "owner"];
export const OWNER: readonly Role[] = ["owner"];
export const CLIENTS: readonly Role[] = ["clientA", "clientB"];
export const CLIENT_A: readonly Role[] = ["clientA"];
export const SIGNED_IN: readonly Role[] = ["clientA", "clientB", "trainer", "owner", "otherTrainer"];
