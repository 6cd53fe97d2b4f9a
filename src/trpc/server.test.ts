import { TRPCError } from "@trpc/server";
import { describe, expect, it, vi } from "vitest";

// The marker package refuses to load outside React's server build; the page helper is plain code.
vi.mock("server-only", () => ({}));
vi.mock("@/server/api/context", () => ({ createRequestContext: () => ({}) }));
// What next.config.ts's `experimental.authInterrupts` sets for the app, so forbidden() works.
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";

const { orForbidden } = await import("./server");

/** What Next renders for the error a page helper throws: its digest names the HTTP status. */
async function statusOf(call: Promise<unknown>): Promise<string> {
  try {
    await orForbidden(call);
    return "rendered";
  } catch (error) {
    return String((error as { digest?: string }).digest);
  }
}

describe("a page's server-side call", () => {
  it.each([
    ["NOT_FOUND", "NEXT_HTTP_ERROR_FALLBACK;404"],
    ["BAD_REQUEST", "NEXT_HTTP_ERROR_FALLBACK;404"],
    ["FORBIDDEN", "NEXT_HTTP_ERROR_FALLBACK;403"],
    ["UNAUTHORIZED", "NEXT_REDIRECT;replace;/sign-in;307;"],
  ] as const)("answering %s renders %s", async (code, digest) => {
    expect(await statusOf(Promise.reject(new TRPCError({ code, message: "x" })))).toBe(digest);
  });

  it("renders the data when the call succeeds", async () => {
    expect(await statusOf(Promise.resolve({ id: 1 }))).toBe("rendered");
  });
});
