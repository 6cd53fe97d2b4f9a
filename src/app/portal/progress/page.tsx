import type { Metadata } from "next";
import { FeelSection } from "@/components/progression/feel-section";
import { ProgressView } from "@/components/progression/progress-view";
import { UnlockNotice } from "@/components/progression/unlock-notice";
import { api, orForbidden } from "@/trpc/server";

export const metadata: Metadata = { title: "Progress" };

export default async function PortalProgress() {
  const trpc = await api();
  const [data, unlocks, feel] = await Promise.all([orForbidden(trpc.progression.mine()), orForbidden(trpc.progression.unlockNotices()), orForbidden(trpc.checkinHistory.mine())]);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Progress</h1>
        <p className="text-stone-600">Worked out from what you log, in your own days ({data.client.timeZone}).</p>
      </div>
      <UnlockNotice unlocks={unlocks} />
      <ProgressView data={data} audience="client" exportBase="/api/progress/export" feel={<FeelSection data={feel} audience="client" />} />
    </div>
  );
}
