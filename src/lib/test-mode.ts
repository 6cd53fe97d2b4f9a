// What every page of the in-app stand-in for Stripe says on top (src/server/billing/test-mode.ts),
// so nobody takes a test payment for a real one. Here because the browser shows it.
export const TEST_MODE_LABEL = "Test mode — no real payment";
