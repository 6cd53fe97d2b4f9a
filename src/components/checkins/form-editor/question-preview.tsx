import { PAIN_PLACE_LABELS, type QuestionOptions } from "@/lib/checkins/vocabulary";

// How the client sees a question on Today, drawn from what the trainer is writing. Nothing in
// it can be answered: it is a picture, so its controls are inert.

const chip = "inline-flex h-9 min-w-9 items-center justify-center rounded-lg border border-stone-300 bg-white px-2 text-sm text-stone-800";

export function QuestionPreview({ prompt, help, isRequired, options }: { prompt: string; help: string; isRequired: boolean; options: QuestionOptions }) {
  return (
    <figure className="space-y-2 rounded-lg border border-dashed border-stone-300 bg-stone-50 p-3">
      <figcaption className="text-xs font-medium tracking-wide text-stone-600 uppercase">How the client sees it</figcaption>
      <div inert className="space-y-2">
        <p className="font-medium text-stone-900">
          {prompt || "Your question"}
          {isRequired ? null : <span className="font-normal text-stone-600"> (optional)</span>}
        </p>
        {help ? <p className="text-sm text-stone-600">{help}</p> : null}
        <PreviewControl options={options} />
      </div>
    </figure>
  );
}

function PreviewControl({ options }: { options: QuestionOptions }) {
  switch (options.kind) {
    case "scale":
      return (
        <div className="space-y-1">
          <div className="flex flex-wrap gap-1">
            {Array.from({ length: 11 }, (_, i) => (
              <span key={i} className={chip}>
                {i}
              </span>
            ))}
          </div>
          <div className="flex justify-between text-xs text-stone-600">
            <span>{options.minLabel}</span>
            <span>{options.maxLabel}</span>
          </div>
        </div>
      );
    case "choice":
      return (
        <ul className="space-y-1">
          {options.choices.filter(Boolean).map((c, i) => (
            <li key={i} className="flex items-center gap-2 text-sm">
              <span className="size-4 rounded-full border border-stone-400 bg-white" /> {c}
            </li>
          ))}
        </ul>
      );
    case "yes_no":
      return (
        <div className="space-y-1">
          <div className="flex gap-2">
            <span className={chip}>Yes</span>
            <span className={chip}>No</span>
          </div>
          {options.askDetailOnYes ? <p className="text-xs text-stone-600">A yes asks for details.</p> : null}
        </div>
      );
    case "number":
      return (
        <div className="flex items-center gap-2 text-sm">
          <span className={`${chip} w-28 justify-start text-stone-500`}>{options.min}</span>
          <span>{options.unit}</span>
        </div>
      );
    case "text":
      return <div className="h-16 rounded-lg border border-stone-300 bg-white" />;
    case "pain_map":
      return (
        <ul className="grid grid-cols-2 gap-1 text-sm sm:grid-cols-4">
          {options.places.map((p) => (
            <li key={p} className="rounded-lg border border-stone-300 bg-white px-2 py-1">
              {PAIN_PLACE_LABELS[p]} <span className="text-stone-500">L · R</span>
            </li>
          ))}
        </ul>
      );
  }
}
