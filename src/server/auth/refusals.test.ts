import { describe, expect, it } from "vitest";
import { signInRefusalOf } from "./refusals";

describe("the sign-in page's sentence for a refused sign-in in its address", () => {
  it.each([
    { query: {}, sentence: null },
    { query: { error: "CredentialsSignin", code: "invalid" }, sentence: "That email and password do not match an account." },
    { query: { error: "CredentialsSignin", code: "bad_input" }, sentence: /too long or held an invisible control character/ },
    { query: { error: "CredentialsSignin", code: "throttled_account" }, sentence: /for this account/ },
    { query: { error: "CredentialsSignin", code: "throttled_address" }, sentence: /from your network/ },
    { query: { error: "CredentialsSignin", code: "<script>" }, sentence: "That email and password do not match an account." },
    { query: { error: "CredentialsSignin", code: ["invalid", "bad_input"] }, sentence: "That email and password do not match an account." },
    { query: { error: "Configuration" }, sentence: "Signing in did not work on our side. Please try again in a moment." },
  ])("$query", ({ query, sentence }) => {
    const found = signInRefusalOf(query);
    if (sentence instanceof RegExp) expect(found).toMatch(sentence);
    else expect(found).toBe(sentence);
  });
});
