import { DateTime } from "luxon";
import { saveSessionType, setWeeklyAvailability } from "@/server/booking/settings";
import type { Db } from "@/server/db/client";
import { grantCredits } from "@/server/credits/service";
import type { TestStudio } from "./factories";

export const TRAINER_ZONE = "Europe/London";

/**
 * Makes the studio's trainer bookable: every day 08:00–18:00 London time, a one-hour
 * credit session (15-minute break, no notice needed) and a 30-minute paid one, and
 * `credits` credits for each client.
 */
export async function makeBookable(db: Db, s: TestStudio, options: { credits?: number; minNoticeMinutes?: number } = {}) {
  await setWeeklyAvailability(db, s.studioId, s.trainer.memberId, {
    timeZone: TRAINER_ZONE,
    weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: "08:00", end: "18:00" })),
  });
  const common = { bufferAfterMinutes: 15, minNoticeMinutes: options.minNoticeMinutes ?? 0, maxDaysAhead: 366, cancelFreeUntilHours: 24 };
  const creditType = await saveSessionType(db, s.studioId, s.trainer.memberId, {
    name: "1:1 run technique",
    durationMinutes: 60,
    location: "Track 2, Victoria Park",
    price: { kind: "credits", credits: 1 },
    ...common,
  });
  const moneyType = await saveSessionType(db, s.studioId, s.trainer.memberId, {
    name: "Video form check",
    durationMinutes: 30,
    onlineUrl: "https://meet.example.com/form-check",
    price: { kind: "money", amountMinor: 4000, currency: "GBP" },
    ...common,
  });
  const credits = options.credits ?? 5;
  if (credits > 0) {
    for (const client of [s.clientA, s.clientB]) {
      await db.transaction((tx) => grantCredits(tx, { studioId: s.studioId, clientId: client.clientId, amount: credits, reason: "test credits" }));
    }
  }
  return { creditType, moneyType };
}

/** A London wall time as an instant: london("2027-03-03T10:00"). */
export function london(localIso: string): Date {
  return DateTime.fromISO(localIso, { zone: TRAINER_ZONE }).toJSDate();
}
