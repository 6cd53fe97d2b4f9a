import { eq } from "drizzle-orm";
import { hashPassword } from "@/server/auth/password";
import type { Db } from "@/server/db/client";
import { clients, studioMembers, studios, users } from "@/server/db/schema";
import { ensureBuiltInCheckinForms } from "@/server/checkins/forms";
import { DEMO_CLIENTS, DEMO_PASSWORD, DEMO_STUDIO, DEMO_TRAINERS, OTHER_CLIENTS, OTHER_STUDIO, OTHER_TRAINERS } from "./demo-accounts";

export type SeededStudio = { studioId: string; memberIdByEmail: Map<string, string>; clientIdByEmail: Map<string, string> };

type StudioSpec = {
  studio: { name: string; slug: string; timeZone: string };
  trainers: readonly { name: string; email: string; role: "owner" | "trainer"; timeZone: string }[];
  clients: readonly { name: string; email: string; coach: string; timeZone: string }[];
};

/** The demo studio: a running coach (owner), two more trainers and a dozen clients. */
export function seedStudio(db: Db): Promise<SeededStudio> {
  return seedStudioFrom(db, { studio: DEMO_STUDIO, trainers: DEMO_TRAINERS, clients: DEMO_CLIENTS });
}

/** Another studio, so the demo shows that tenants never see each other. */
export function seedOtherStudio(db: Db): Promise<SeededStudio> {
  return seedStudioFrom(db, { studio: OTHER_STUDIO, trainers: OTHER_TRAINERS, clients: OTHER_CLIENTS });
}

async function seedStudioFrom(db: Db, spec: StudioSpec): Promise<SeededStudio> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    // Both demo studios are on the Plans page, so the demo shows a visitor choosing one.
    const [studio] = await tx.insert(studios).values({ ...spec.studio, isListed: true }).returning();
    const memberIdByEmail = new Map<string, string>();
    for (const trainer of spec.trainers) {
      const [user] = await tx
        .insert(users)
        .values({ email: trainer.email, name: trainer.name, passwordHash, timeZone: trainer.timeZone })
        .returning();
      const [member] = await tx.insert(studioMembers).values({ studioId: studio!.id, userId: user!.id, role: trainer.role }).returning();
      memberIdByEmail.set(trainer.email, member!.id);
    }
    const clientIdByEmail = new Map<string, string>();
    for (const client of spec.clients) {
      const [user] = await tx
        .insert(users)
        .values({ email: client.email, name: client.name, passwordHash, timeZone: client.timeZone })
        .returning();
      const [row] = await tx
        .insert(clients)
        .values({ studioId: studio!.id, userId: user!.id, coachId: memberIdByEmail.get(client.coach)!, name: client.name, email: client.email, status: "active" })
        .returning();
      clientIdByEmail.set(client.email, row!.id);
    }
    await ensureBuiltInCheckinForms(tx, studio!.id);
    return { studioId: studio!.id, memberIdByEmail, clientIdByEmail };
  });
}

export async function isDemoSeeded(db: Db): Promise<boolean> {
  const [row] = await db.select({ id: studios.id }).from(studios).where(eq(studios.slug, DEMO_STUDIO.slug)).limit(1);
  return !!row;
}
