// Starts a worker thread on a TypeScript module (workerData.entry, a file URL) through tsx, as
// `npm start` runs the server: see src/server/activity-import/reader-pool.ts.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.entry);
