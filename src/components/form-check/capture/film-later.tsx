import { useId } from "react";
import { Card } from "@/components/ui/card";

/**
 * A log still waiting on the phone has no session on the server for a video to attach to (the
 * upload route checks it is theirs). Plain and light: it shows offline, where no code can load.
 */
export function FilmLater() {
  const headingId = useId();
  return (
    <Card className="p-4" role="region" aria-labelledby={headingId}>
      <h2 id={headingId} className="font-semibold">
        Form-check videos
      </h2>
      <p className="text-sm text-stone-700">Film it once this log is saved — it will sync when you are back online. Then open the session in your history to film each side.</p>
    </Card>
  );
}
