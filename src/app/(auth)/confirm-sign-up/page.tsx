import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { ConfirmSignUpButton } from "./confirm-sign-up-button";

export const metadata: Metadata = { title: "Confirm your email" };

// The link only shows a button: mail scanners open links, and opening must not spend it.
export default async function ConfirmSignUpPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token } = await searchParams;
  return (
    <main className="mx-auto max-w-md px-4 py-12">
      <Card className="space-y-4">
        <h1 className="text-2xl font-bold">Confirm your email</h1>
        {typeof token !== "string" || !token ? (
          <p className="text-stone-700">This link is incomplete. Open the link from your email again, or press “Send again” on your dashboard.</p>
        ) : (
          <ConfirmSignUpButton token={token} />
        )}
      </Card>
    </main>
  );
}
