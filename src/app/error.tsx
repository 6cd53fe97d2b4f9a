"use client";

import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto max-w-lg px-4 py-16">
      <Card className="space-y-3">
        <h1 className="text-2xl font-bold">Something went wrong</h1>
        <p className="text-stone-700">This page could not load. Try again; if it keeps happening, tell us the reference below.</p>
        {error.digest ? <p className="font-mono text-xs text-stone-500">Reference: {error.digest}</p> : null}
        <Button onClick={reset}>Try again</Button>
      </Card>
    </main>
  );
}
