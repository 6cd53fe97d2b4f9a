import { randomUUID } from "node:crypto";
import { setClientArchived } from "@/server/clients/service";
import { setDrillArchived } from "@/server/drills/service";
import { setProgramArchived } from "@/server/drills/programs";
import {
  builtInDrillId,
  freshAssignment,
  freshDrill,
  freshInvitedClient,
  freshOverride,
  freshProgram,
  runnersFoundationId,
  sampleDrillFields,
  samplePrescription,
} from "../../drill-fixtures";
import { CLIENTS, EVERYONE, OWNER, TRAINERS, type ProcedureRules } from "../roles";

// Another studio's trainer may read and write *their own* library: the leak check proves
// nothing of ours comes back. Every input naming a home row refuses them with NOT_FOUND.
const ANY_TRAINER = [...TRAINERS, "otherTrainer"] as const;

export const drillRules: ProcedureRules = {
  "drill.list": { allowed: ANY_TRAINER, clientScoped: false, input: () => ({ includeArchived: true }) },
  "drill.get": { allowed: TRAINERS, clientScoped: false, input: async (f) => ({ drillId: await builtInDrillId(f.db, f.home.studioId, "hopping") }) },
  "drill.create": { allowed: ANY_TRAINER, clientScoped: false, input: () => sampleDrillFields },
  "drill.update": { allowed: TRAINERS, clientScoped: false, input: async (f) => ({ drillId: (await freshDrill(f.db, f.home)).id, drill: { ...sampleDrillFields, name: "Renamed" } }) },
  "drill.copy": { allowed: TRAINERS, clientScoped: false, input: async (f) => ({ drillId: await builtInDrillId(f.db, f.home.studioId, "knee-drive") }) },
  "drill.archive": { allowed: TRAINERS, clientScoped: false, input: async (f) => ({ drillId: (await freshDrill(f.db, f.home)).id }) },
  "drill.restore": {
    allowed: TRAINERS, clientScoped: false,
    input: async (f) => {
      const drill = await freshDrill(f.db, f.home);
      await setDrillArchived(f.db, f.home.studioId, drill.id, true, new Date());
      return { drillId: drill.id };
    },
  },
  "drill.setPrerequisite": {
    allowed: TRAINERS, clientScoped: false,
    input: async (f) => ({
      drillId: (await freshDrill(f.db, f.home)).id,
      requiresDrillId: await builtInDrillId(f.db, f.home.studioId, "knee-drive"),
      rule: { minValuePerSide: 20, requiredDays: 3, windowDays: 7 },
      painCondition: { maxScore: 2, checkins: 5 },
    }),
  },
  "drill.setPainPlaces": { allowed: TRAINERS, clientScoped: false, input: async (f) => ({ drillId: (await freshDrill(f.db, f.home)).id, places: ["calf", "knee"] }) },

  "program.list": { allowed: ANY_TRAINER, clientScoped: false, input: () => ({}) },
  "program.create": {
    allowed: TRAINERS, clientScoped: false,
    input: async (f) => ({
      name: "Race week",
      items: [{ drillId: await builtInDrillId(f.db, f.home.studioId, "back-rotations"), prescription: { sets: 1, repMin: 15, repMax: 20, schedule: { daily: true, beforeRun: true } } }],
    }),
  },
  "program.update": {
    allowed: TRAINERS, clientScoped: false,
    input: async (f) => ({
      programId: (await freshProgram(f.db, f.home)).id,
      name: "Race week, revised",
      description: "Two drills before each run.",
      items: [{ drillId: await builtInDrillId(f.db, f.home.studioId, "back-rotations"), prescription: { sets: 1, repMin: 15, repMax: 20, schedule: { daily: false, beforeRun: true } } }],
    }),
  },
  "program.archive": { allowed: TRAINERS, clientScoped: false, input: async (f) => ({ programId: (await freshProgram(f.db, f.home)).id }) },
  "program.restore": {
    allowed: TRAINERS, clientScoped: false,
    input: async (f) => {
      const program = await freshProgram(f.db, f.home);
      await setProgramArchived(f.db, f.home.studioId, program.id, true, new Date());
      return { programId: program.id };
    },
  },
  // Applying twice adds nothing, so one input serves every allowed role.
  "program.applyTo": { allowed: TRAINERS, clientScoped: true, input: async (f) => ({ programId: await runnersFoundationId(f.db, f.home.studioId), clientIds: [f.home.clientA.clientId] }) },

  "assignment.forClient": { allowed: TRAINERS, clientScoped: true, input: (f) => ({ clientId: f.home.clientA.clientId }) },
  "assignment.create": {
    allowed: TRAINERS, clientScoped: true,
    input: async (f) => ({ clientId: f.home.clientA.clientId, drillId: (await freshDrill(f.db, f.home)).id, prescription: samplePrescription }),
  },
  "assignment.change": {
    allowed: TRAINERS, clientScoped: true,
    input: async (f) => ({ assignmentId: (await freshAssignment(f.db, f.home)).id, prescription: { ...samplePrescription, repMin: 18, repMax: 22 } }),
  },
  "assignment.setStatus": { allowed: TRAINERS, clientScoped: true, input: async (f) => ({ assignmentId: (await freshAssignment(f.db, f.home)).id, action: "pause" }) },
  "assignment.overrideLock": {
    allowed: TRAINERS, clientScoped: true,
    input: async (f) => ({ clientId: f.home.clientA.clientId, drillId: (await freshDrill(f.db, f.home, { requiresKneeDrive: true })).id, reason: "Strong balance, cleared by physio" }),
  },
  "assignment.revokeOverride": { allowed: TRAINERS, clientScoped: true, input: async (f) => freshOverride(f.db, f.home) },

  "client.invite": { allowed: ANY_TRAINER, clientScoped: false, input: () => ({ name: "New Runner", email: `new-${randomUUID().slice(0, 8)}@example.test` }) },
  "client.resendInvite": { allowed: TRAINERS, clientScoped: true, input: async (f) => ({ clientId: (await freshInvitedClient(f.db, f.home)).id }) },
  "client.reassignCoach": { allowed: OWNER, input: (f) => ({ clientId: f.home.clientA.clientId, coachId: f.home.trainer.memberId }) },
  "client.archive": { allowed: TRAINERS, clientScoped: true, input: async (f) => ({ clientId: (await freshInvitedClient(f.db, f.home)).id }) },
  "client.restore": {
    allowed: TRAINERS, clientScoped: true,
    input: async (f) => {
      const client = await freshInvitedClient(f.db, f.home);
      await setClientArchived(f.db, f.home.studioId, client.id, true);
      return { clientId: client.id };
    },
  },

  "invite.preview": { allowed: EVERYONE, clientScoped: false, input: () => ({ token: randomUUID() }) },
  "portal.today": { allowed: CLIENTS },
  "portal.todayDone": { allowed: CLIENTS },
};
