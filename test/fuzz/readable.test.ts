import { describe, expect, it } from "vitest";
import { unreadableBecause } from "./readable";

describe("a refusal a person can read", () => {
  it.each([
    "Pick a time at least 12 hours from now.",
    "That client does not exist or is not part of your studio.",
    "Say why, for example “welcome credits”.",
  ])("accepts %j", (message) => expect(unreadableBecause(message)).toBeNull());

  it.each([
    ["", "empty"],
    ['[{"code":"invalid_type","path":["clientId"]}]', "JSON"],
    ["Error: boom\n    at run (/app/src/server/x.ts:12:3)", "stack"],
    ['duplicate key value violates unique constraint "bookings_pkey".', "database"],
    ["Failed query: select 1.", "database"],
    ["Invalid input: expected string, received undefined", "programming value"],
    ["Too small: expected number to be >=1", "end like a sentence"],
    ["x".repeat(300), "characters long"],
  ])("refuses %j", (message, why) => expect(unreadableBecause(message)).toContain(why));
});
