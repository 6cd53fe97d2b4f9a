import { describe, expect, it } from "vitest";

import { overrideLockInput } from "./inputs";

describe("overrideLockInput: a trainer unlocking a drill early says why", () => {
  const ids = { clientId: "7b0c2f4e-1a2b-4c3d-8e9f-0a1b2c3d4e5f", drillId: "0f1e2d3c-4b5a-4968-8776-655443322110" };
  it.each([
    { reason: "Cleared by physio", ok: true },
    { reason: "  ", ok: false },
    { reason: "", ok: false },
  ])("reason '$reason' → $ok", ({ reason, ok }) => {
    expect(overrideLockInput.safeParse({ ...ids, reason }).success).toBe(ok);
  });
});
