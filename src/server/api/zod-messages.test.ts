import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldLabel, installReadableZodMessages } from "./zod-messages";

const firstMessage = (schema: z.ZodType, input: unknown) => {
  const result = schema.safeParse(input);
  if (result.success) throw new Error("expected a refusal");
  return result.error.issues[0]!.message;
};

describe("zod's fallback messages are sentences", () => {
  beforeAll(() => installReadableZodMessages());

  it.each([
    [z.object({ days: z.number().int().min(1).max(28) }), { days: 0 }, "Days must be at least 1."],
    [z.object({ days: z.number().int().min(1).max(28) }), { days: "7" }, "Days must be a number."],
    [z.object({ days: z.number().int().min(1).max(28) }), { days: 2 ** 31 }, "Days must be at most 28."],
    [z.object({ sessionTypeId: z.uuid() }), {}, "Session type is missing; fill it in."],
    [z.object({ sessionTypeId: z.uuid() }), { sessionTypeId: "x" }, "Session type is not a valid id; pick it from the list."],
    [z.object({ token: z.string().min(1).max(200) }), { token: "x".repeat(201) }, "Token takes at most 200 characters."],
    [z.object({ token: z.string().min(1).max(200) }), { token: "" }, "Token cannot be empty."],
    [z.object({ status: z.enum(["attended", "no_show"]) }), { status: "late" }, "Pick status from: attended, no_show."],
    [z.object({ a: z.string() }), "a string", "This request was not understood; reload the page and try again."],
  ])("%#: %j", (schema, input, message) => expect(firstMessage(schema, input)).toBe(message));

  it("keeps a schema's own message", () => {
    expect(firstMessage(z.object({ days: z.number().min(1, { error: "Show at least one day." }) }), { days: 0 })).toBe("Show at least one day.");
  });

  it("names a field by the last key of its path", () => {
    expect(fieldLabel(["weekly", 3, "start"])).toBe("start");
    expect(fieldLabel(["asymmetryThresholdPercent"])).toBe("asymmetry threshold percent");
    expect(fieldLabel([])).toBe("this request");
  });
});
