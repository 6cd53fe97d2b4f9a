import { OWNER, type ProcedureRules } from "../roles";

export const setupRules: ProcedureRules = {
  // The first steps are the owner's: plans are theirs alone, and another studio's owner is not one of ours.
  "setup.firstSteps": { allowed: OWNER },
};
