import { messageTemplates } from "@/server/db/schema";
import { TRAINERS, type AuthzFixture, type ProcedureRules } from "../roles";

// The inbox and templates are the caller's own studio's: another studio's trainer gets their
// own (empty) list, never the home studio's rows. The inbox lists only the clients the caller
// may see, so it names no client row itself.
const ANY_TRAINER = [...TRAINERS, "otherTrainer"] as const;

/** A studio-wide template of the home studio: the owner's to change, a coach's only to use. */
const studioTemplate = async (f: AuthzFixture) => {
  const [row] = await f.db.insert(messageTemplates).values({ studioId: f.home.studioId, ownerMemberId: null, title: "Welcome", body: "Welcome to the studio." }).returning();
  return { id: row!.id };
};

export const inboxRules: ProcedureRules = {
  "inbox.list": { allowed: ANY_TRAINER, clientScoped: false, input: () => ({ filter: "all" }) },
  "template.list": { allowed: ANY_TRAINER, clientScoped: false },
  "template.create": { allowed: ANY_TRAINER, clientScoped: false, input: () => ({ title: "After a first session", body: "Great start! How did the left side feel?" }) },
  "template.update": { allowed: ["owner"], clientScoped: false, input: async (f) => ({ ...(await studioTemplate(f)), title: "Welcome!", body: "Welcome to the studio, {first_name}." }) },
  "template.delete": { allowed: ["owner"], clientScoped: false, input: studioTemplate },
};
