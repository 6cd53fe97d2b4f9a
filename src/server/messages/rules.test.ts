import { describe, expect, it } from "vitest";
import { messagePreview, sendingLimitProblem } from "./rules";

describe("sendingLimitProblem", () => {
  it("lets a conversation through and stops a flood, per minute and per hour", () => {
    expect(sendingLimitProblem([19, 150])).toBeNull();
    expect(sendingLimitProblem([20, 20])).toMatch(/20 messages in a minute/);
    expect(sendingLimitProblem([3, 200])).toMatch(/200 messages in an hour/);
  });
});

describe("messagePreview", () => {
  it("keeps a short message and folds its lines", () => {
    expect(messagePreview("How did the\nleft side feel?")).toBe("How did the left side feel?");
  });
  it("cuts a long one with an ellipsis, never inside an emoji", () => {
    const preview = messagePreview("🏃".repeat(200), 10);
    expect([...preview]).toHaveLength(10);
    expect(preview.endsWith("…")).toBe(true);
  });
});
