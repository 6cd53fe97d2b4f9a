import type { Metadata } from "next";
import { AttentionList } from "@/components/review/attention-list";
import { loadAttention } from "../attention-data";
import { api, orForbidden } from "@/trpc/server";

export const metadata: Metadata = { title: "Needs attention" };

export default async function AttentionPage() {
  const trpc = await api();
  const [items, me] = await Promise.all([orForbidden(loadAttention()), orForbidden(trpc.viewer.me())]);
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-bold">Needs attention</h1>
      <p className="text-stone-600">Pain first, then clients who missed their days, then sessions waiting for your review. Reviewing a session takes it off the list.</p>
      <AttentionList items={items} timeZone={me?.timeZone ?? "UTC"} />
    </div>
  );
}
