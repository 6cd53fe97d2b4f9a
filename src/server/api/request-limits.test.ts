import { describe, expect, it } from "vitest";
import { GET, POST } from "@/app/api/trpc/[trpc]/route";
import { BODY_TOO_LARGE_MESSAGE, MAX_BATCH_CALLS, tooLargeFor } from "./request-limits";

type ErrorBody = { error: { json: { message: string; data: { code: string; httpStatus: number } } } };

// The outside test's 500-call batch ran 500 procedures; a body has no size of its own. Both are
// refused before anything is parsed or any procedure runs (so no database is needed here), in
// tRPC's error shape, which the app's client shows as the message.
describe("the tRPC route's limits", () => {
  it("refuse a batch of more calls than the client ever sends, with a sentence", async () => {
    const paths = Array(500).fill("viewer.me").join(",");
    const response = await GET(new Request(`http://localhost/api/trpc/${paths}?batch=1&input=%7B%7D`));
    expect(response.status).toBe(413);
    const body = (await response.json()) as ErrorBody;
    expect(body.error.json.message).toBe(`Send at most ${MAX_BATCH_CALLS} requests at once; this one had 500.`);
    expect(body.error.json.data).toMatchObject({ code: "PAYLOAD_TOO_LARGE", httpStatus: 413 });
  });

  it("refuse a body over 1 MB, whether it names its length or not", async () => {
    const big = JSON.stringify({ 0: { json: { name: "x".repeat(1_100_000) } } });
    const post = (init: RequestInit) => POST(new Request("http://localhost/api/trpc/drill.create?batch=1", { method: "POST", headers: { "content-type": "application/json" }, ...init }));
    const named = await post({ body: big, headers: { "content-type": "application/json", "content-length": String(big.length) } });
    const chunked = await post({
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(big));
          controller.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
    for (const response of [named, chunked]) {
      expect(response.status).toBe(413);
      expect(((await response.json()) as ErrorBody).error.json.message).toBe(BODY_TOO_LARGE_MESSAGE);
    }
  });

  it("count calls as tRPC will, encoded commas too", () => {
    const twenty = Array(MAX_BATCH_CALLS).fill("a.b");
    expect(tooLargeFor({ pathname: `/api/trpc/${twenty.join(",")}`, isBatch: true, contentLength: null })).toBeNull();
    expect(tooLargeFor({ pathname: `/api/trpc/${[...twenty, "a.b"].join("%2C")}`, isBatch: true, contentLength: null })).toMatch(/at most 20/);
    expect(tooLargeFor({ pathname: `/api/trpc/${[...twenty, "a.b"].join(",")}`, isBatch: false, contentLength: "10" })).toBeNull();
  });
});
