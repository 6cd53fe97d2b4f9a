import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Card } from "@/components/ui/card";
import { api, orForbidden } from "@/trpc/server";

export const metadata: Metadata = { title: "Plans" };

// The public way in: one studio goes straight to its plans; several are listed.
export default async function PlansEntry() {
  const studios = await orForbidden((await api()).billing.studios());
  if (studios.length === 1) redirect(`/studios/${studios[0]!.slug}/plans`);
  return (
    <main className="mx-auto max-w-md space-y-4 px-4 py-12">
      <h1 className="text-2xl font-bold">Plans</h1>
      {studios.length === 0 ? (
        <p>No studio has plans on sale right now.</p>
      ) : (
        <Card>
          <ul aria-label="Studios" className="space-y-2">
            {studios.map((s) => (
              <li key={s.slug}>
                <Link href={`/studios/${s.slug}/plans`} className="text-brand-700 underline">
                  {s.name}
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </main>
  );
}
