import Link from "next/link";
import { Badge, Card } from "@/components/ui/card";
import { attentionWhen, type AttentionItem, type AttentionView } from "@/lib/attention";
import { AnswerPain } from "./answer-pain";

const LABELS: Record<AttentionItem["kind"], { text: string; className: string }> = {
  pain: { text: "Pain", className: "bg-red-100 text-red-800" },
  unreviewed_session: { text: "To review", className: "bg-sky-100 text-sky-900" },
  missed_days: { text: "Missed days", className: "bg-amber-100 text-amber-900" },
  asymmetry: { text: "Left/right", className: "bg-violet-100 text-violet-900" },
  unlocked: { text: "Unlocked", className: "bg-emerald-100 text-emerald-900" },
  failed_payment: { text: "Payment failed", className: "bg-red-100 text-red-800" },
  unanswered: { text: "Unanswered", className: "bg-orange-100 text-orange-900" },
  load_spike: { text: "Running load", className: "bg-amber-100 text-amber-900" },
  intake_red_flag: { text: "Health red flag", className: "bg-red-200 text-red-900" },
  rising_pain: { text: "Pain rising", className: "bg-red-100 text-red-800" },
  auto_paused: { text: "Paused by itself", className: "bg-rose-100 text-rose-900" },
  missed_checkin: { text: "Missed check-in", className: "bg-amber-100 text-amber-900" },
};

/** The badge of an item's kind: the queue's words and colour, wherever an item is shown. */
export function AttentionBadge({ kind }: { kind: AttentionItem["kind"] }) {
  return <Badge className={LABELS[kind].className}>{LABELS[kind].text}</Badge>;
}

const VIEWS: { view: AttentionView; label: string }[] = [
  { view: "mine", label: "Your clients" },
  { view: "studio", label: "Whole studio" },
];

/**
 * The trainer's attention queue: one line per item, each linking to where to act on it. With
 * `views`, links switch between the member's own clients and the whole studio.
 */
export function AttentionList({
  items,
  timeZone,
  limit,
  views,
}: {
  items: AttentionItem[];
  timeZone: string;
  limit?: number;
  views?: { current: AttentionView; href: (view: AttentionView) => string };
}) {
  const shown = limit ? items.slice(0, limit) : items;
  const now = new Date();
  return (
    <section aria-labelledby="attention-heading" className="space-y-3" id="attention">
      <div className="flex flex-wrap items-baseline gap-3">
        <h2 id="attention-heading" className="text-lg font-semibold">
          Needs your attention
        </h2>
        <span className="text-sm text-stone-600">{items.length === 0 ? "All clear." : `${items.length} item${items.length === 1 ? "" : "s"}`}</span>
        {views ? (
          <nav aria-label="Whose clients" className="flex gap-3 text-sm">
            {VIEWS.map(({ view, label }) => (
              <Link
                key={view}
                href={views.href(view)}
                aria-current={views.current === view ? "page" : undefined}
                className={views.current === view ? "font-semibold text-stone-900" : "font-medium text-brand-700 underline"}
              >
                {label}
              </Link>
            ))}
          </nav>
        ) : null}
        {limit && items.length > limit ? (
          <Link href="/dashboard/attention" className="text-sm font-medium text-brand-700 underline">
            See all {items.length}
          </Link>
        ) : null}
      </div>
      {shown.length > 0 ? (
        <Card className="p-0">
          <ul className="divide-y divide-stone-200" aria-label="Attention queue">
            {shown.map((item) => (
              <li key={item.key} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-3">
                <AttentionBadge kind={item.kind} />
                <Link href={item.href} className="font-medium text-brand-800 underline-offset-2 hover:underline">
                  {item.clientName}
                </Link>
                <span className="min-w-0 flex-1 basis-64 text-sm text-stone-700">{item.summary}</span>
                <span className="text-xs text-stone-500">{attentionWhen(item, timeZone, now)}</span>
                {item.answer ? <AnswerPain answer={item.answer} clientName={item.clientName} /> : null}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </section>
  );
}
