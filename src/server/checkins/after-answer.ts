import { and, eq, inArray, isNotNull } from "drizzle-orm";
import type { Queryable } from "@/server/db/client";
import { assignments, checkinForms, checkinResponses, clients, drillPainPlaces, drillPrerequisites, drills, studioMembers } from "@/server/db/schema";
import { inStudio } from "@/server/db/tenancy";
import { pauseAssignmentsAutomatically } from "@/server/drills/assignments";
import { recordUnlocksFor } from "@/server/drills/locks";
import { notify } from "@/server/notifications/notify";
import type { LocalDate } from "@/lib/local-date";
import type { PainPlace, PainScore } from "@/lib/checkins/vocabulary";
import { painPauseDecisions } from "./pain-rules";
import { painPauseAboveOf } from "./pain-settings";

/** A drill the app paused by itself after a check-in, with the reason kept in its history. */
export type AutomaticPause = { assignmentId: string; drillName: string; reason: string };

/**
 * What a check-in's answers change, run inside the transaction that stores them: drills whose
 * places hurt above the studio's threshold are paused (trainer told, client shown why), and a
 * drill whose pain condition the answers complete may unlock. Returns the pauses it made.
 */
export async function afterCheckinAnswered(
  tx: Queryable,
  input: { studioId: string; clientId: string; responseId: string; localDate: LocalDate; painScores: readonly PainScore[]; now: Date },
): Promise<{ paused: AutomaticPause[] }> {
  const { studioId, clientId } = input;
  const paused = input.painScores.length > 0 ? await pauseForPain(tx, input) : [];
  if (paused.length > 0) await tellOfPauses(tx, studioId, clientId, paused);
  // A clean check-in may be the last one a pain condition waited for.
  const gated = await tx
    .selectDistinct({ drillId: drillPrerequisites.drillId })
    .from(drillPrerequisites)
    .where(inStudio(drillPrerequisites, studioId, isNotNull(drillPrerequisites.painCheckins)));
  if (gated.length > 0) await recordUnlocksFor(tx, studioId, clientId, input.localDate, { drillIds: gated.map((g) => g.drillId) });
  return { paused };
}

async function pauseForPain(tx: Queryable, input: Parameters<typeof afterCheckinAnswered>[1]): Promise<AutomaticPause[]> {
  const { studioId, clientId } = input;
  const [threshold, active, [form]] = await Promise.all([
    painPauseAboveOf(tx, studioId),
    tx
      .select({ assignmentId: assignments.id, drillId: drills.id, drillName: drills.name })
      .from(assignments)
      .innerJoin(drills, eq(drills.id, assignments.drillId))
      .where(inStudio(assignments, studioId, eq(assignments.clientId, clientId), eq(assignments.status, "active"))),
    tx
      .select({ title: checkinForms.title })
      .from(checkinResponses)
      .innerJoin(checkinForms, and(eq(checkinForms.studioId, checkinResponses.studioId), eq(checkinForms.id, checkinResponses.formId)))
      .where(inStudio(checkinResponses, studioId, eq(checkinResponses.id, input.responseId)))
      .limit(1),
  ]);
  if (active.length === 0) return [];
  const places = await tx
    .select({ drillId: drillPainPlaces.drillId, place: drillPainPlaces.place })
    .from(drillPainPlaces)
    .where(inStudio(drillPainPlaces, studioId, inArray(drillPainPlaces.drillId, active.map((a) => a.drillId))));
  const placesOf = (drillId: string): PainPlace[] => places.filter((p) => p.drillId === drillId).map((p) => p.place);
  const decisions = painPauseDecisions(
    threshold,
    active.map((a) => ({ assignmentId: a.assignmentId, drillName: a.drillName, places: placesOf(a.drillId) })),
    { responseId: input.responseId, localDate: input.localDate, answeredAt: input.now, scores: input.painScores, formTitle: form?.title },
  );
  const made = await pauseAssignmentsAutomatically(tx, studioId, decisions);
  return made.map((m) => ({ ...m, drillName: decisions.find((d) => d.assignmentId === m.assignmentId)!.drillName }));
}

// The coach hears it before the client tells them; the client sees why on Today.
async function tellOfPauses(tx: Queryable, studioId: string, clientId: string, paused: readonly AutomaticPause[]) {
  const [client] = await tx
    .select({ name: clients.name, userId: clients.userId, coachUserId: studioMembers.userId })
    .from(clients)
    .innerJoin(studioMembers, eq(studioMembers.id, clients.coachId))
    .where(inStudio(clients, studioId, eq(clients.id, clientId)))
    .limit(1);
  if (!client) return;
  const names = paused.map((p) => p.drillName).join(", ");
  const reason = paused[0]!.reason;
  await notify(tx, {
    studioId,
    userId: client.coachUserId,
    kind: "drill_paused",
    title: `${client.name}: ${names} paused`,
    body: `Stride paused it after a pain report: ${reason} Resume it when they are ready.`,
    url: `/dashboard/clients/${clientId}`,
  });
  if (client.userId) {
    await notify(tx, {
      studioId,
      userId: client.userId,
      kind: "drill_paused",
      title: `${names} paused for now`,
      body: `${paused[0]!.reason} Your coach will resume it with you.`,
      url: "/portal",
    });
  }
}
