import { describe, expect, it } from "vitest";
import { MESSAGE_MAX_CHARACTERS, messageSegments, messageTextProblem, normalisedMessageText } from "./message-text";

describe("messageTextProblem", () => {
  it("refuses an empty or blank message, unless a photo is attached", () => {
    expect(messageTextProblem("")).toBe("Write a message before sending.");
    expect(messageTextProblem("   \n ")).toBe("Write a message before sending.");
    expect(messageTextProblem("", { hasAttachment: true })).toBeNull();
  });

  it("allows exactly the limit and refuses one more, counting an emoji once", () => {
    expect(messageTextProblem("a".repeat(MESSAGE_MAX_CHARACTERS))).toBeNull();
    expect(messageTextProblem("🏃".repeat(MESSAGE_MAX_CHARACTERS))).toBeNull();
    expect(messageTextProblem("a".repeat(10_000))).toBe("Messages can be up to 4,000 characters; this one has 10,000. Split it into two.");
  });
});

describe("normalisedMessageText", () => {
  it("trims and closes up long runs of blank lines", () => {
    expect(normalisedMessageText("  Hi\r\n\r\n\r\n\r\nThere  ")).toBe("Hi\n\nThere");
  });
});

describe("messageSegments", () => {
  it("turns web addresses into links and leaves the sentence's punctuation outside", () => {
    expect(messageSegments("See https://example.com/drills. Then rest.")).toEqual([
      { kind: "text", text: "See " },
      { kind: "link", text: "https://example.com/drills", href: "https://example.com/drills" },
      { kind: "text", text: ". Then rest." },
    ]);
  });

  it("links a bare www address over https", () => {
    expect(messageSegments("www.runnersworld.com")).toEqual([{ kind: "link", text: "www.runnersworld.com", href: "https://www.runnersworld.com" }]);
  });

  it("keeps a bracket that belongs to the address", () => {
    expect(messageSegments("(https://en.wikipedia.org/wiki/Gait_(human))")[1]).toEqual({
      kind: "link",
      text: "https://en.wikipedia.org/wiki/Gait_(human)",
      href: "https://en.wikipedia.org/wiki/Gait_(human)",
    });
  });

  it("never links other schemes and never interprets HTML", () => {
    expect(messageSegments("javascript:alert(1) <b>bold</b> data:text/html,hi")).toEqual([{ kind: "text", text: "javascript:alert(1) <b>bold</b> data:text/html,hi" }]);
    expect(messageSegments("https://<script>")).toEqual([{ kind: "text", text: "https://<script>" }]);
  });
});
