import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Card } from "@/components/ui/card";
import { env } from "@/env";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/server/seed/demo-accounts";
import { currentUserId } from "@/server/auth/next-auth";
import { signInRefusalOf } from "@/server/auth/refusals";
import { MagicLinkForm } from "./magic-link-form";
import { PasswordSignInForm } from "./password-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ error?: string | string[]; code?: string | string[] }> }) {
  if (await currentUserId()) redirect("/after-sign-in");
  const { isDemo } = env();
  const refusal = signInRefusalOf(await searchParams);
  return (
    <main className="mx-auto grid max-w-5xl gap-8 px-4 py-10 md:grid-cols-2">
      <div className="space-y-6">
        <div>
          <Link href="/" className="text-sm font-semibold text-brand-700">
            Stride
          </Link>
          <h1 className="mt-2 text-3xl font-bold tracking-tight">Sign in</h1>
          <p className="mt-1 text-stone-600">Trainers go to their dashboard, clients to their portal.</p>
        </div>
        <Card className="space-y-3">
          <PasswordSignInForm refusal={refusal} />
          <p className="text-sm">
            <Link href="/forgot-password" className="text-brand-700 underline">
              Forgot your password?
            </Link>
          </p>
        </Card>
        <Card>
          <h2 className="mb-3 text-base font-semibold">No password? Get a link</h2>
          <MagicLinkForm />
        </Card>
      </div>
      {isDemo ? (
        <Card className="self-start bg-brand-50">
          <h2 className="text-lg font-semibold">Demo accounts</h2>
          <p className="mt-1 text-sm text-stone-700">
            This is a demo studio on the embedded database. Every account uses the password{" "}
            <code className="rounded bg-white px-1.5 py-0.5 font-mono">{DEMO_PASSWORD}</code>.
          </p>
          <ul className="mt-4 divide-y divide-brand-100 text-sm">
            {DEMO_ACCOUNTS.map((account) => (
              <li key={account.email} className="flex flex-wrap items-baseline justify-between gap-x-3 py-2">
                <span className="font-medium">{account.name}</span>
                <span className="font-mono text-stone-800">{account.email}</span>
                <span className="w-full text-stone-600">{account.description}</span>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </main>
  );
}
