import { describe, expect, it } from "vitest";
import { canEditTemplate, fillTemplate, templateProblem } from "./message-templates";

describe("who edits a template", () => {
  const coach = { memberId: "m-coach", role: "trainer" as const };
  const owner = { memberId: "m-owner", role: "owner" as const };
  it.each([
    ["a coach, their own", { ownerMemberId: "m-coach" }, coach, true],
    ["a coach, a colleague's", { ownerMemberId: "m-other" }, coach, false],
    ["a coach, a studio-wide one", { ownerMemberId: null }, coach, false],
    ["the owner, a studio-wide one", { ownerMemberId: null }, owner, true],
    ["the owner, their own", { ownerMemberId: "m-owner" }, owner, true],
    ["the owner, a coach's own", { ownerMemberId: "m-coach" }, owner, false],
  ])("%s", (_label, template, editor, expected) => {
    expect(canEditTemplate(template, editor)).toBe(expected);
  });
});

describe("a template's text", () => {
  it.each([
    [{ title: "  ", body: "Hi" }, "title"],
    [{ title: "x".repeat(81), body: "Hi" }, "title"],
    [{ title: "Hello", body: " \n " }, "body"],
    [{ title: "Hello", body: "x".repeat(4001) }, "body"],
  ])("refuses %j with a sentence on its field", (input, field) => {
    const problem = templateProblem(input);
    expect(problem?.field).toBe(field);
    expect(problem?.message).toMatch(/\.$/);
  });
  it("accepts a usual one, counting an emoji as one character", () => {
    expect(templateProblem({ title: "🏃".repeat(80), body: "Great work" })).toBeNull();
  });
  it("fills the first name, and leaves the placeholder without a client", () => {
    expect(fillTemplate("Hi {first_name}, how was it?", { name: "Ada  Lovelace" })).toBe("Hi Ada, how was it?");
    expect(fillTemplate("Hi {first_name}", null)).toBe("Hi {first_name}");
  });
});
