import { unlockEvents } from "@/server/db/schema";
import { builtInDrillId } from "../../drill-fixtures";
import { ANY_OWNER, CLIENT_A, CLIENTS, TRAINERS, type ProcedureRules } from "../roles";

// Studio-wide reads answer another studio's trainer about their own studio: the leak check
// proves nothing of ours comes back. Client B must never see client A's unlock notice: dismissing A's answers NOT_FOUND to B.
const ANY_TRAINER = [...TRAINERS, "otherTrainer"] as const;

export const progressionRules: ProcedureRules = {
  "progression.forClient": { allowed: TRAINERS, clientScoped: true, input: (f) => ({ clientId: f.home.clientA.clientId }) },
  "progression.mine": { allowed: CLIENTS, input: () => ({}) },
  "progression.overview": { allowed: ANY_TRAINER, clientScoped: false, input: () => ({}) },
  "progression.overviewPage": { allowed: ANY_TRAINER, clientScoped: false, input: () => ({ sort: "week", direction: "desc" }) },
  "progression.attention": { allowed: ANY_TRAINER, clientScoped: false },
  "progression.settings": { allowed: ANY_TRAINER, clientScoped: false },
  "progression.setAsymmetryThreshold": { allowed: ANY_TRAINER, clientScoped: false, input: () => ({ asymmetryThresholdPercent: 15 }) },
  // Each owner sets their own studio's ratio (to the default: the shared fixture stays as it is).
  "progression.setLoadSpikeRatio": { allowed: ANY_OWNER, input: () => ({ loadSpikeRatio: 1.5 }) },
  // The same for the pain threshold (the default 5).
  "progression.setPainPauseAbove": { allowed: ANY_OWNER, input: () => ({ painPauseAbove: 5 }) },
  "progression.unlockNotices": { allowed: CLIENTS },
  "progression.dismissUnlock": {
    allowed: CLIENT_A,
    input: async (f) => {
      // One notice per client and drill: each call makes A's Hopping notice unseen again and names it.
      const drillId = await builtInDrillId(f.db, f.home.studioId, "hopping");
      const [row] = await f.db
        .insert(unlockEvents)
        .values({ studioId: f.home.studioId, clientId: f.home.clientA.clientId, drillId, metOn: "2026-03-18" })
        .onConflictDoUpdate({ target: [unlockEvents.clientId, unlockEvents.drillId], set: { seenByClientAt: null } })
        .returning({ id: unlockEvents.id });
      return { unlockId: row!.id };
    },
  },
  "progression.exportFor": { allowed: TRAINERS, clientScoped: true, input: (f) => ({ clientId: f.home.clientA.clientId }) },
  "progression.exportMine": { allowed: CLIENTS },
};
