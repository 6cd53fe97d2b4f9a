import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { DomainError, type DomainErrorCode } from "@/lib/errors";
import { errorResponse, httpStatusOf, publicMessageOf, SERVER_ERROR_MESSAGE } from "./http-errors";

describe("httpStatusOf", () => {
  it.each<[DomainErrorCode, number]>([
    ["BAD_REQUEST", 400],
    ["UNAUTHORIZED", 401],
    ["FORBIDDEN", 403],
    ["NOT_FOUND", 404],
    ["CONFLICT", 409],
    ["PRECONDITION_FAILED", 412],
    ["TOO_MANY_REQUESTS", 429],
  ])("%s is %i, from a domain error and from a procedure's error alike", (code, status) => {
    expect(httpStatusOf(new DomainError(code, "x"))).toBe(status);
    expect(httpStatusOf(new TRPCError({ code, message: "x" }))).toBe(status);
  });

  it("is 500 for anything else", () => {
    expect(httpStatusOf(new Error("boom"))).toBe(500);
    expect(httpStatusOf("a string")).toBe(500);
    expect(httpStatusOf(new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "connection refused" }))).toBe(500);
  });
});

describe("publicMessageOf", () => {
  it("keeps a refusal's sentence, takes bad input's first, and never shows a server error's message", () => {
    expect(publicMessageOf(new DomainError("CONFLICT", "That time was just taken. Pick another."))).toBe("That time was just taken. Pick another.");
    const zodError = z.object({ days: z.number({ error: "Enter a number of days." }) }).safeParse({}).error!;
    expect(publicMessageOf(new TRPCError({ code: "BAD_REQUEST", cause: zodError }))).toBe("Enter a number of days.");
    expect(publicMessageOf(new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: 'relation "x" does not exist' }))).toBe(SERVER_ERROR_MESSAGE);
    expect(publicMessageOf(new Error("ECONNREFUSED 127.0.0.1:5432"))).toBe(SERVER_ERROR_MESSAGE);
  });

  it("answers in one body shape", async () => {
    const response = errorResponse(new DomainError("TOO_MANY_REQUESTS", "Wait a minute and try again."), "req-1");
    expect(response.status).toBe(429);
    expect(await response.json()).toEqual({ error: { message: "Wait a minute and try again.", requestId: "req-1" } });
  });
});
