"use client";

import { useSyncExternalStore } from "react";
import { SelectField } from "@/components/ui/field";

const noSubscription = () => () => {};

/**
 * "Your time zone", starting at the browser's zone: the browser knows where the person is,
 * the server does not (it renders in UTC). They can still pick another; `chosen` is what
 * they sent last, so a refused form keeps it.
 */
export function TimeZoneField({ zones, fallback = "UTC", chosen, error, hint, name = "timeZone" }: { zones: string[]; fallback?: string; chosen?: string; error?: string; hint?: string; name?: string }) {
  const browserZone = useSyncExternalStore(noSubscription, () => Intl.DateTimeFormat().resolvedOptions().timeZone, () => fallback);
  const initial = chosen && zones.includes(chosen) ? chosen : zones.includes(browserZone) ? browserZone : fallback;
  // Uncontrolled on purpose: React resets a form after its action, which puts a controlled
  // select back on its first option while the state still says otherwise; the default
  // survives the reset, and the key gives a new default (the browser's zone, a refused
  // form's choice) to a fresh select.
  return (
    <SelectField key={initial} label="Your time zone" name={name} defaultValue={initial} error={error} hint={hint}>
      {zones.map((zone) => (
        <option key={zone} value={zone}>
          {zone.replaceAll("_", " ")}
        </option>
      ))}
    </SelectField>
  );
}
