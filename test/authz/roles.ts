import type { Db } from "@/server/db/client";
import type { Person, TestStudio } from "../factories";

export const ROLES = ["anonymous", "clientA", "clientB", "trainer", "owner", "otherTrainer", "signupOwner", "scopedTrainer", "deactivatedTrainer"] as const;
export type Role = (typeof ROLES)[number];

/** The owner of a third studio, made by open sign-up (the sign-up service, its link confirmed), as on a hosted Stride. */
export type SignupStudio = { studioId: string; owner: Person & { memberId: string } };

/**
 * Two studios: `home` (where clients A and B share a coach) and `other`; `signup`, made by open
 * sign-up; `scopedTrainer`, a second trainer of the home studio who coaches no client; and
 * `deactivatedTrainer`, a trainer of the home studio whom its owner deactivated: refused
 * everywhere a trainer is allowed.
 */
export type AuthzFixture = {
  home: TestStudio;
  other: TestStudio;
  signup: SignupStudio;
  scopedTrainer: Person & { memberId: string };
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
  /**
   * Whether the input names a client's rows (the client, or a session, run, booking,
   * assignment of theirs). Every rule a trainer may call says so: where trainers see only the
   * clients they coach, `scopedTrainer` (who coaches nobody) is refused those and allowed the rest.
   */
  clientScoped?: boolean;
};
export type ProcedureRules = Record<string, ProcedureRule>;

export const EVERYONE: readonly Role[] = ROLES;
export const TRAINERS: readonly Role[] = ["trainer", "owner"];
export const OWNER: readonly Role[] = ["owner"];
/** Owner-only work on the caller's own studio (no home row named): every studio's owner may. */
export const ANY_OWNER: readonly Role[] = ["owner", "signupOwner"];
export const CLIENTS: readonly Role[] = ["clientA", "clientB"];
export const CLIENT_A: readonly Role[] = ["clientA"];
export const SIGNED_IN: readonly Role[] = ["clientA", "clientB", "trainer", "owner", "otherTrainer", "signupOwner", "scopedTrainer"];

/** The home studio's setting the matrix runs under: trainers see every client, or their own. */
export type Visibility = "all" | "own";

/**
 * Who may call a procedure under a setting.
 * - `otherTrainer` stands for a member of another studio acting on their own studio's rows; the
 *   owner of a signed-up studio is such a member too, so where `otherTrainer` is allowed, so is
 *   `signupOwner` (and a rule may name it for owner-only work on its own studio). On the home
 *   studio's rows both are refused.
 * - `scopedTrainer` goes wherever any trainer of the home studio goes (a rule that allows both
 *   `trainer` and `owner`, or names it), except, where trainers see only their own clients, to
 *   a client's rows.
 */
export function allowedUnder(rule: ProcedureRule, visibility: Visibility): readonly Role[] {
  const withSignup: Role[] = rule.allowed.includes("otherTrainer") && !rule.allowed.includes("signupOwner") ? [...rule.allowed, "signupOwner"] : [...rule.allowed];
  const isAnyTrainers = withSignup.includes("scopedTrainer") || (withSignup.includes("trainer") && withSignup.includes("owner"));
  const others = withSignup.filter((r) => r !== "scopedTrainer");
  return isAnyTrainers && !(visibility === "own" && rule.clientScoped) ? [...others, "scopedTrainer"] : others;
}
