import { PAIN_PLACES, PAIN_SIDES, describePainPlace, type PainScore, type QuestionKind, type QuestionOptions } from "@/lib/checkins/vocabulary";

// How one stored check-in answer reads in the export: a person opening checkins.csv sees what
// they answered, not the columns it is stored in.

export type StoredAnswer = {
  kind: QuestionKind;
  options: QuestionOptions;
  numberValue: number | null;
  textValue: string | null;
  boolValue: boolean | null;
  /** The pain map's scores above 0 (a place not listed did not hurt). */
  painScores: readonly PainScore[];
};

const order = (s: PainScore) => PAIN_PLACES.indexOf(s.place) * PAIN_SIDES.length + PAIN_SIDES.indexOf(s.side);

// An answer as the client gave it: "7/10", "62.5 kg", "yes: left knee, an old sprain", and pain as "left knee 6; right shin 2" ("no pain" when nothing hurt).
export function answerAsText(answer: StoredAnswer): string | null {
  switch (answer.kind) {
    case "scale":
      return answer.numberValue === null ? null : `${answer.numberValue}/10`;
    case "number": {
      if (answer.numberValue === null) return null;
      const unit = answer.options.kind === "number" && answer.options.unit ? ` ${answer.options.unit}` : "";
      return `${answer.numberValue}${unit}`;
    }
    case "yes_no":
      if (answer.boolValue === null) return null;
      return answer.boolValue ? (answer.textValue ? `yes: ${answer.textValue}` : "yes") : "no";
    case "choice":
    case "text":
      return answer.textValue;
    case "pain_map":
      return answer.painScores.length === 0
        ? "no pain"
        : [...answer.painScores].sort((a, b) => order(a) - order(b)).map((s) => `${describePainPlace(s.place, s.side)} ${s.score}`).join("; ");
  }
}
