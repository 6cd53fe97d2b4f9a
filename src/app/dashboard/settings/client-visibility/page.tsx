import type { Metadata } from "next";
import Link from "next/link";
import { api, orForbidden } from "@/trpc/server";
import { ClientVisibilityForm } from "./client-visibility-form";

export const metadata: Metadata = { title: "Who sees which clients" };

// The owner's alone: a trainer asking gets the "forbidden" page, as for revenue.
export default async function ClientVisibilityPage() {
  const { clientVisibility } = await orForbidden((await api()).clientVisibility.get());
  return (
    <div className="max-w-2xl space-y-4">
      <p className="text-sm">
        <Link href="/dashboard/settings" className="text-stone-600 underline underline-offset-2 hover:text-stone-900">
          Studio settings
        </Link>
      </p>
      <h1 className="text-2xl font-bold">Who sees which clients</h1>
      <p className="text-stone-700">
        Choose whether your trainers work as a team on every client, or each with their own. It applies everywhere in the dashboard: client lists,
        client pages, the attention queue, the overview, calendars and exports. A client a trainer invites is coached by that trainer.
      </p>
      <ClientVisibilityForm current={clientVisibility} />
    </div>
  );
}
