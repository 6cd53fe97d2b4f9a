import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, currentRequestId, withRequestId } from "./logger";

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split("\n").filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: createLogger({ level: "info", destination }) };
}

describe("logger", () => {
  it("writes one JSON object per event, with level, ISO time and message", () => {
    const { lines, logger } = capture();
    logger.info({ bookingId: "b1" }, "booked");
    expect(lines).toEqual([expect.objectContaining({ level: 30, msg: "booked", bookingId: "b1", time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) })]);
  });

  it("stamps every line written while serving a request with its id, and no other line", async () => {
    const { lines, logger } = capture();
    await withRequestId("req-12345678", async () => {
      await Promise.resolve();
      expect(currentRequestId()).toBe("req-12345678");
      logger.warn({}, "inside");
    });
    logger.info({}, "outside");
    expect(lines.map((l) => [l.msg, l.requestId])).toEqual([
      ["inside", "req-12345678"],
      ["outside", undefined],
    ]);
  });

  it("logs an error's stack, so a failed request can be traced to its line", () => {
    const { lines, logger } = capture();
    logger.error({ err: new Error("connection reset") }, "procedure failed");
    const err = lines[0]?.err as { message: string; stack: string; type: string };
    expect(err.message).toBe("connection reset");
    expect(err.type).toBe("Error");
    expect(err.stack).toContain("logger.test.ts");
  });

  it("never writes a password or token it is handed", () => {
    const { lines, logger } = capture();
    logger.info({ password: "hunter2", user: { token: "abc" } }, "sign-in");
    expect(JSON.stringify(lines)).not.toMatch(/hunter2|"abc"/);
  });

  it("respects the level: debug lines are dropped at info, and silent drops everything", () => {
    const { lines, logger } = capture();
    logger.debug({}, "chatty");
    expect(lines).toEqual([]);
    expect(createLogger({ level: "silent", destination: new Writable({ write: (_c, _e, done) => done() }) }).isLevelEnabled("error")).toBe(false);
  });
});
