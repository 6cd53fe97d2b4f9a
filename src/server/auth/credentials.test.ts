import { describe, expect, it } from "vitest";
import { NUL_CHARACTER_MESSAGE } from "@/lib/input-guards";
import { newPassword, passwordCredentials } from "./credentials";

const refusal = (value: unknown) => {
  const result = newPassword.safeParse(value);
  return result.success ? null : result.error.issues[0]!.message;
};

// The invite's rule and the checkout's were two copies; the checkout's let a NUL through to the
// service and called a long password "too long" without saying how long. One rule now, for both.
describe("a password someone chooses", () => {
  it.each([
    ["ten chars!", null],
    ["x".repeat(200), null],
    ["too short", "Choose a password of at least 10 characters."],
    [undefined, "Choose a password of at least 10 characters."],
    ["x".repeat(201), "Use at most 200 characters for the password."],
    ["long enough\u0000", NUL_CHARACTER_MESSAGE],
  ])("%j → %s", (value, message) => {
    expect(refusal(value)).toBe(message);
  });

  it("is always one the sign-in form accepts", () => {
    for (const password of ["ten chars!", "x".repeat(200)]) {
      expect(passwordCredentials.safeParse({ email: "runner@example.test", password }).success).toBe(true);
    }
  });
});
