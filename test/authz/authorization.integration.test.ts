import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "@/server/api/root";
import { callerFor } from "../caller";
import { setupTestDatabase } from "../db";
import type { TestStudio } from "../factories";
import { createAuthzFixture, setHomeVisibility, userOfRole } from "./fixture";
import { matrix } from "./matrix";
import { allowedUnder, ROLES, type AuthzFixture, type Role, type SignupStudio, type Visibility } from "./roles";

const t = setupTestDatabase();
let f: AuthzFixture;

beforeAll(async () => {
  f = await createAuthzFixture(t.db);
});

const userOf = (role: Role) => userOfRole(f, role);

function markersOf(studio: TestStudio | SignupStudio): string[] {
  const people = "clientA" in studio ? [studio.owner, studio.trainer, studio.clientA, studio.clientB] : [studio.owner];
  return [studio.studioId, ...people.flatMap((p) => [p.userId, p.email, "clientId" in p ? p.clientId : p.memberId])];
}

const clientMarkers = (studio: TestStudio) => [studio.clientA, studio.clientB].flatMap((c) => [c.email, c.clientId, c.userId]);

/** Ids and emails a role must never see in any answer. */
function forbiddenMarkers(role: Role, visibility: Visibility): string[] {
  const { home, other, signup } = f;
  switch (role) {
    case "anonymous":
      return [...markersOf(home), ...markersOf(other), ...markersOf(signup)];
    case "clientA":
      return [...markersOf(other), ...markersOf(signup), home.clientB.email, home.clientB.clientId, home.clientB.userId];
    case "clientB":
      return [...markersOf(other), ...markersOf(signup), home.clientA.email, home.clientA.clientId, home.clientA.userId];
    case "trainer":
    case "owner":
      return [...markersOf(other), ...markersOf(signup)];
    case "otherTrainer":
      return [...markersOf(home), ...markersOf(signup)];
    case "signupOwner":
      return [...markersOf(home), ...markersOf(other)];
    case "deactivatedTrainer":
      return [...markersOf(home), ...markersOf(other), ...markersOf(signup)];
    // Coaches nobody: where trainers see only their own clients, neither A nor B is theirs to see.
    case "scopedTrainer":
      return [...markersOf(other), ...markersOf(signup), ...(visibility === "own" ? clientMarkers(home) : [])];
  }
}

// The matrix is the hosted deployment's (open sign-up): the one with more studios to keep apart.
async function call(path: string, userId: string | null, input: unknown) {
  const caller = callerFor(t.db, userId, { isSignupOpen: true }) as unknown as Record<string, Record<string, (input: unknown) => Promise<unknown>>>;
  const [domain, verb] = path.split(".") as [string, string];
  return caller[domain]![verb]!(input);
}

const procedures = Object.keys(appRouter._def.procedures).sort();

describe("the authorization matrix", () => {
  it("lists every procedure of the app router", () => {
    expect(procedures.filter((p) => !(p in matrix))).toEqual([]);
    expect(Object.keys(matrix).filter((p) => !procedures.includes(p))).toEqual([]);
  });

  // A new trainer procedure cannot slip past the setting: its rule must say whether it names a client's rows.
  it("says, for every procedure a trainer may call, whether it names a client's rows", () => {
    const undeclared = Object.entries(matrix).filter(([, rule]) => rule.allowed.includes("trainer") && typeof rule.clientScoped !== "boolean");
    expect(undeclared.map(([path]) => path)).toEqual([]);
  });
});

describe.each(["all", "own"] as const)("the authorization matrix, trainers seeing %s clients", (visibility) => {
  beforeAll(async () => {
    await setHomeVisibility(f, visibility);
  });

  describe.each(procedures)("%s", (path) => {
    it.each(ROLES)("as %s", async (role) => {
      const rule = matrix[path];
      if (!rule) throw new Error(`${path} is missing from test/authz/matrix.ts`);
      const isAllowed = allowedUnder(rule, visibility).includes(role);
      const userId = isAllowed && rule.standIn ? await rule.standIn(f, t.db, role) : userOf(role);
      const input = await rule.input?.(f, t.db, userId);
      if (isAllowed) {
        const output = await call(path, userId, input);
        const text = JSON.stringify(output ?? null);
        for (const marker of forbiddenMarkers(role, visibility)) expect(text, `${path} as ${role} leaked ${marker}`).not.toContain(marker);
      } else {
        const error = await refusal(path, userId, input);
        expect(error, `${path} as ${role} should be refused`).toBeInstanceOf(TRPCError);
        expect(["UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND"]).toContain((error as TRPCError).code);
        // A client out of sight answers exactly as a client that does not exist (or is another studio's).
        if (role === "scopedTrainer" && rule.clientScoped && allowedUnder(rule, "all").includes("scopedTrainer")) {
          const missing = await refusal(path, userId, withMissingRows(input));
          expect({ code: (error as TRPCError).code, message: (error as TRPCError).message }, `${path}: a hidden client answered unlike a missing one`).toEqual({
            code: (missing as TRPCError).code,
            message: (missing as TRPCError).message,
          });
        }
      }
    });
  });
});

/** The same input with every client-naming id (a client, session, run, booking, assignment) swapped for one that exists nowhere. */
function withMissingRows(input: unknown): unknown {
  const rowKeys = new Set(["clientId", "clientIds", "sessionId", "runId", "bookingId", "assignmentId"]);
  if (!input || typeof input !== "object") return input;
  return Object.fromEntries(
    Object.entries(input).map(([key, value]) => [key, rowKeys.has(key) ? (Array.isArray(value) ? value.map(() => randomUUID()) : randomUUID()) : value]),
  );
}

function refusal(path: string, userId: string | null, input: unknown): Promise<unknown> {
  return call(path, userId, input).then(
    () => null,
    (e: unknown) => e,
  );
}
