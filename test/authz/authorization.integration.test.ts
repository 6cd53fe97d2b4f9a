import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "@/server/api/root";
import { callerFor } from "../caller";
import { setupTestDatabase } from "../db";
import { createTestStudio, type TestStudio } from "../factories";
import { matrix } from "./matrix";
import { isAllowedFor, ROLES, type AuthzFixture, type Role, type SignupStudio } from "./roles";
import { signedUpStudio } from "./signed-up-studio";

const t = setupTestDatabase();
let f: AuthzFixture;

beforeAll(async () => {
  f = { home: await createTestStudio(t.db, "home"), other: await createTestStudio(t.db, "other"), signup: await signedUpStudio(t.db), db: t.db };
});

function userOf(role: Role): string | null {
  const { home, other } = f;
  return {
    anonymous: null,
    clientA: home.clientA.userId,
    clientB: home.clientB.userId,
    trainer: home.trainer.userId,
    owner: home.owner.userId,
    otherTrainer: other.trainer.userId,
    signupOwner: f.signup.owner.userId,
  }[role];
}

function markersOf(studio: TestStudio | SignupStudio): string[] {
  const people = "clientA" in studio ? [studio.owner, studio.trainer, studio.clientA, studio.clientB] : [studio.owner];
  return [studio.studioId, ...people.flatMap((p) => [p.userId, p.email, "clientId" in p ? p.clientId : p.memberId])];
}

/** Ids and emails a role must never see in any answer. */
function forbiddenMarkers(role: Role): string[] {
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

  describe.each(procedures)("%s", (path) => {
    it.each(ROLES)("as %s", async (role) => {
      const rule = matrix[path];
      if (!rule) throw new Error(`${path} is missing from test/authz/matrix.ts`);
      const isAllowed = isAllowedFor(rule, role);
      const userId = isAllowed && rule.standIn ? await rule.standIn(f, t.db, role) : userOf(role);
      const input = await rule.input?.(f, t.db, userId);
      if (isAllowed) {
        const output = await call(path, userId, input);
        const text = JSON.stringify(output ?? null);
        for (const marker of forbiddenMarkers(role)) expect(text, `${path} as ${role} leaked ${marker}`).not.toContain(marker);
      } else {
        const error = await call(path, userId, input).then(
          () => null,
          (e: unknown) => e,
        );
        expect(error, `${path} as ${role} should be refused`).toBeInstanceOf(TRPCError);
        expect(["UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND"]).toContain((error as TRPCError).code);
      }
    });
  });
});
