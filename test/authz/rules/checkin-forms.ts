import { addQuestion, createForm, setFormArchived } from "@/server/checkins/form-editor";
import type { Db } from "@/server/db/client";
import type { TestStudio } from "../../factories";
import { builtInForm } from "../../checkin-fixtures";
import { TRAINERS, type ProcedureRules } from "../roles";

// Questionnaires are the studio's, like its drills: any trainer of a studio writes its own, and
// every input naming a home form or question refuses another studio's trainer with NOT_FOUND.
const ANY_TRAINER = [...TRAINERS, "otherTrainer"] as const;

const text = { prompt: "Anything else?", help: "", isRequired: false, isRedFlag: false, options: { kind: "text" } } as const;

/** A check-in form of the studio with two questions, made per call (a removal spends one). */
async function freshForm(db: Db, studio: TestStudio) {
  const { id } = await createForm(db, studio.studioId, studio.owner.memberId, { title: "Authz form", description: "" });
  await addQuestion(db, studio.studioId, id, text);
  const form = await addQuestion(db, studio.studioId, id, { ...text, prompt: "And?" });
  return form;
}

export const checkinFormRules: ProcedureRules = {
  "checkinForm.list": { allowed: ANY_TRAINER, clientScoped: false },
  "checkinForm.get": { allowed: TRAINERS, clientScoped: false, input: async (f) => ({ formId: (await builtInForm(f.db, f.home.studioId, "morning-check-in")).form.id }) },
  "checkinForm.create": { allowed: ANY_TRAINER, clientScoped: false, input: () => ({ title: "Race week", description: "" }) },
  "checkinForm.update": { allowed: TRAINERS, clientScoped: false, input: async (f) => ({ formId: (await freshForm(f.db, f.home)).id, form: { title: "Renamed", description: "" } }) },
  "checkinForm.archive": { allowed: TRAINERS, clientScoped: false, input: async (f) => ({ formId: (await freshForm(f.db, f.home)).id }) },
  "checkinForm.restore": {
    allowed: TRAINERS,
    clientScoped: false,
    input: async (f) => {
      const form = await freshForm(f.db, f.home);
      await setFormArchived(f.db, f.home.studioId, form.id, true, new Date());
      return { formId: form.id };
    },
  },
  "checkinForm.addQuestion": { allowed: TRAINERS, clientScoped: false, input: async (f) => ({ formId: (await freshForm(f.db, f.home)).id, question: text }) },
  "checkinForm.updateQuestion": {
    allowed: TRAINERS,
    clientScoped: false,
    input: async (f) => ({ questionId: (await freshForm(f.db, f.home)).questions[0]!.id, question: { ...text, prompt: "Reworded?" } }),
  },
  "checkinForm.moveQuestion": { allowed: TRAINERS, clientScoped: false, input: async (f) => ({ questionId: (await freshForm(f.db, f.home)).questions[0]!.id, direction: "down" }) },
  "checkinForm.removeQuestion": { allowed: TRAINERS, clientScoped: false, input: async (f) => ({ questionId: (await freshForm(f.db, f.home)).questions[0]!.id }) },
};
