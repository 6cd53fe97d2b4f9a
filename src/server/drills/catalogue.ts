import { DEFAULT_MASTERY_RULE, type DrillDefinition, type PrescriptionDefaults } from "@/lib/drills/vocabulary";

/**
 * The built-in drills: the method from `seed/top-3-exercises-for-runners.txt`, retold in our
 * own words as data the app can schedule, measure and unlock. Trainers' own drills have the
 * same shape.
 */

export type ProgramItem = {
  drillSlug: string;
  prescription: PrescriptionDefaults;
};

export type ProgramDefinition = {
  slug: string;
  name: string;
  description: string;
  items: readonly ProgramItem[];
};

export const kneeDrive: DrillDefinition = {
  slug: "knee-drive",
  name: "Knee Drive",
  purpose:
    "Trains balance and control through the whole running stride, building steadier ankles and hips and stronger glutes, hip flexors and core. It is the base every other drill builds on.",
  steps: [
    "Stand tall on your left leg with your right foot a step behind you, toes resting on the floor.",
    "Set your arms as if running: left arm forward, right arm back, elbows bent.",
    "In slow motion, bring your right knee forward and up to hip height as your arms swap.",
    "Just as slowly, take the leg back behind you without letting the toes touch down.",
    "Keep repeating until you lose your balance, and note how long you lasted.",
    "Switch legs and do the same on the other side.",
  ],
  cues: [
    "The slower you move, the more it works.",
    "Wobbling is the point: it is how balance improves.",
    "Stay tall, with your hips level and your eyes on a fixed point ahead.",
    "Keep a soft bend in the standing knee.",
  ],
  equipment: [],
  level: "foundation",
  measure: "hold_seconds",
  perSide: true,
  recordsContactFeel: false,
  defaultPrescription: {
    sets: 1,
    // No fixed number: the set lasts until balance goes, and the seconds held are the score.
    targetPerSide: null,
    repMin: null,
    repMax: null,
    schedule: { daily: true, beforeRun: false },
    notes: "Move as slowly as you can; when your balance goes, switch to the other leg.",
  },
  prerequisites: [],
  // Balance on one leg loads the standing leg from the foot to the hip.
  painPlaces: ["foot", "ankle", "knee", "hip"],
  order: 1,
  tagline: "The foundation",
};

export const backRotations: DrillDefinition = {
  slug: "back-rotations",
  name: "Back Rotations",
  purpose:
    "Frees up a back stiffened by desks and car seats, so the arms can swing freely when you run and add speed without asking more of the legs.",
  steps: [
    "Stand with your feet hip-width apart and your knees slightly bent.",
    "Rest a broomstick across your upper back and hold it with both hands, wide apart.",
    "Keeping your hips facing forward, turn your chest to the left as far as feels comfortable.",
    "Come back through the middle and turn to the right the same way.",
    "Count one rep each time you reach a side, and stop when both sides have the full set.",
  ],
  cues: [
    "Turn from the upper back; the hips and knees stay pointing ahead.",
    "Breathe out as you turn.",
    "Move smoothly, without bouncing at the end of the turn.",
    "No stick to hand? Cross your arms over your chest instead.",
  ],
  equipment: [
    {
      name: "Broomstick",
      isOptional: true,
      note: "A light pole lets you turn further than you can with empty hands.",
    },
  ],
  level: "foundation",
  measure: "reps",
  perSide: true,
  recordsContactFeel: false,
  defaultPrescription: {
    sets: 1,
    targetPerSide: null,
    repMin: 15,
    repMax: 20,
    schedule: { daily: true, beforeRun: true },
  },
  prerequisites: [],
  painPlaces: ["lower_back"],
  order: 2,
  tagline: null,
};

export const hopping: DrillDefinition = {
  slug: "hopping",
  name: "Hopping",
  purpose:
    "Makes each foot strike more efficient and lets the hips add drive to every stride. Which part of the foot lands matters little; how briefly it stays on the ground matters a lot.",
  steps: [
    "Stand tall on one leg with the other knee slightly lifted.",
    "Hop on the spot with small, quick, springy hops.",
    "Push off again the instant your foot lands.",
    "Count your ground contacts, and end the set once they start to feel slow or heavy.",
    "Rate how short the contacts felt, then switch legs.",
  ],
  cues: [
    "Think of a hot floor: get off it fast.",
    "Stay tall and let the hips drive each hop.",
    "Land quietly.",
  ],
  equipment: [],
  level: "advanced",
  measure: "contacts",
  perSide: true,
  recordsContactFeel: true,
  defaultPrescription: {
    sets: 1,
    targetPerSide: 20,
    repMin: null,
    repMax: null,
    schedule: { daily: false, beforeRun: true },
    notes: "Do it while warming up, just before you set off on a run.",
  },
  // The brief asks for Knee Drive to be mastered first, to get the most out of Hopping. The pain
  // condition (≤ 2 on each side in the last 5 check-ins, DEFAULT_PAIN_CONDITION) is offered on
  // Hopping's page rather than set here: it needs check-ins with a pain map, and a studio that
  // asks none would see Hopping locked for good.
  prerequisites: [{ drillSlug: "knee-drive", masteryRule: { ...DEFAULT_MASTERY_RULE } }],
  // Each hop lands on the foot and springs off the calf; the shin and knee take the impact.
  painPlaces: ["foot", "ankle", "shin", "calf", "knee"],
  order: 3,
  tagline: null,
};

export const builtInDrills: readonly DrillDefinition[] = [kneeDrive, backRotations, hopping];

export type BuiltInDrillSlug = "knee-drive" | "back-rotations" | "hopping";

export const runnersFoundation: ProgramDefinition = {
  slug: "runners-foundation",
  name: "Runner's foundation",
  description:
    "The three drills of the method: Knee Drive and Back Rotations every day, Back Rotations and Hopping before each run. Hopping opens once Knee Drive is mastered.",
  items: builtInDrills.map((drill) => ({
    drillSlug: drill.slug,
    prescription: { ...drill.defaultPrescription, schedule: { ...drill.defaultPrescription.schedule } },
  })),
};

export const builtInPrograms: readonly ProgramDefinition[] = [runnersFoundation];

// Shared by every request in the process: frozen so no caller can change the method for the others.
for (const item of [...builtInDrills, ...builtInPrograms]) deepFreeze(item);

function deepFreeze(value: object): void {
  for (const child of Object.values(value)) {
    if (typeof child === "object" && child !== null && !Object.isFrozen(child)) deepFreeze(child);
  }
  Object.freeze(value);
}
