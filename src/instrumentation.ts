// Runs once when the Next server starts: the background worker (reminders, outbox) lives in
// the server process, so on PGlite it shares the one database instance. Never during `next build`.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { startWorker } = await import("@/server/jobs/worker");
  startWorker();
}
