import { assertLocalDate, type LocalDate } from "@/lib/local-date";
import type { AssignmentStatus, Prescription } from "@/lib/drills/vocabulary";

/** The least an assignment must carry to know when it is due. */
export type DueAssignment = {
  id: string;
  status: AssignmentStatus;
  prescription: Pick<Prescription, "schedule" | "startDate" | "endDate">;
};

export type DueDrill<A extends DueAssignment> = {
  assignment: A;
  /** Do it today (a daily drill). */
  isDueToday: boolean;
  /** Do it as part of the warm-up before the next run (a before-run drill). */
  isBeforeRun: boolean;
};

// An assignment counts from its start date to its end date, both included, and only while it is active (not paused or ended).
export function isAssignmentActiveOn(assignment: DueAssignment, localDate: LocalDate): boolean {
  const { startDate, endDate } = assignment.prescription;
  return (
    assignment.status === "active" &&
    startDate <= localDate &&
    (endDate === null || localDate <= endDate)
  );
}

// Today's list: daily drills are due today, before-run drills wait for the next run, and a drill can be both.
export function listDueDrills<A extends DueAssignment>(
  assignments: readonly A[],
  localDate: LocalDate,
): DueDrill<A>[] {
  assertLocalDate(localDate, "listDueDrills localDate");
  const due: DueDrill<A>[] = [];
  for (const assignment of assignments) {
    if (!isAssignmentActiveOn(assignment, localDate)) continue;
    const { daily, beforeRun } = assignment.prescription.schedule;
    if (daily || beforeRun) due.push({ assignment, isDueToday: daily, isBeforeRun: beforeRun });
  }
  return due;
}
