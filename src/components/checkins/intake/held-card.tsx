import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { HELD_MESSAGE } from "@/lib/checkins/intake";

// Shown where the drills would be while the client's health answers wait for their coach, in
// the words a refused drill log uses too.
export function HeldForHealthCard() {
  return (
    <Card className="space-y-3 border-amber-300 bg-amber-50" role="region" aria-label="Waiting for your coach">
      <h2 className="text-lg font-semibold text-amber-950">Waiting for your coach</h2>
      <p className="text-amber-950">{HELD_MESSAGE}</p>
      <div className="flex flex-wrap gap-3">
        <Button asChild variant="secondary">
          <Link href="/portal/messages">Message your coach</Link>
        </Button>
        <Button asChild variant="secondary">
          <Link href="/portal/run">Log a run</Link>
        </Button>
      </div>
    </Card>
  );
}
