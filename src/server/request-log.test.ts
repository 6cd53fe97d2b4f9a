import { describe, expect, it } from "vitest";
import { currentRequestId } from "./logger";
import { withRequestLog } from "./request-log";

const request = (headers: Record<string, string> = {}) => new Request("http://localhost/api/thing", { headers });

describe("withRequestLog", () => {
  it("answers with the caller's x-request-id when it is a sane one, and serves the request under it", async () => {
    let seen: string | undefined;
    const handler = withRequestLog("/api/thing", () => {
      seen = currentRequestId();
      return new Response("ok");
    });
    const response = await handler(request({ "x-request-id": "lb-trace-0001" }));
    expect(response.headers.get("x-request-id")).toBe("lb-trace-0001");
    expect(seen).toBe("lb-trace-0001");
  });

  it("makes a new uuid when the caller sends none or a malformed one (no header injection)", async () => {
    const handler = withRequestLog("/api/thing", () => new Response("ok"));
    const fresh = await handler(request());
    const bad = await handler(request({ "x-request-id": "<script>" }));
    for (const response of [fresh, bad]) expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(fresh.headers.get("x-request-id")).not.toBe(bad.headers.get("x-request-id"));
  });

  it("adds the header to responses whose headers are immutable (redirects)", async () => {
    const handler = withRequestLog("/api/thing", () => Response.redirect("http://localhost/sign-in", 302));
    const response = await handler(request());
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("http://localhost/sign-in");
    expect(response.headers.get("x-request-id")).toBeTruthy();
  });

  it("turns an unexpected error into a readable 500 that names the request id, never the error", async () => {
    const handler = withRequestLog("/api/thing", () => {
      throw new Error("relation \"users\" does not exist");
    });
    const response = await handler(request({ "x-request-id": "support-case-42" }));
    expect(response.status).toBe(500);
    const body = (await response.json()) as { error: { message: string; requestId: string } };
    expect(body.error).toEqual({ message: "Something went wrong on our side. Please try again in a moment.", requestId: "support-case-42" });
    expect(JSON.stringify(body)).not.toContain("relation");
  });
});
