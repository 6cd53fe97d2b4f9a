import type { Metadata } from "next";
import Link from "next/link";
import { ExportLink } from "@/components/data-rights/export-link";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "My data" };

export default function MyDataPage() {
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-bold">My data</h1>
      <Card className="space-y-3">
        <h2 className="text-lg font-semibold">Download my data</h2>
        <p className="text-sm text-stone-700">
          Everything Stride holds about you at this studio, as spreadsheet files (CSV) in one zip: your profile, your drills and
          prescriptions, every session and run you logged with your coach’s feedback, your bookings, payments and credits. Times are
          given in UTC and on your own clock.
        </p>
        <ExportLink href="/api/export/mine" label="Download my data" description="A zip file with a read-me and one CSV file per kind of record." />
      </Card>
      <Card className="space-y-2">
        <h2 className="text-lg font-semibold">Deleting your account</h2>
        <p className="text-sm text-stone-700">
          You can delete it yourself in{" "}
          <Link href="/portal/account" className="text-brand-700 underline">
            Account settings
          </Link>
          , or ask the studio owner to: it removes your name, email, sign-in and everything you logged. The studio keeps its records of
          payments, without your name.
        </p>
      </Card>
    </div>
  );
}
