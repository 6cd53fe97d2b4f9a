import { describe, expect, it } from "vitest";
import { describeStatus } from "./subscription-status";

describe("subscription status", () => {
  it("says what a status means to the client", () => {
    expect(describeStatus("active", false)).toBe("Active");
    expect(describeStatus("active", true)).toBe("Ends at period end");
    expect(describeStatus("past_due", false)).toBe("Payment failed");
    expect(describeStatus("canceled", true)).toBe("Cancelled");
  });
});
