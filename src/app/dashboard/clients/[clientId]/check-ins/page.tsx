import type { Metadata } from "next";
import Link from "next/link";
import { ResponseList } from "@/components/checkins/response-list";
import { api, orForbidden } from "@/trpc/server";

export const metadata: Metadata = { title: "Client check-ins" };

// A client's answered check-ins for their trainer, newest first, red flags marked.
export default async function ClientCheckinsPage({ params, searchParams }: { params: Promise<{ clientId: string }>; searchParams: Promise<{ weeks?: string }> }) {
  const { clientId } = await params;
  const { weeks } = await searchParams;
  const isYear = weeks === "52";
  const trpc = await api();
  const history = await orForbidden(trpc.checkinHistory.forClient({ clientId, weeks: isYear ? 52 : 12 }));
  const base = `/dashboard/clients/${clientId}/check-ins`;
  const open = history.responses.filter((r) => r.hasRedFlag && !r.clearedAt).length;
  return (
    <div className="space-y-5">
      <p className="text-sm">
        <Link href={`/dashboard/clients/${clientId}`} className="text-brand-700 underline">
          ← {history.client.name}
        </Link>{" "}
        ·{" "}
        <Link href={`/dashboard/clients/${clientId}/progress`} className="text-brand-700 underline">
          Progress
        </Link>
      </p>
      <div className="space-y-1">
        <h1 className="text-2xl font-bold">{history.client.name}: check-ins</h1>
        <p className="text-stone-600">
          Answers {isYear ? "of the last year" : "of the last 12 weeks"}, newest first, in {history.client.timeZone.replace(/_/g, " ")}.{" "}
          <Link href={isYear ? base : `${base}?weeks=52`} className="text-brand-700 underline">
            {isYear ? "Show the last 12 weeks" : "Show the last year"}
          </Link>
        </p>
        {open > 0 ? <p className="font-medium text-red-800">{open === 1 ? "1 answer has a red flag not cleared yet." : `${open} answers have red flags not cleared yet.`}</p> : null}
      </div>
      {history.responses.length === 0 ? (
        <p className="text-stone-600">No check-ins answered in this time.</p>
      ) : (
        <ResponseList responses={history.responses} audience="trainer" clientId={clientId} timeZone={history.client.timeZone} />
      )}
    </div>
  );
}
