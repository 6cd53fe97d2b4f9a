import type { Metadata } from "next";
import { AttentionList } from "@/components/review/attention-list";
import { attentionCoachOf, type AttentionView } from "@/lib/attention";
import { requireViewer } from "@/app/require-viewer";
import { loadAttention } from "../attention-data";
import { orForbidden } from "@/trpc/server";

export const metadata: Metadata = { title: "Needs attention" };

export default async function AttentionPage({ searchParams }: { searchParams: Promise<{ view?: string }> }) {
  const params = await searchParams;
  const me = await requireViewer("trainer");
  const chosen: AttentionView | undefined = params.view === "mine" || params.view === "studio" ? params.view : undefined;
  const current: AttentionView = attentionCoachOf(me, chosen) ? "mine" : "studio";
  const items = await orForbidden(loadAttention(chosen));
  // A trainer kept to their own clients has no "whole studio" to switch to.
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-bold">Needs attention</h1>
      <p className="text-stone-600">A red flag in a client&rsquo;s health questions first (read and clear it on their page), then pain (answer it here), pain rising over their check-ins and drills the app paused by itself, then failed payments, clients whose message has waited over a day for an answer, clients who missed their days or a weekly check-in, and sessions waiting for your review. Reviewing a session, acknowledging a run that hurt, or answering a message takes it off the list; a session the client changes after your review comes back.</p>
      <AttentionList items={items} timeZone={me.timeZone} views={me.clientScope ? undefined : { current, href: (view) => `/dashboard/attention?view=${view}` }} />
    </div>
  );
}
