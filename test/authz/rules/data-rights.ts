import { randomUUID } from "node:crypto";
import type { Db } from "@/server/db/client";
import { clients } from "@/server/db/schema";
import { CLIENTS, OWNER, TRAINERS, type AuthzFixture, type ProcedureRules } from "../roles";

/** A fresh invited client of the home studio per call: the owner's call really deletes it. */
async function freshClient(f: AuthzFixture, db: Db) {
  const name = `Leaving Runner ${randomUUID().slice(0, 4)}`;
  const [row] = await db
    .insert(clients)
    .values({ studioId: f.home.studioId, coachId: f.home.trainer.memberId, name, email: `leaving-${randomUUID().slice(0, 8)}@example.test`, status: "invited" })
    .returning();
  return { clientId: row!.id, name };
}

export const dataRightsRules: ProcedureRules = {
  // Another studio's trainer exports their own studio: the leak check proves none of ours come back.
  "dataRights.studioExport": { allowed: [...TRAINERS, "otherTrainer"], clientScoped: false },
  "dataRights.myExport": { allowed: CLIENTS },
  "dataRights.deletionPreview": { allowed: OWNER, input: async (f, db) => ({ clientId: (await freshClient(f, db)).clientId }) },
  "dataRights.deleteClient": {
    allowed: OWNER,
    input: async (f, db) => {
      const client = await freshClient(f, db);
      return { clientId: client.clientId, confirmName: client.name };
    },
  },
};
