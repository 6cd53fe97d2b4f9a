"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { Alert } from "@/components/ui/card";
import { CheckboxField, Field, SelectField } from "@/components/ui/field";
import { brandColorProblem, DEFAULT_BRAND_COLOR, normalizeHexColor } from "@/lib/brand-color";
import type { Currency } from "@/lib/money";
import { formErrorsOf, useTRPC } from "@/trpc/react";
import { SubmitButton } from "@/components/ui/submit-button";

type Settings = {
  name: string;
  slug: string;
  timeZone: string;
  currency: Currency;
  distanceUnit: "km" | "mi";
  isListed: boolean;
  brandColor: string | null;
  defaultCancelFreeUntilHours: number;
  masteryRule: { minValuePerSide: number; requiredDays: number; windowDays: number };
};

/** Every studio setting but the logo, saved together. */
export function StudioSettingsForm({ settings, zones, currencies }: { settings: Settings; zones: string[]; currencies: string[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [v, setV] = useState({
    ...settings,
    brandColor: settings.brandColor ?? "",
    defaultCancelFreeUntilHours: String(settings.defaultCancelFreeUntilHours),
    min: String(settings.masteryRule.minValuePerSide),
    days: String(settings.masteryRule.requiredDays),
    windowDays: String(settings.masteryRule.windowDays),
  });
  const set = <K extends keyof typeof v>(key: K, value: (typeof v)[K]) => setV((old) => ({ ...old, [key]: value }));
  const save = useMutation(trpc.studio.update.mutationOptions({ onSuccess: () => router.refresh() }));
  const { message, fields } = formErrorsOf(save.error);
  // What the colour looks like behind white text, and whether it will be accepted, as it is typed.
  const typedColor = normalizeHexColor(v.brandColor);
  const colorHint = v.brandColor.trim() ? (brandColorProblem(v.brandColor) ?? "White text reads well on it.") : "Empty: Stride’s green.";
  return (
    <form
      aria-label="Studio settings"
      className="space-y-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({
          name: v.name,
          slug: v.slug,
          timeZone: v.timeZone,
          currency: v.currency,
          distanceUnit: v.distanceUnit,
          isListed: v.isListed,
          brandColor: v.brandColor.trim() ? v.brandColor : null,
          defaultCancelFreeUntilHours: Number(v.defaultCancelFreeUntilHours),
          masteryRule: { minValuePerSide: Number(v.min), requiredDays: Number(v.days), windowDays: Number(v.windowDays) },
        });
      }}
    >
      <FormAlert message={message} fields={fields} />
      {save.isSuccess && !save.error ? <Alert tone="success">Saved.</Alert> : null}
      <Field label="Studio name" value={v.name} onChange={(e) => set("name", e.target.value)} error={fields.name} autoComplete="organization" />
      <Field
        label="Public page address"
        value={v.slug}
        onChange={(e) => set("slug", e.target.value)}
        error={fields.slug}
        autoCapitalize="none"
        spellCheck={false}
        hint={`Your plans page: /studios/${v.slug || "…"}/plans. Links to the old address stop working when you change it.`}
      />
      <CheckboxField label="List my studio on the Plans page" checked={v.isListed} onChange={(e) => set("isListed", e.target.checked)} />
      <SelectField label="Time zone" value={v.timeZone} onChange={(e) => set("timeZone", e.target.value)} error={fields.timeZone} hint="How the studio’s times are shown; what was logged keeps its moment.">
        {zones.map((zone) => (
          <option key={zone} value={zone}>
            {zone.replaceAll("_", " ")}
          </option>
        ))}
      </SelectField>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label="Currency of new plans" value={v.currency} onChange={(e) => set("currency", e.target.value as Currency)} error={fields.currency} hint="Existing plans keep theirs.">
          {currencies.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </SelectField>
        <SelectField label="Distances in" value={v.distanceUnit} onChange={(e) => set("distanceUnit", e.target.value as "km" | "mi")} error={fields.distanceUnit} hint="Each person can choose their own in their account.">
          <option value="km">Kilometres</option>
          <option value="mi">Miles</option>
        </SelectField>
      </div>
      <div className="space-y-1">
        <div className="flex items-end gap-3">
          <Field
            className="grow"
            label="Brand colour"
            value={v.brandColor}
            placeholder={DEFAULT_BRAND_COLOR}
            onChange={(e) => set("brandColor", e.target.value)}
            error={fields.brandColor}
            hint={colorHint}
            autoCapitalize="none"
            spellCheck={false}
          />
          <input
            type="color"
            aria-label="Pick the brand colour"
            className="mb-6 h-11 w-14 shrink-0 cursor-pointer rounded-lg border border-stone-300 bg-white p-1"
            value={typedColor ?? DEFAULT_BRAND_COLOR}
            onChange={(e) => set("brandColor", e.target.value)}
          />
        </div>
        <p aria-hidden className="inline-block rounded-lg px-3 py-2 text-sm font-medium text-white" style={{ backgroundColor: typedColor ?? DEFAULT_BRAND_COLOR }}>
          {v.name || "Your studio"} · Book a session
        </p>
      </div>
      <Field
        label="Free cancellation until (hours before)"
        inputMode="numeric"
        value={v.defaultCancelFreeUntilHours}
        onChange={(e) => set("defaultCancelFreeUntilHours", e.target.value)}
        error={fields.defaultCancelFreeUntilHours}
        hint="Where new session types start; each type keeps its own."
      />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-stone-800">Mastery rule for new prerequisites</legend>
        <p className="text-xs text-stone-600">A drill counts as mastered at this value on both sides (in its own measure), on this many of the last days.</p>
        <div className="grid grid-cols-3 items-end gap-3">
          <Field label="Minimum each side" inputMode="decimal" value={v.min} onChange={(e) => set("min", e.target.value)} error={fields["masteryRule.minValuePerSide"]} />
          <Field label="Days needed" inputMode="numeric" value={v.days} onChange={(e) => set("days", e.target.value)} error={fields["masteryRule.requiredDays"]} />
          <Field label="Out of the last (days)" inputMode="numeric" value={v.windowDays} onChange={(e) => set("windowDays", e.target.value)} error={fields["masteryRule.windowDays"]} />
        </div>
      </fieldset>
      <SubmitButton disabled={save.isPending}>
        {save.isPending ? "Saving…" : "Save settings"}
      </SubmitButton>
    </form>
  );
}
