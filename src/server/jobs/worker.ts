import nodemailer from "nodemailer";
import { env } from "@/env";
import { sendBookingReminder, REMINDER_JOB } from "@/server/booking/emails";
import { getDb } from "@/server/db/client";
import { logger } from "@/server/logger";
import { deliverPendingEmails } from "@/server/outbox/service";
import { runDueJobs, type JobHandlers } from "./service";

// The in-process worker `npm start` runs inside the Next server: every few seconds it runs
// due jobs and, when SMTP_URL is set, delivers the outbox. Safe with several app instances
// on one PostgreSQL (jobs and emails are claimed with SKIP LOCKED); on PGlite it shares the
// process's one database instance.

export const jobHandlers: JobHandlers = {
  [REMINDER_JOB]: sendBookingReminder,
};

const INTERVAL_MS = 5_000;
const holder = globalThis as unknown as { __strideWorker?: NodeJS.Timeout };

export function startWorker(): void {
  if (holder.__strideWorker) return;
  const e = env();
  const transport = e.SMTP_URL ? nodemailer.createTransport(e.SMTP_URL) : null;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const db = await getDb();
      await runDueJobs(db, jobHandlers);
      if (transport) await deliverPendingEmails(db, transport, e.MAIL_FROM);
    } catch (error) {
      logger.error({ err: error }, "background worker pass failed");
    } finally {
      running = false;
    }
  };
  holder.__strideWorker = setInterval(() => void tick(), INTERVAL_MS);
  holder.__strideWorker.unref();
  logger.info({ intervalMs: INTERVAL_MS, smtp: !!transport }, "background worker started");
}

/** No new passes (on shutdown, before the database closes). */
export function stopWorker(): void {
  clearInterval(holder.__strideWorker);
  holder.__strideWorker = undefined;
}
