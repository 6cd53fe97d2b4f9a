import type { Metadata } from "next";
import Link from "next/link";
import { FeelSection } from "@/components/progression/feel-section";
import { ProgressView } from "@/components/progression/progress-view";
import { api, orForbidden } from "@/trpc/server";

export const metadata: Metadata = { title: "Client progress" };

export default async function ClientProgressPage({ params }: { params: Promise<{ clientId: string }> }) {
  const { clientId } = await params;
  const trpc = await api();
  const [data, feel] = await Promise.all([orForbidden(trpc.progression.forClient({ clientId })), orForbidden(trpc.checkinHistory.forClient({ clientId }))]);
  return (
    <div className="space-y-6">
      <Link href={`/dashboard/clients/${clientId}`} className="text-sm text-brand-700 underline">
        ← {data.client.name}
      </Link>
      <div>
        <h1 className="text-2xl font-bold">{data.client.name}: progress</h1>
        <p className="text-stone-600">
          As of {data.today} in {data.client.timeZone}. Asymmetry is flagged above {data.asymmetryThresholdPercent}% (set on the{" "}
          <Link href="/dashboard/overview" className="text-brand-700 underline">
            studio overview
          </Link>
          ).
        </p>
      </div>
      <ProgressView data={data} audience="trainer" exportBase={`/api/progress/export?clientId=${clientId}`} feel={<FeelSection data={feel} audience="trainer" />} />
    </div>
  );
}
