"use client";

import dynamic from "next/dynamic";
import type { DueCheckins } from "@/server/checkins/answer-service";

// The check-in cards bring the answer form, its zod rules and luxon (~60 KB gzip): loaded only
// on a day with a check-in to show, so the Today page of every other day ships none of it.
// Rendered on the server as before; the browser fetches the chunk as it hydrates the card.
const CheckinsToday = dynamic(() => import("./checkins-today").then((m) => m.CheckinsToday));

export function CheckinsTodayLazy({ due }: { due: DueCheckins }) {
  if (due.open.length === 0 && due.answered.length === 0) return null;
  return <CheckinsToday due={due} />;
}
