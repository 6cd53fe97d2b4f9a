import { randomUUID } from "node:crypto";
import { SIGNED_IN, type ProcedureRules } from "../roles";

// Each person's own devices and switches, named by the session: signed in is enough, and no
// input can reach another person's rows (test: src/server/push/push.integration.test.ts).
const KEYS = { p256dh: "BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM", auth: "tBHItJI5svbpez7KI4CCXg" };
const freshEndpoint = () => `https://push.example.test/send/${randomUUID()}`;

export const pushRules: ProcedureRules = {
  "push.publicKey": { allowed: SIGNED_IN, clientScoped: false },
  "push.subscribe": { allowed: SIGNED_IN, clientScoped: false, input: () => ({ endpoint: freshEndpoint(), keys: KEYS, label: "Matrix on Linux" }) },
  "push.unsubscribe": { allowed: SIGNED_IN, clientScoped: false, input: () => ({ endpoint: freshEndpoint() }) },
  "push.devices": { allowed: SIGNED_IN, clientScoped: false },
  "push.preferences": { allowed: SIGNED_IN, clientScoped: false },
  "push.setPreference": { allowed: SIGNED_IN, clientScoped: false, input: () => ({ kind: "drill_unlocked", pushEnabled: true }) },
};
