import { describe, expect, it } from "vitest";
import { NOBODY, clientScopeOf, coachFilterWithin } from "./client-visibility";

const me = "5d1c2d5e-6f0a-4b8e-9c61-1a2b3c4d5e6f";
const colleague = "7e2d3f6a-1b2c-4d3e-8f90-aabbccddeeff";

describe("clientScopeOf", () => {
  it.each([
    { role: "owner", visibility: "all", scope: null },
    { role: "owner", visibility: "own", scope: null },
    { role: "trainer", visibility: "all", scope: null },
    { role: "trainer", visibility: "own", scope: me },
  ] as const)("a $role of a studio where trainers see $visibility clients sees $scope", ({ role, visibility, scope }) => {
    expect(clientScopeOf({ memberId: me, role }, visibility)).toBe(scope);
  });
});

describe("coachFilterWithin", () => {
  it.each([
    { scope: null, asked: undefined, filter: null },
    { scope: null, asked: null, filter: null },
    { scope: null, asked: colleague, filter: colleague },
    { scope: me, asked: undefined, filter: me },
    { scope: me, asked: null, filter: me },
    { scope: me, asked: me, filter: me },
    { scope: me, asked: colleague, filter: NOBODY },
  ])("scope $scope asking for $asked lists $filter", ({ scope, asked, filter }) => {
    expect(coachFilterWithin(scope, asked)).toBe(filter);
  });
});
