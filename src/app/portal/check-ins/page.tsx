import type { Metadata } from "next";
import Link from "next/link";
import { ResponseList } from "@/components/checkins/response-list";
import { api, orForbidden } from "@/trpc/server";

export const metadata: Metadata = { title: "Check-ins" };

// The client's answered check-ins, newest first: the last twelve weeks, or the last year.
export default async function PortalCheckins({ searchParams }: { searchParams: Promise<{ weeks?: string }> }) {
  const { weeks } = await searchParams;
  const isYear = weeks === "52";
  const trpc = await api();
  const history = await orForbidden(trpc.checkinHistory.mine({ weeks: isYear ? 52 : 12 }));
  return (
    <div className="mx-auto max-w-3xl space-y-5">
      <div className="space-y-1">
        <p className="text-sm">
          <Link href="/portal/progress" className="text-brand-700 underline">
            Progress
          </Link>
        </p>
        <h1 className="text-2xl font-bold">Your check-ins</h1>
        <p className="text-stone-600">
          What you answered, {isYear ? "the last year" : "the last 12 weeks"}, newest first. Times in {history.client.timeZone.replace(/_/g, " ")}.{" "}
          <Link href={isYear ? "/portal/check-ins" : "/portal/check-ins?weeks=52"} className="text-brand-700 underline">
            {isYear ? "Show the last 12 weeks" : "Show the last year"}
          </Link>
        </p>
      </div>
      {history.responses.length === 0 ? (
        <p className="text-stone-600">No check-ins answered in this time. When your coach asks how you feel, you answer from Today.</p>
      ) : (
        <ResponseList responses={history.responses} audience="client" clientId={history.client.id} timeZone={history.client.timeZone} />
      )}
    </div>
  );
}
