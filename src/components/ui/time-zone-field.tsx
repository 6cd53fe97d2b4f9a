"use client";

import { useState, useSyncExternalStore } from "react";
import { SelectField } from "@/components/drills/fields";

const noSubscription = () => () => {};

/**
 * "Your time zone", starting at the browser's zone: the browser knows where the person is,
 * the server does not (it renders in UTC). They can still pick another.
 */
export function TimeZoneField({ zones, fallback = "UTC", error, hint, name = "timeZone" }: { zones: string[]; fallback?: string; error?: string; hint?: string; name?: string }) {
  const browserZone = useSyncExternalStore(noSubscription, () => Intl.DateTimeFormat().resolvedOptions().timeZone, () => fallback);
  const [picked, setPicked] = useState<string | null>(null);
  const timeZone = picked ?? (zones.includes(browserZone) ? browserZone : fallback);
  return (
    <SelectField label="Your time zone" name={name} value={timeZone} onChange={(e) => setPicked(e.target.value)} error={error} hint={hint}>
      {zones.map((zone) => (
        <option key={zone} value={zone}>
          {zone.replaceAll("_", " ")}
        </option>
      ))}
    </SelectField>
  );
}
