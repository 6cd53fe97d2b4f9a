import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ResponseAnswers, ResponseBadges } from "@/components/checkins/response-list";
import { LogComments } from "@/components/messages/log-comments";
import { Card } from "@/components/ui/card";
import { formatWhen } from "@/lib/time-wording";
import { api, orForbidden } from "@/trpc/server";

export const metadata: Metadata = { title: "Check-in" };

// One of the client's answered check-ins (Today's answered card and a comment's notification
// link here): their answers, and the comments with their coach.
export default async function PortalCheckin({ params }: { params: Promise<{ responseId: string }> }) {
  const { responseId } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(responseId)) notFound();
  const trpc = await api();
  const response = await orForbidden(trpc.checkinHistory.response({ responseId }));
  return (
    <div className="mx-auto max-w-3xl space-y-5">
      <div className="space-y-1">
        <p className="text-sm">
          <Link href="/portal/check-ins" className="text-brand-700 underline">
            Your check-ins
          </Link>
        </p>
        <h1 className="text-2xl font-bold">{response.formTitle}</h1>
        <p className="flex flex-wrap items-center gap-2 text-stone-600">
          Answered at {formatWhen(response.answeredAt, response.client.timeZone, new Date())}
          <ResponseBadges response={response} audience="client" />
        </p>
      </div>
      <Card>
        <ResponseAnswers response={response} audience="client" />
      </Card>
      <LogComments log={{ checkinResponseId: response.id }} canQueueOffline />
    </div>
  );
}
