import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ResponseAnswers, ResponseBadges } from "@/components/checkins/response-list";
import { LogComments } from "@/components/messages/log-comments";
import { Card } from "@/components/ui/card";
import { formatWhen } from "@/lib/time-wording";
import { api, orForbidden } from "@/trpc/server";

export const metadata: Metadata = { title: "Check-in" };

// One answered check-in as the trainer opens it from the client's check-ins or a comment's
// notification: the answers (red flags marked) in the client's zone, and the comments.
export default async function ClientCheckinPage({ params }: { params: Promise<{ clientId: string; responseId: string }> }) {
  const { clientId, responseId } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(responseId)) notFound();
  const trpc = await api();
  const response = await orForbidden(trpc.checkinHistory.response({ responseId }));
  // Another client's response under this client's address is not this client's.
  if (response.client.id !== clientId) notFound();
  return (
    <div className="mx-auto max-w-3xl space-y-5">
      <div className="space-y-1">
        <p className="text-sm">
          <Link href={`/dashboard/clients/${clientId}`} className="text-brand-700 underline">
            {response.client.name}
          </Link>{" "}
          ·{" "}
          <Link href={`/dashboard/clients/${clientId}/check-ins`} className="text-brand-700 underline">
            Check-ins
          </Link>
        </p>
        <h1 className="text-2xl font-bold">{response.formTitle}</h1>
        <p className="flex flex-wrap items-center gap-2 text-stone-600">
          Answered at {formatWhen(response.answeredAt, response.client.timeZone, new Date())} ({response.client.timeZone.replace(/_/g, " ")})
          <ResponseBadges response={response} audience="trainer" />
        </p>
        {response.hasRedFlag && response.clearedAt ? <p className="text-sm text-stone-700">Cleared{response.clearNote ? `: ${response.clearNote}` : "."}</p> : null}
      </div>
      <Card>
        <ResponseAnswers response={response} audience="trainer" />
      </Card>
      <LogComments log={{ checkinResponseId: response.id }} />
    </div>
  );
}
