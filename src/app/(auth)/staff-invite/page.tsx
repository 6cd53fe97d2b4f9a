import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { timeZoneOptions } from "@/lib/time-zones";
import { api } from "@/trpc/server";
import { AcceptStaffInviteForm } from "./accept-form";

export const metadata: Metadata = { title: "Join the studio as a trainer" };

// Opening the link only shows the form: mail scanners that open links must not spend the token.
export default async function StaffInvitePage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const invite = token && token.length <= 200 ? await (await api()).invite.previewStaff({ token }) : null;
  return (
    <main className="mx-auto max-w-md px-4 py-12">
      <Card className="space-y-4">
        {invite ? (
          <>
            <h1 className="text-2xl font-bold">Coach at {invite.studioName}</h1>
            <p className="text-stone-700">
              {invite.hasAccount
                ? "Confirm with your Stride password to join the studio as a trainer."
                : "Set your name and a password to join the studio as a trainer: you will set drills for your clients and review what they log."}
            </p>
            <AcceptStaffInviteForm token={token!} email={invite.email} hasAccount={invite.hasAccount} zones={timeZoneOptions()} />
          </>
        ) : (
          <>
            <h1 className="text-2xl font-bold">This invite link does not work</h1>
            <p className="text-stone-700">It has expired, was withdrawn, was already used, or is incomplete. Ask the studio&apos;s owner to send a new invite.</p>
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
