import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { ResetPasswordForm } from "./reset-password-form";

export const metadata: Metadata = { title: "Choose a new password" };

// Opening the link only shows the form: mail scanners that open links must not spend the token.
export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token } = await searchParams;
  return (
    <main className="mx-auto max-w-md px-4 py-12">
      <Card className="space-y-4">
        <h1 className="text-2xl font-bold">Choose a new password</h1>
        {typeof token === "string" && token ? (
          <ResetPasswordForm token={token} />
        ) : (
          <p className="text-stone-700">
            This link is incomplete. Open the link from your email again, or{" "}
            <Link href="/forgot-password" className="text-brand-700 underline">
              ask for a new one
            </Link>
            .
          </p>
        )}
      </Card>
    </main>
  );
}
