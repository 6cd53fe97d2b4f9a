import { getDb } from "@/server/db/client";
import { isSetupPending } from "./service";

// Asked by every page while a server waits for its first studio, and never again once it has
// one: set-up only ever goes from pending to done, so "done" is remembered for the process's
// life (another instance's set-up is seen on its next ask), and a set-up server pays nothing.
let isDone = false;

/** Whether this server still waits for its set-up (the root layout sends every page there). */
export async function isSetupPendingNow(): Promise<boolean> {
  if (isDone) return false;
  const isPending = await isSetupPending(await getDb());
  if (!isPending) isDone = true;
  return isPending;
}
