import { randomUUID } from "node:crypto";
import type { Db } from "@/server/db/client";
import { checkinResponses, clients } from "@/server/db/schema";
import { intakeAnswers } from "@/server/seed/intake";
import { builtInForm } from "../../checkin-fixtures";
import type { TestStudio } from "../../factories";
import { CLIENTS, TRAINERS, type ProcedureRules } from "../roles";

// A client answers their own intake (no red flag here: a held client A would refuse the
// matrix's session.log); a trainer reads and clears the intake of a client they may see. Each
// clear gets a fresh client of the home trainer with a held intake, so every allowed call has
// one to clear.
async function heldClient(db: Db, studio: TestStudio): Promise<string> {
  const { form } = await builtInForm(db, studio.studioId, "health-intake");
  const [client] = await db
    .insert(clients)
    .values({ studioId: studio.studioId, coachId: studio.trainer.memberId, name: "Held Runner", email: `held-${randomUUID().slice(0, 8)}@example.test`, status: "active" })
    .returning({ id: clients.id });
  await db.insert(checkinResponses).values({ id: randomUUID(), studioId: studio.studioId, clientId: client!.id, formId: form.id, kind: "intake", localDate: "2026-12-01", hasRedFlag: true });
  return client!.id;
}

export const intakeRules: ProcedureRules = {
  "intake.status": { allowed: CLIENTS },
  "intake.answer": {
    allowed: CLIENTS,
    input: async (f) => {
      const { form, questions } = await builtInForm(f.db, f.home.studioId, "health-intake");
      return { responseId: randomUUID(), formId: form.id, answers: intakeAnswers(questions) };
    },
  },
  "intake.forClient": { allowed: TRAINERS, clientScoped: true, input: (f) => ({ clientId: f.home.clientA.clientId }) },
  "intake.clear": { allowed: TRAINERS, clientScoped: true, input: async (f) => ({ clientId: await heldClient(f.db, f.home), note: "Read and cleared." }) },
};
