import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { ForgotPasswordForm } from "./forgot-password-form";

export const metadata: Metadata = { title: "Forgot your password?" };

export default function ForgotPasswordPage() {
  return (
    <main className="mx-auto max-w-md px-4 py-12">
      <Card className="space-y-4">
        <h1 className="text-2xl font-bold">Forgot your password?</h1>
        <p className="text-stone-700">Type the address you sign in with. We send it a link to choose a new password, which works once, for 30 minutes.</p>
        <ForgotPasswordForm />
        <p>
          <Link href="/sign-in" className="text-sm text-brand-700 underline">
            Back to sign in
          </Link>
        </p>
      </Card>
    </main>
  );
}
