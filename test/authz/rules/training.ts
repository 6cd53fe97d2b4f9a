import { randomUUID } from "node:crypto";
import { freshRun, freshSession, sampleSession, withFoundation } from "../../training-fixtures";
import { CLIENT_A, CLIENTS, TRAINERS, type ProcedureRules } from "../roles";

// A client acts on their own sessions only: client B naming client A's session is refused
// exactly like a missing one. Trainers review only their own studio's sessions.
export const trainingRules: ProcedureRules = {
  // Client B may log too, but client A's drills are not on B's list: refused with a message.
  "session.log": { allowed: CLIENT_A, input: async (f) => sampleSession(await withFoundation(f.db, f.home)) },
  "session.update": { allowed: CLIENT_A, input: async (f) => ({ ...(await freshSession(f.db, f.home)).session, note: "Edited." }) },
  "session.delete": { allowed: CLIENT_A, input: async (f) => ({ sessionId: (await freshSession(f.db, f.home)).sessionId }) },
  "session.mine": { allowed: CLIENT_A, input: async (f) => ({ sessionId: (await freshSession(f.db, f.home)).sessionId }) },
  "session.history": { allowed: CLIENTS },
  "session.recentRuns": { allowed: CLIENTS },

  "run.log": {
    allowed: CLIENTS,
    input: () => ({ id: randomUUID(), startedAt: new Date(Date.now() - 3_600_000), distance: { value: 8, unit: "km" }, durationSeconds: 2700, effort: 6, hasPain: false, painWhere: null, note: null }),
  },
  "run.delete": { allowed: CLIENT_A, input: async (f) => freshRun(f.db, f.home) },
  // The run's page and its edit: client A's run is A's alone (B is refused like a missing run).
  "run.mine": { allowed: CLIENT_A, input: async (f) => freshRun(f.db, f.home) },
  "run.update": {
    allowed: CLIENT_A,
    input: async (f) => ({
      id: (await freshRun(f.db, f.home)).runId,
      startedAt: new Date(Date.now() - 7_200_000),
      distance: { value: 5.2, unit: "km" },
      durationSeconds: 1850,
      effort: 6,
      hasPain: false,
      painWhere: null,
      note: "Measured it again: 5.2 km.",
    }),
  },

  "review.session": { allowed: TRAINERS, clientScoped: true, input: async (f) => ({ sessionId: (await freshSession(f.db, f.home)).sessionId }) },
  "review.save": { allowed: TRAINERS, clientScoped: true, input: async (f) => ({ sessionId: (await freshSession(f.db, f.home)).sessionId, feedback: "Lovely control on the left." }) },
  "review.run": { allowed: TRAINERS, clientScoped: true, input: async (f) => freshRun(f.db, f.home) },
  "review.acknowledgeRun": { allowed: TRAINERS, clientScoped: true, input: async (f) => ({ ...(await freshRun(f.db, f.home)), feedback: "Ease off for two days; tell me how the calf feels." }) },
  "review.attention": { allowed: [...TRAINERS, "otherTrainer"], clientScoped: false },
  "review.forClient": { allowed: TRAINERS, clientScoped: true, input: (f) => ({ clientId: f.home.clientA.clientId }) },
};
