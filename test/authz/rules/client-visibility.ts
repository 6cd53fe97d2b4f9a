import { clientVisibilityOf } from "@/server/clients/visibility";
import { OWNER, type ProcedureRules } from "../roles";

// The owner's alone. Setting it sends back the studio's current choice, so the run's mode holds.
export const clientVisibilityRules: ProcedureRules = {
  "clientVisibility.get": { allowed: OWNER },
  "clientVisibility.set": { allowed: OWNER, input: async (f) => ({ clientVisibility: await clientVisibilityOf(f.db, f.home.studioId) }) },
};
