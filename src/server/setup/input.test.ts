import { describe, expect, it } from "vitest";
import { z } from "zod";
import { setupInput, studioSlugOf } from "./input";

const valid = {
  code: "k7qm 3xpa",
  studioName: "  Hill Runners  ",
  ownerName: "Sam Okafor",
  email: " Sam@Example.COM ",
  password: "ten chars!",
  timeZone: "Europe/Berlin",
  currency: "EUR",
  distanceUnit: "mi",
};

function refusal(input: Record<string, unknown>) {
  const parsed = setupInput.safeParse(input);
  if (parsed.success) throw new Error("expected a refusal");
  return z.flattenError(parsed.error).fieldErrors as Record<string, string[] | undefined>;
}

describe("the set-up form", () => {
  it("takes a complete form, tidied: the code as printed, names trimmed, the email lower-case", () => {
    expect(setupInput.parse(valid)).toEqual({ ...valid, code: "K7QM-3XPA", studioName: "Hill Runners", email: "sam@example.com" });
  });

  it.each([
    ["code", "", "Enter the set-up code from the server's log."],
    ["code", "1234", "A set-up code looks like K7QM-3XPA: eight letters and digits."],
    ["studioName", "   ", "Name your studio."],
    ["studioName", "x".repeat(101), "Keep it under 100 characters."],
    ["studioName", "Hill\u0000", "Remove the invisible control character from this text and try again."],
    ["ownerName", "", "Enter your name."],
    ["email", "sam", "Enter an email address such as you@example.com."],
    ["email", `${"a".repeat(250)}@x.io`, "That email address is too long."],
    ["password", "short", "Choose a password of at least 10 characters."],
    ["password", "x".repeat(201), "Use at most 200 characters for the password."],
    ["timeZone", "Mars/Olympus", "Pick your time zone from the list."],
    ["currency", "XYZ", "Pick the currency you charge in."],
    ["distanceUnit", "furlongs", "Pick kilometres or miles."],
  ])("refuses %s %j with a sentence beside it", (field, value, message) => {
    const errors = refusal({ ...valid, [field]: value });
    expect(errors[field]).toEqual([message]);
    expect(Object.keys(errors)).toEqual([field]);
  });

  it("names every missing field", () => {
    expect(Object.keys(refusal({})).sort()).toEqual(["code", "currency", "distanceUnit", "email", "ownerName", "password", "studioName", "timeZone"]);
  });
});

describe("a studio's address", () => {
  it.each([
    ["Hill Runners", "hill-runners"],
    ["  Café Élan — Track & Trail!  ", "cafe-elan-track-trail"],
    ["🏃", "studio"],
    ["a".repeat(80), "a".repeat(60)],
  ])("of %j is %j", (name, slug) => {
    expect(studioSlugOf(name)).toBe(slug);
  });
});
