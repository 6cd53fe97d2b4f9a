import { TEST_MODE_LABEL } from "@/lib/test-mode";

/** Shown on every payment screen while no Stripe key is set, so nobody mistakes it for a real payment. */
export function TestModeNotice({ detail }: { detail?: string }) {
  return (
    <div role="note" aria-label="Test mode" className="rounded-lg border-2 border-dashed border-amber-500 bg-amber-50 px-4 py-3 text-sm text-amber-950">
      <p className="font-semibold">{TEST_MODE_LABEL}</p>
      {detail ? <p className="mt-1">{detail}</p> : null}
    </div>
  );
}
