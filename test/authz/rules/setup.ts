import { ANY_OWNER, type ProcedureRules } from "../roles";

export const setupRules: ProcedureRules = {
  // The first steps are the owner's, of their own studio: plans are theirs alone (a signed-up studio's owner sees their own).
  "setup.firstSteps": { allowed: ANY_OWNER },
};
