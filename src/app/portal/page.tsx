import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { api, orForbidden } from "@/trpc/server";

export const metadata: Metadata = { title: "Today" };

export default async function PortalHome() {
  const me = await orForbidden((await api()).portal.me());
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1 className="text-2xl font-bold">Hi {me.name.split(" ")[0]}</h1>
      <Card>
        <p className="text-stone-700">
          Your coach is <strong>{me.coachName}</strong>. The drills they assign you show up here, day by day.
        </p>
      </Card>
    </div>
  );
}
