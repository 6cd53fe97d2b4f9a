import { Field, SelectField } from "@/components/ui/field";
import { NewPasswordField } from "@/components/ui/new-password-field";
import { TimeZoneField } from "@/components/ui/time-zone-field";

const UNITS = [
  { value: "km", label: "Kilometres" },
  { value: "mi", label: "Miles" },
] as const;

type Values = Partial<Record<"studioName" | "timeZone" | "currency" | "distanceUnit" | "ownerName" | "email", string>>;
type Errors = Partial<Record<string, string>>;

/**
 * What a new studio is made of, the same whether it is a server's first-run set-up or a
 * trainer's open sign-up: name, zone, currency and distance unit.
 */
export function NewStudioFields({ zones, currencies, values, errors, nameHint }: { zones: string[]; currencies: readonly string[]; values: Values; errors: Errors; nameHint?: string }) {
  return (
    <fieldset className="space-y-4">
      <legend className="text-base font-semibold">Your studio</legend>
      <Field label="Studio name" name="studioName" required defaultValue={values.studioName} error={errors.studioName} hint={nameHint} />
      <TimeZoneField zones={zones} chosen={values.timeZone} error={errors.timeZone} hint="Your calendar, bookings and days run in this zone." />
      {/* Keys give a refused form's choice to the fresh select React makes after the action. */}
      <SelectField key={`currency-${values.currency}`} label="Currency" name="currency" defaultValue={values.currency || "GBP"} error={errors.currency} hint="What your plans and packs are priced in.">
        {currencies.map((code) => (
          <option key={code} value={code}>
            {code}
          </option>
        ))}
      </SelectField>
      <SelectField key={`unit-${values.distanceUnit}`} label="Distance unit" name="distanceUnit" defaultValue={values.distanceUnit || "km"} error={errors.distanceUnit} hint="How your clients' runs are measured.">
        {UNITS.map((unit) => (
          <option key={unit.value} value={unit.value}>
            {unit.label}
          </option>
        ))}
      </SelectField>
    </fieldset>
  );
}

/** The owner's own account, made with the studio. */
export function NewOwnerFields({ legend, values, errors }: { legend: string; values: Values; errors: Errors }) {
  return (
    <fieldset className="space-y-4">
      <legend className="text-base font-semibold">{legend}</legend>
      <Field label="Your name" name="ownerName" autoComplete="name" required defaultValue={values.ownerName} error={errors.ownerName} />
      <Field label="Email" name="email" type="email" autoComplete="email" required defaultValue={values.email} error={errors.email} />
      <NewPasswordField label="Password" required error={errors.password} />
    </fieldset>
  );
}
