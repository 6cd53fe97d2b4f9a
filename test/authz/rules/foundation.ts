import { randomUUID } from "node:crypto";
import { CLIENTS, EVERYONE, TRAINERS, type ProcedureRules } from "../roles";

export const foundationRules: ProcedureRules = {
  "viewer.me": { allowed: EVERYONE, clientScoped: false },
  // A fresh address per call: five link requests per address are allowed in 15 minutes.
  "auth.requestMagicLink": { allowed: EVERYONE, clientScoped: false, input: () => ({ email: `someone-${randomUUID()}@example.test` }) },
  // Another studio's trainer may list *their own* clients: the leak check proves none of ours come back.
  "client.list": { allowed: [...TRAINERS, "otherTrainer"], clientScoped: false, input: () => ({}) },
  // Paged in SQL, with the same scope: a trainer kept to their own clients pages through only theirs.
  "client.page": { allowed: [...TRAINERS, "otherTrainer"], clientScoped: false, input: () => ({ sort: "email", direction: "desc", size: 10 }) },
  "client.coaches": { allowed: [...TRAINERS, "otherTrainer"], clientScoped: false },
  "client.get": { allowed: TRAINERS, clientScoped: true, input: (f) => ({ clientId: f.home.clientA.clientId }) },
  "portal.me": { allowed: CLIENTS },
  "outbox.list": { allowed: [...TRAINERS, "otherTrainer"], clientScoped: false },
};
