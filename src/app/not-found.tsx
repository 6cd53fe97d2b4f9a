import Link from "next/link";
import { Card } from "@/components/ui/card";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-lg px-4 py-16">
      <Card className="space-y-3">
        <h1 className="text-2xl font-bold">Page not found</h1>
        <p className="text-stone-700">There is no page at this address. Check the link, or start again from the home page.</p>
        <Link href="/" className="text-brand-700 underline">
          Go to the home page
        </Link>
      </Card>
    </main>
  );
}
