import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { DrillForm } from "../drill-form";

export const metadata: Metadata = { title: "New drill" };

export default function NewDrillPage() {
  return (
    <div className="mx-auto max-w-3xl space-y-5">
      <Link href="/dashboard/drills" className="text-sm text-brand-700 underline">
        ← Drills
      </Link>
      <h1 className="text-2xl font-bold">New drill</h1>
      <Card>
        <DrillForm />
      </Card>
    </div>
  );
}
