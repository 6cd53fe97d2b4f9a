import { clientVisibilityOf } from "@/server/clients/visibility";
import { ANY_OWNER, type ProcedureRules } from "../roles";

// The owner's alone. Setting it sends back the studio's current choice, so the run's mode holds.
export const clientVisibilityRules: ProcedureRules = {
  "clientVisibility.get": { allowed: ANY_OWNER },
  "clientVisibility.set": { allowed: ANY_OWNER, input: async (f) => ({ clientVisibility: await clientVisibilityOf(f.db, f.home.studioId) }) },
};
