import Link from "next/link";
import { Card } from "@/components/ui/card";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-lg px-4 py-16">
      <Card className="space-y-3">
        <h1 className="text-2xl font-bold">Not allowed</h1>
        <p className="text-stone-700">
          You can&apos;t open this page with your account. It belongs to another area, or it isn&apos;t part of your studio.
        </p>
        <p>
          <Link href="/after-sign-in" className="text-brand-700 underline">
            Go to your home page
          </Link>
        </p>
      </Card>
    </main>
  );
}
