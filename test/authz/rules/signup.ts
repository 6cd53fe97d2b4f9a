import { randomUUID } from "node:crypto";
import { like } from "drizzle-orm";
import { loginAttempts } from "@/server/db/schema";
import { ANY_OWNER, EVERYONE, TRAINERS, type ProcedureRules } from "../roles";

// Open sign-up and the studio's own Stripe account (hosted mode). The matrix runs as a hosted
// Stride (sign-up open); there a studio's owner acts on their own studio only.
export const signupRules: ProcedureRules = {
  // Anyone may start a studio; a fresh address each call, and the network's tries forgotten
  // first (ten an hour per address; the matrix calls every role, twice, from one).
  "signup.create": {
    allowed: EVERYONE,
    clientScoped: false,
    input: async (_f, db) => {
      await db.delete(loginAttempts).where(like(loginAttempts.key, "trainer-signup:%"));
      return {
      ownerName: "Matrix Trainer",
      email: `starting-${randomUUID().slice(0, 8)}@example.test`,
      password: "a long enough password",
      studioName: "Matrix Studio",
      timeZone: "Europe/London",
      currency: "GBP",
      distanceUnit: "km",
      };
    },
  },
  // A link that names no studio is refused for everyone; who holds a real one is covered in signup.integration.test.ts.
  "signup.confirm": { allowed: [], input: () => ({ token: randomUUID() }) },
  "signup.status": { allowed: [...TRAINERS, "otherTrainer"], clientScoped: false },
  "signup.resendConfirmation": { allowed: ANY_OWNER },
  "payment.status": { allowed: ANY_OWNER },
  "payment.connect": { allowed: ANY_OWNER },
  "payment.refresh": { allowed: ANY_OWNER },
};
