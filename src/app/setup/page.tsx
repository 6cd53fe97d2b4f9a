import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { CURRENCIES } from "@/lib/money";
import { timeZoneOptions } from "@/lib/time-zones";
import { isSetupPendingNow } from "@/server/setup/pending";
import { SetupForm } from "./setup-form";

export const metadata: Metadata = { title: "Set up your studio" };

// Only while the server has no studio: once set up, this page is gone for good.
export default async function SetupPage() {
  if (!(await isSetupPendingNow())) notFound();
  return (
    <main className="mx-auto max-w-lg px-4 py-12">
      <Card className="space-y-4">
        <h1 className="text-2xl font-bold">Set up your studio</h1>
        <p className="text-stone-700">
          This Stride has no studio yet. Name yours and make your owner&apos;s account. The set-up code in the server&apos;s log proves you
          run this server; it works once.
        </p>
        <SetupForm zones={timeZoneOptions()} currencies={CURRENCIES} />
      </Card>
    </main>
  );
}
