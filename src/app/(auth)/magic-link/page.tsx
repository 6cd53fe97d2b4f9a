import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { MagicLinkSignIn } from "./sign-in-button";

export const metadata: Metadata = { title: "Sign in with your link" };

// The link only shows a button: mail scanners that open links must not spend the token.
export default async function MagicLinkPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  return (
    <main className="mx-auto max-w-md px-4 py-12">
      <Card className="space-y-4">
        <h1 className="text-2xl font-bold">Sign in to Stride</h1>
        {token ? (
          <MagicLinkSignIn token={token} />
        ) : (
          <p>This link is incomplete. Open the link from your email again, or ask for a new one on the sign-in page.</p>
        )}
      </Card>
    </main>
  );
}
