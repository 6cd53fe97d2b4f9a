import { describe, expect, it } from "vitest";
import { servesHttps } from "./deployment";

describe("serving over https (Secure cookies, HSTS)", () => {
  it("is production with an https APP_URL only", () => {
    expect(servesHttps({ NODE_ENV: "production", appUrl: "https://coach.example.com" })).toBe(true);
    expect(servesHttps({ NODE_ENV: "production", appUrl: "http://localhost:3000" })).toBe(false);
    expect(servesHttps({ NODE_ENV: "development", appUrl: "https://coach.example.com" })).toBe(false);
  });
});
