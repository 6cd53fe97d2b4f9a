// A client's check-ins of this week as adherence counts them (server/checkins/checkin-adherence.ts):
// shared by the progress page and the studio overview.

export type CheckinWeek = {
  /** The Monday of the client's week. */
  weekStart: string;
  /** Answered, plus missed: the check-ins that count. */
  due: number;
  answered: number;
  /** Due and not answered yet, but still answerable (today's, a weekly review in its grace days): they count once answered or missed. */
  open: number;
};

/** "Check-ins: 6 of 7 answered this week", with what is still open. */
export function describeCheckinWeek(week: CheckinWeek): string {
  const open = week.open > 0 ? ` (${week.open} still open)` : "";
  if (week.due === 0) return week.open > 0 ? `Check-ins: ${week.open} open this week, none due yet.` : "Check-ins: none due yet this week.";
  return `Check-ins: ${week.answered} of ${week.due} answered this week${open}.`;
}
