import { PAIN_PLACES, PAIN_PLACE_LABELS, QUESTION_KIND_LABELS, type QuestionOptions } from "@/lib/checkins/vocabulary";

// How a question's options read in the editor's list, in a line.

/** "kg, 30 to 200, 1 decimal"; "Awful (0) to Great (10)"; "Easy, Hard"; "every place, each side". */
export function describeOptions(options: QuestionOptions): string {
  switch (options.kind) {
    case "scale":
      return options.minLabel || options.maxLabel ? `0 ${options.minLabel ? `(${options.minLabel})` : ""} to 10 ${options.maxLabel ? `(${options.maxLabel})` : ""}`.replace(/\s+/g, " ").trim() : "0 to 10";
    case "choice":
      return options.choices.join(", ");
    case "yes_no":
      return options.askDetailOnYes ? "asks for details on a yes" : "";
    case "number":
      return `${options.unit}, ${options.min} to ${options.max}${options.decimals ? `, ${options.decimals} decimal${options.decimals > 1 ? "s" : ""}` : ", whole numbers"}`;
    case "text":
      return "";
    case "pain_map":
      return options.places.length === PAIN_PLACES.length ? "every place, each side" : `${options.places.map((p) => PAIN_PLACE_LABELS[p]).join(", ")}, each side`;
  }
}

export const kindLabel = (options: QuestionOptions) => QUESTION_KIND_LABELS[options.kind];
