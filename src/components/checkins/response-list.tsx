import Link from "next/link";
import { Badge, Card } from "@/components/ui/card";
import { checkinResponsePath } from "@/lib/thread-links";
import { formatWhen } from "@/lib/time-wording";
import type { HistoryResponse } from "@/server/checkins/history-shape";

type Audience = "client" | "trainer";

/** A response's answers in the form's order; for the trainer, a "yes" to a red-flag question is marked. */
export function ResponseAnswers({ response, audience }: { response: HistoryResponse; audience: Audience }) {
  if (response.answers.length === 0) return <p className="text-sm text-stone-600">No answers stored.</p>;
  return (
    <dl className="space-y-2 text-sm">
      {response.answers.map((a) => (
        <div key={a.questionId} className={audience === "trainer" && a.isRedFlagYes ? "rounded border border-red-200 bg-red-50 p-2" : undefined}>
          <dt className="text-stone-600">{a.prompt}</dt>
          <dd className="whitespace-pre-line font-medium">
            {a.text}
            {audience === "trainer" && a.isRedFlagYes ? <Badge className="ml-2 bg-red-100 text-red-800">Red flag</Badge> : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** Badges beside a response's title: red flags (the trainer's), and how many comments it has. */
export function ResponseBadges({ response, audience }: { response: HistoryResponse; audience: Audience }) {
  return (
    <>
      {response.kind === "intake" ? <Badge>Health questions</Badge> : null}
      {audience === "trainer" && response.hasRedFlag && !response.clearedAt ? <Badge className="bg-red-100 text-red-800">Red flag, not cleared</Badge> : null}
      {audience === "trainer" && response.hasRedFlag && response.clearedAt ? <Badge className="bg-emerald-100 text-emerald-900">Red flag cleared</Badge> : null}
      {response.commentCount > 0 ? <Badge className="bg-sky-100 text-sky-900">{response.commentCount === 1 ? "1 comment" : `${response.commentCount} comments`}</Badge> : null}
    </>
  );
}

/** Answered check-ins, newest first, each opening to its answers and a link to its comments. */
export function ResponseList({ responses, audience, clientId, timeZone }: { responses: HistoryResponse[]; audience: Audience; clientId: string; timeZone: string }) {
  const now = new Date();
  return (
    <Card className="p-0">
      <ul className="divide-y divide-stone-200" aria-label="Answered check-ins">
        {responses.map((r) => (
          <li key={r.id} className="px-4 py-3">
            <details>
              <summary className="flex cursor-pointer flex-wrap items-center gap-x-3 gap-y-1">
                <span className="font-medium">{r.formTitle}</span>
                <span className="text-sm text-stone-600">{formatWhen(r.answeredAt, timeZone, now)}</span>
                <ResponseBadges response={r} audience={audience} />
              </summary>
              <div className="mt-3 space-y-3">
                <ResponseAnswers response={r} audience={audience} />
                <Link href={checkinResponsePath(audience, { clientId, checkinResponseId: r.id })} className="inline-block text-sm text-brand-700 underline">
                  {r.commentCount > 0 ? "Read and write comments" : "Comment on this check-in"}
                </Link>
              </div>
            </details>
          </li>
        ))}
      </ul>
    </Card>
  );
}
