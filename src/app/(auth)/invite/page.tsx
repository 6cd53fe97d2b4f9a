import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { timeZoneOptions } from "@/lib/time-zones";
import { api } from "@/trpc/server";
import { AcceptInviteForm } from "./accept-form";

export const metadata: Metadata = { title: "Accept your invite" };

// Opening the link only shows the form: mail scanners that open links must not spend the token.
export default async function InvitePage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const invite = token && token.length <= 200 ? await (await api()).invite.preview({ token }) : null;
  const zones = timeZoneOptions();
  return (
    <main className="mx-auto max-w-md px-4 py-12">
      <Card className="space-y-4">
        {invite ? (
          <>
            <h1 className="text-2xl font-bold">Join {invite.studioName}</h1>
            <p className="text-stone-700">
              Hi {invite.name.split(" ")[0]}, set a password and your time zone to see the drills your trainer sets you.
            </p>
            <AcceptInviteForm token={token!} email={invite.email} zones={zones} />
          </>
        ) : (
          <>
            <h1 className="text-2xl font-bold">This invite link does not work</h1>
            <p className="text-stone-700">It has expired, was already used, or is incomplete. Ask your trainer to send a new invite.</p>
            <p>
              <Link href="/sign-in" className="text-brand-700 underline">
                Already joined? Sign in
              </Link>
            </p>
          </>
        )}
      </Card>
    </main>
  );
}
