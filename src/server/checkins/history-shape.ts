import { addDays, daysBetween, type LocalDate } from "@/lib/local-date";
import {
  describePainPlace,
  PAIN_PLACES,
  PAIN_SIDES,
  type CheckinCadence,
  type FormKind,
  type PainPlace,
  type PainScore,
  type PainSide,
  type QuestionKind,
  type QuestionOptions,
} from "@/lib/checkins/vocabulary";
import { answerableUntil, isoWeekday } from "./occurrences";

// How a client's check-in answers read over time, shaped from the stored rows: pure, so the
// charts' rules (a day with a pain map and nothing marked is a day without pain; a day without
// one is a gap) are tested apart from the SQL that loads them (history.ts).

/** One stored response, as the read model loads it. */
export type HistoryResponseRow = {
  id: string;
  formId: string;
  formTitle: string;
  kind: FormKind;
  scheduleId: string | null;
  dueOn: LocalDate | null;
  localDate: LocalDate;
  answeredAt: Date;
  hasRedFlag: boolean;
  clearedAt: Date | null;
  clearNote: string | null;
  commentCount: number;
};

/** One stored answer with its question as it stands (a removed question keeps its wording). */
export type HistoryAnswerRow = {
  responseId: string;
  questionId: string;
  kind: QuestionKind;
  prompt: string;
  options: QuestionOptions;
  position: number;
  isRedFlag: boolean;
  numberValue: number | null;
  textValue: string | null;
  boolValue: boolean | null;
};

export type HistoryPainRow = { responseId: string; questionId: string; place: PainPlace; side: PainSide; score: number };

/** A day a scheduled check-in was due (schedules in force, over the window). */
export type DueDay = { scheduleId: string; dueOn: LocalDate; cadence: CheckinCadence };

export type AnsweredQuestion = {
  questionId: string;
  prompt: string;
  kind: QuestionKind;
  /** The answer in words: "7 of 10", "6.5 h", "Yes: left calf tight", "No pain". */
  text: string;
  /** A "yes" to a red-flag question of the intake. */
  isRedFlagYes: boolean;
  /** A pain map's places that hurt (empty: nothing hurt, or not a pain map). */
  pain: PainScore[];
};

export type HistoryResponse = HistoryResponseRow & { answers: AnsweredQuestion[] };

export type WeekAnswered = {
  /** Monday of the ISO week. */
  weekStart: LocalDate;
  /** Check-ins due in the week up to today. */
  due: number;
  answered: number;
  /** Due, not answered, and no longer answerable. */
  missed: number;
};

export type PainSeries = {
  place: PainPlace;
  side: PainSide;
  /** "left knee". */
  label: string;
  /** One point per day with a pain map: 0 when it did not hurt there that day. */
  points: { localDate: LocalDate; score: number }[];
};

export type ValueSeries = {
  questionId: string;
  prompt: string;
  formTitle: string;
  kind: "scale" | "number";
  /** The number's unit ("h"), or null for a 0–10 scale. */
  unit: string | null;
  min: number;
  max: number;
  points: { localDate: LocalDate; value: number }[];
};

export type AnswerCounts = {
  questionId: string;
  prompt: string;
  formTitle: string;
  kind: "choice" | "yes_no";
  /** Every choice of the question (in its order), then any answered choice since removed. */
  counts: { label: string; count: number }[];
  answered: number;
};

export type CheckinHistoryShape = {
  from: LocalDate;
  today: LocalDate;
  weeks: WeekAnswered[];
  /** Days on which a pain map was answered (where the pain lines have points). */
  painDays: LocalDate[];
  /** Only the places and sides that hurt at least once in the window, in body order. */
  pain: PainSeries[];
  scales: ValueSeries[];
  choices: AnswerCounts[];
  /** Newest first. */
  responses: HistoryResponse[];
};

/** Monday of the ISO week `date` is in. */
export function weekStartOf(date: LocalDate): LocalDate {
  return addDays(date, 1 - isoWeekday(date));
}

/** The first day of a window of `weeks` whole ISO weeks ending with today's. */
export function historyStart(today: LocalDate, weeks: number): LocalDate {
  return addDays(weekStartOf(today), -7 * (weeks - 1));
}

const round = (n: number, decimals: number) => Math.round(n * 10 ** decimals) / 10 ** decimals;

/** One answer in words, as the client gave it. */
export function answerText(row: Pick<HistoryAnswerRow, "kind" | "options" | "numberValue" | "textValue" | "boolValue">, pain: readonly PainScore[]): string {
  switch (row.kind) {
    case "scale":
      return row.numberValue === null ? "Not answered" : `${row.numberValue} of 10`;
    case "number": {
      if (row.numberValue === null) return "Not answered";
      const unit = row.options.kind === "number" && row.options.unit ? ` ${row.options.unit}` : "";
      return `${row.numberValue}${unit}`;
    }
    case "choice":
      return row.textValue ?? "Not answered";
    case "yes_no":
      if (row.boolValue === null) return "Not answered";
      return row.boolValue ? (row.textValue ? `Yes: ${row.textValue}` : "Yes") : "No";
    case "text":
      return row.textValue?.trim() ? row.textValue : "Nothing written";
    case "pain_map":
      return pain.length === 0 ? "No pain" : sortedPain(pain).map((s) => `${describePainPlace(s.place, s.side)} ${s.score}/10`).join(", ");
  }
}

const bodyOrder = (s: { place: PainPlace; side: PainSide }) => PAIN_PLACES.indexOf(s.place) * PAIN_SIDES.length + PAIN_SIDES.indexOf(s.side);
const sortedPain = <T extends { place: PainPlace; side: PainSide }>(scores: readonly T[]): T[] => [...scores].sort((a, b) => bodyOrder(a) - bodyOrder(b));

/** Each response with its answers in the form's order, newest first. */
export function shapeResponses(responses: readonly HistoryResponseRow[], answers: readonly HistoryAnswerRow[], pain: readonly HistoryPainRow[]): HistoryResponse[] {
  const painOf = groupBy(pain, (p) => `${p.responseId}|${p.questionId}`);
  const answersOf = groupBy(answers, (a) => a.responseId);
  return [...responses]
    .sort((a, b) => b.answeredAt.getTime() - a.answeredAt.getTime() || (a.id < b.id ? 1 : -1))
    .map((r) => ({
      ...r,
      answers: [...(answersOf.get(r.id) ?? [])]
        .sort((a, b) => a.position - b.position)
        .map((a) => {
          const scores = sortedPain((painOf.get(`${r.id}|${a.questionId}`) ?? []).map(({ place, side, score }) => ({ place, side, score })));
          return { questionId: a.questionId, prompt: a.prompt, kind: a.kind, text: answerText(a, scores), isRedFlagYes: a.isRedFlag && a.boolValue === true, pain: a.kind === "pain_map" ? scores : [] };
        }),
    }));
}

// How the client felt over the weeks: pain per place and side on the days they answered a pain map (a place left empty that day did not hurt; the intake's current injuries count), each check-in scale and number by day, each check-in choice counted, and how many of the check-ins due each week were answered.
export function shapeCheckinHistory(input: {
  today: LocalDate;
  weeks: number;
  responses: readonly HistoryResponseRow[];
  answers: readonly HistoryAnswerRow[];
  pain: readonly HistoryPainRow[];
  due: readonly DueDay[];
}): CheckinHistoryShape {
  const { today } = input;
  const from = historyStart(today, input.weeks);
  const inWindow = (d: LocalDate) => d >= from && d <= today;
  const responses = input.responses.filter((r) => inWindow(r.localDate));
  const byId = new Map(responses.map((r) => [r.id, r]));
  const answers = input.answers.filter((a) => byId.has(a.responseId));
  const pain = input.pain.filter((p) => byId.has(p.responseId));
  const dayOf = (responseId: string) => byId.get(responseId)!.localDate;
  // A later answer the same day stands for the day (the latest the client said).
  const answeredAt = (responseId: string) => byId.get(responseId)!.answeredAt.getTime();
  const chronological = [...answers].sort((a, b) => answeredAt(a.responseId) - answeredAt(b.responseId));

  // Pain: the worst score at each place and side per day, over every pain map answered that day.
  const painDays = [...new Set(answers.filter((a) => a.kind === "pain_map").map((a) => dayOf(a.responseId)))].sort();
  const worst = new Map<string, Map<LocalDate, number>>();
  for (const p of pain) {
    const key = `${p.place}|${p.side}`;
    const days = worst.get(key) ?? new Map<LocalDate, number>();
    const day = dayOf(p.responseId);
    days.set(day, Math.max(days.get(day) ?? 0, p.score));
    worst.set(key, days);
  }
  const painSeries: PainSeries[] = sortedPain(
    [...worst.keys()].map((key) => {
      const [place, side] = key.split("|") as [PainPlace, PainSide];
      return { place, side };
    }),
  ).map(({ place, side }) => {
    const days = worst.get(`${place}|${side}`)!;
    return { place, side, label: describePainPlace(place, side), points: painDays.map((localDate) => ({ localDate, score: days.get(localDate) ?? 0 })) };
  });

  // Scales and numbers: one series per question, a point per day.
  const valueSeries = new Map<string, ValueSeries & { byDay: Map<LocalDate, number> }>();
  const countSeries = new Map<string, AnswerCounts>();
  const firstSeen = new Map<string, number>();
  for (const a of chronological) {
    const { formTitle, kind: formKind } = byId.get(a.responseId)!;
    // The intake is answered once: its answers are read on the check-ins page, not counted over time.
    if (formKind === "intake") continue;
    if (!firstSeen.has(a.questionId)) firstSeen.set(a.questionId, firstSeen.size);
    if ((a.kind === "scale" || a.kind === "number") && a.numberValue !== null) {
      const series =
        valueSeries.get(a.questionId) ??
        (() => {
          const created = {
            questionId: a.questionId,
            prompt: a.prompt,
            formTitle,
            kind: a.kind,
            unit: a.options.kind === "number" ? a.options.unit : null,
            min: a.options.kind === "number" ? a.options.min : 0,
            max: a.options.kind === "number" ? a.options.max : 10,
            points: [],
            byDay: new Map<LocalDate, number>(),
          };
          valueSeries.set(a.questionId, created);
          return created;
        })();
      series.byDay.set(dayOf(a.responseId), a.numberValue);
    }
    if (a.kind === "choice" || a.kind === "yes_no") {
      const labels = a.kind === "yes_no" ? ["Yes", "No"] : a.options.kind === "choice" ? a.options.choices : [];
      const counts = countSeries.get(a.questionId) ?? { questionId: a.questionId, prompt: a.prompt, formTitle, kind: a.kind, counts: labels.map((label) => ({ label, count: 0 })), answered: 0 };
      countSeries.set(a.questionId, counts);
      const label = a.kind === "yes_no" ? (a.boolValue === null ? null : a.boolValue ? "Yes" : "No") : a.textValue;
      if (label === null) continue;
      const slot = counts.counts.find((c) => c.label === label) ?? (counts.counts.push({ label, count: 0 }), counts.counts.at(-1)!);
      slot.count += 1;
      counts.answered += 1;
    }
  }
  const byQuestionOrder = <T extends { questionId: string }>(list: T[]) => list.sort((a, b) => firstSeen.get(a.questionId)! - firstSeen.get(b.questionId)!);
  const scales = byQuestionOrder([...valueSeries.values()]).map(({ byDay, ...series }) => ({
    ...series,
    points: [...byDay.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([localDate, value]) => ({ localDate, value: round(value, 2) })),
  }));

  return {
    from,
    today,
    weeks: answeredByWeek(from, today, input.weeks, responses, input.due),
    painDays,
    pain: painSeries,
    scales,
    choices: byQuestionOrder([...countSeries.values()]),
    responses: shapeResponses(responses, answers, pain),
  };
}

// A check-in counts as due on each day its schedule asked it, up to today (and any answered one was due, even if its schedule has ended since); it is missed once it can no longer be answered.
function answeredByWeek(from: LocalDate, today: LocalDate, weeks: number, responses: readonly HistoryResponseRow[], due: readonly DueDay[]): WeekAnswered[] {
  const answered = new Set(responses.filter((r) => r.scheduleId && r.dueOn).map((r) => `${r.scheduleId}|${r.dueOn}`));
  const days = new Map<string, { dueOn: LocalDate; isAnswered: boolean; isMissed: boolean }>();
  for (const d of due) {
    if (d.dueOn < from || d.dueOn > today) continue;
    const key = `${d.scheduleId}|${d.dueOn}`;
    const isAnswered = answered.has(key);
    days.set(key, { dueOn: d.dueOn, isAnswered, isMissed: !isAnswered && answerableUntil(d.cadence, d.dueOn) < today });
  }
  for (const r of responses) {
    if (!r.scheduleId || !r.dueOn || r.dueOn < from || r.dueOn > today) continue;
    days.set(`${r.scheduleId}|${r.dueOn}`, { dueOn: r.dueOn, isAnswered: true, isMissed: false });
  }
  const out: WeekAnswered[] = Array.from({ length: weeks }, (_, i) => ({ weekStart: addDays(from, 7 * i), due: 0, answered: 0, missed: 0 }));
  for (const day of days.values()) {
    const week = out[Math.floor(daysBetween(from, day.dueOn) / 7)];
    if (!week) continue;
    week.due += 1;
    if (day.isAnswered) week.answered += 1;
    if (day.isMissed) week.missed += 1;
  }
  return out;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}
