import { describe, expect, it } from "vitest";
import { apiRoute } from "./api-route";
import { API_CONTENT_SECURITY_POLICY } from "./security/headers";

const post = (headers: Record<string, string>) => new Request("http://stride.example/api/trpc/session.log", { method: "POST", headers: { host: "stride.example", ...headers } });

describe("apiRoute", () => {
  it("refuses a cross-site state-changing request before the handler runs", async () => {
    let ran = false;
    const route = apiRoute("/api/trpc", () => {
      ran = true;
      return new Response("ok");
    });
    const refused = await route(post({ origin: "https://evil.example" }));
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ error: { message: "Cross-site requests are not allowed.", requestId: refused.headers.get("x-request-id") } });
    expect(ran).toBe(false);
    expect((await route(post({ origin: "http://stride.example" }))).status).toBe(200);
    expect(ran).toBe(true);
  });

  it("answers with the API's security headers and a request id, also on a refusal and a redirect", async () => {
    const ok = await apiRoute("/api/x", () => new Response("ok"))(post({}));
    const refused = await apiRoute("/api/x", () => new Response("ok"))(post({ "sec-fetch-site": "cross-site" }));
    const redirect = await apiRoute("/api/x", () => Response.redirect("http://stride.example/sign-in", 302))(new Request("http://stride.example/api/x"));
    for (const response of [ok, refused, redirect]) {
      expect(response.headers.get("content-security-policy")).toBe(API_CONTENT_SECURITY_POLICY);
      expect(response.headers.get("x-request-id")).toMatch(/^[\w-]{8,64}$/);
      // Plain http here: HSTS would be wrong.
      expect(response.headers.get("strict-transport-security")).toBeNull();
    }
    expect(refused.status).toBe(403);
  });
});
