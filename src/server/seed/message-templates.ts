import type { Queryable } from "@/server/db/client";
import { messageTemplates } from "@/server/db/schema";
import type { SeededStudio } from "./studio";

// Three templates in the brief's voice (seed/top-3-exercises-for-runners.txt): the studio's
// own two, kept by the owner, and one of a trainer's.
export async function seedMessageTemplates(q: Queryable, studio: SeededStudio): Promise<void> {
  const priya = studio.memberIdByEmail.get("priya@stride.test") ?? null;
  await q.insert(messageTemplates).values([
    {
      studioId: studio.studioId,
      ownerMemberId: null,
      title: "Slow it down",
      body: "Nice work, {first_name}. On the knee drive, go slower than feels right: the slower, the more effective it is. Hold until you lose balance, then the other side. Every day.",
    },
    {
      studioId: studio.studioId,
      ownerMemberId: null,
      title: "Before your run",
      body: "Before your run today: back rotations, 15 to 20 each side (a broomstick across your shoulders helps), then a few rounds of hopping as the warm-up. Tell me how the arms felt.",
    },
    {
      studioId: studio.studioId,
      ownerMemberId: priya,
      title: "How did the left side feel?",
      body: "Thanks for logging, {first_name}. How did the left side feel compared with the right? Balance differences between sides are normal at first and they even out with practice.",
    },
  ]);
}
