import { randomBytes } from "node:crypto";
import { CLIENTS, type ProcedureRules } from "../roles";

// A client imports into their own runs only: nothing in the input names a studio or a client,
// so a client of another studio imports into theirs (POST /api/runs/import's own test,
// test/authz/run-import-route.integration.test.ts, shows where the runs land). Trainers,
// and anyone signed out, are refused before the upload is read.
export const runImportRules: ProcedureRules = {
  "run.importLimits": { allowed: CLIENTS },
  "run.import": { allowed: CLIENTS, input: () => ({ fileName: "Morning_Run.fit", bytes: new Uint8Array(randomBytes(512)) }) },
};
