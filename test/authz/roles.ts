import type { Db } from "@/server/db/client";
import type { Person, TestStudio } from "../factories";

export const ROLES = ["anonymous", "clientA", "clientB", "trainer", "owner", "otherTrainer", "deactivatedTrainer"] as const;
export type Role = (typeof ROLES)[number];

/** Two studios: `home` (where clients A and B share a coach) and `other`. */
export type AuthzFixture = {
  home: TestStudio;
  other: TestStudio;
  /** A trainer of the home studio whom its owner deactivated: refused everywhere a trainer is allowed. */
  deactivatedTrainer: Person & { memberId: string };
  /** For inputs that need fresh rows per call. */ db: Db;
};

export type ProcedureRule = {
  /** The roles that may call it with this input; every other role must be refused. */
  allowed: readonly Role[];
  /**
   * A valid input that names rows of the home studio (client A's where a client is needed).
   * Called once per role; it may create the rows it names (a fresh booking per cancel).
   */
  input?: (f: AuthzFixture, db: Db, callerId?: string | null) => unknown;
  /**
   * Who plays an allowed role, for a call that would spend the fixture's own person (their
   * account deleted, their address changed): a stand-in of that role made for the call. The
   * input is then made for the stand-in (`callerId`).
   */
  standIn?: (f: AuthzFixture, db: Db, role: Role) => Promise<string>;
};
export type ProcedureRules = Record<string, ProcedureRule>;

export const EVERYONE: readonly Role[] = ROLES;
export const TRAINERS: readonly Role[] = ["trainer", "owner"];
export const OWNER: readonly Role[] = ["owner"];
export const CLIENTS: readonly Role[] = ["clientA", "clientB"];
export const CLIENT_A: readonly Role[] = ["clientA"];
export const SIGNED_IN: readonly Role[] = ["clientA", "clientB", "trainer", "owner", "otherTrainer"];
