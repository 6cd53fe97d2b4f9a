import { morningAnswerInput } from "../../checkin-answer-fixtures";
import { CLIENT_A, CLIENTS, type ProcedureRules } from "../roles";

// A client answers their own check-ins only: client B naming client A's schedule is refused
// exactly like a missing one (NOT_FOUND); trainers do not answer for clients.
export const checkinAnswerRules: ProcedureRules = {
  "checkin.due": { allowed: CLIENTS },
  "checkin.answer": { allowed: CLIENT_A, input: (f) => morningAnswerInput(f.db, f.home) },
};
