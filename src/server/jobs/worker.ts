import nodemailer from "nodemailer";
import { env } from "@/env";
import { sendBookingReminder, REMINDER_JOB } from "@/server/booking/emails";
import { CHECKIN_REMIND_JOB, CHECKIN_SWEEP_JOB, checkinReminderJob, checkinSweepJob, startCheckinReminders } from "@/server/checkins/reminders";
import { getDb } from "@/server/db/client";
import { logger } from "@/server/logger";
import { removeUnsentPhotos } from "@/server/messages/photos";
import { DROP_ORIGINAL_JOB, dropOriginalJob, MEDIA_SWEEP_JOB, mediaSweepJob, scheduleMediaSweep, TRANSCODE_JOB, transcodeVideoJob, type MediaJobDeps } from "@/server/media/jobs";
import { mediaFolders, mediaStore } from "@/server/media/storage-select";
import { systemTools } from "@/server/media/tools";
import { DIGEST_JOB, digestJob, PUSH_JOB, pushNotificationJob } from "@/server/notifications/notify";
import { deliverPendingEmails, writePendingCredentials } from "@/server/outbox/service";
import { runDueJobs, type JobHandlers } from "./service";

// The in-process worker `npm start` runs inside the Next server: every few seconds it runs
// due jobs and, when SMTP_URL is set, delivers the outbox; without it, it writes sign-in links
// and invites to the log, the one place only the operator reads. Safe with several app instances
// on one PostgreSQL (jobs and emails are claimed with SKIP LOCKED); on PGlite it shares the
// process's one database instance.

const mediaDeps = (): MediaJobDeps => ({ store: mediaStore(), tools: systemTools, incomingFolder: mediaFolders(env()).incoming });

const quickJobHandlers: JobHandlers = {
  [REMINDER_JOB]: sendBookingReminder,
  [PUSH_JOB]: pushNotificationJob,
  [DIGEST_JOB]: digestJob(() => env().appUrl),
  [CHECKIN_SWEEP_JOB]: checkinSweepJob,
  [CHECKIN_REMIND_JOB]: checkinReminderJob,
  [DROP_ORIGINAL_JOB]: dropOriginalJob(mediaDeps),
  [MEDIA_SWEEP_JOB]: mediaSweepJob(mediaDeps),
};
// Run in their own loop, so a minute of ffmpeg does not hold back a booking reminder or a push.
const longJobHandlers: JobHandlers = {
  [TRANSCODE_JOB]: transcodeVideoJob(mediaDeps),
};
export const jobHandlers: JobHandlers = { ...quickJobHandlers, ...longJobHandlers };

const INTERVAL_MS = 5_000;
const SWEEP_INTERVAL_MS = 3_600_000;

function logCredential(email: { id: string; kind: string; toEmail: string; subject: string; text: string }) {
  logger.warn(
    { emailId: email.id, kind: email.kind, to: email.toEmail, subject: email.subject, text: email.text },
    `No mail server (SMTP_URL is not set): this ${email.kind.replace("_", " ")} for ${email.toEmail} is written here instead. Pass it to that person only.`,
  );
}
const holder = globalThis as unknown as { __strideWorker?: NodeJS.Timeout };

export function startWorker(): void {
  if (holder.__strideWorker) return;
  const e = env();
  const transport = e.SMTP_URL ? nodemailer.createTransport(e.SMTP_URL) : null;
  let running = false;
  let isLongRunning = false;
  const longTick = async () => {
    if (isLongRunning) return;
    isLongRunning = true;
    try {
      await runDueJobs(await getDb(), longJobHandlers);
    } catch (error) {
      logger.error({ err: error }, "background worker pass of long jobs failed");
    } finally {
      isLongRunning = false;
    }
  };
  let lastSweepAt = 0;
  let isCheckinSweepStarted = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const db = await getDb();
      // The check-in reminders' sweep re-queues itself; this process makes sure it runs (once a key).
      if (!isCheckinSweepStarted) {
        await startCheckinReminders(db, new Date());
        isCheckinSweepStarted = true;
      }
      await runDueJobs(db, quickJobHandlers);
      void longTick();
      if (transport) await deliverPendingEmails(db, transport, e.MAIL_FROM);
      else await writePendingCredentials(db, logCredential);
      // Photos uploaded for a message never sent (the person changed their mind): gone after a
      // day. Hourly, and harmless on several instances (one DELETE by age).
      if (Date.now() - lastSweepAt >= SWEEP_INTERVAL_MS) {
        lastSweepAt = Date.now();
        const removed = await removeUnsentPhotos(db, new Date());
        if (removed > 0) logger.info({ removed }, "removed photos uploaded but never sent");
        // Video uploads abandoned for a day, and files no row names (media/jobs.ts).
        await scheduleMediaSweep(db, new Date());
      }
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
