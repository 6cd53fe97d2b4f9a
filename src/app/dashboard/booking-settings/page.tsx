import type { Metadata } from "next";
import { priceLabel } from "@/components/booking/format";
import { Badge } from "@/components/ui/card";
import { localDateIn } from "@/lib/local-date";
import { api, orForbidden } from "@/trpc/server";
import { AvailabilityForm } from "./availability-form";
import { TYPED_DATE_WINDOWS, typedDateBounds } from "@/server/dates/typed-date";
import { ExceptionsForm } from "./exceptions-form";
import { SessionTypeForm } from "./session-type-form";

export const metadata: Metadata = { title: "Booking settings" };

export default async function BookingSettingsPage() {
  const trpc = await api();
  const [types, availability, defaults] = await Promise.all([
    orForbidden(trpc.booking.sessionTypes({ mine: true })),
    orForbidden(trpc.booking.availability()),
    orForbidden(trpc.studio.defaults()),
  ]);
  const zones = Intl.supportedValuesOf("timeZone");
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Booking settings</h1>
      <section aria-labelledby="types-heading" className="space-y-3">
        <h2 id="types-heading" className="text-xl font-semibold">
          Your session types
        </h2>
        {types.length === 0 ? <p className="text-stone-600">You offer no session types yet. Add one below.</p> : null}
        <ul className="space-y-3">
          {types.map((t) => (
            <li key={t.id}>
              <details className="group rounded-xl border border-stone-200 bg-white">
                <summary className="flex cursor-pointer flex-wrap items-center gap-x-3 gap-y-1 px-5 py-3">
                  <span className="font-medium">{t.name}</span>
                  <span className="text-sm text-stone-600">
                    {t.durationMinutes} min · {priceLabel(t)} · {t.location ?? (t.onlineUrl ? "online" : "no place set")}
                  </span>
                  <Badge className="ml-auto">Edit</Badge>
                </summary>
                <div className="p-3">
                  <SessionTypeForm initial={t} />
                </div>
              </details>
            </li>
          ))}
        </ul>
        <SessionTypeForm defaultCancelFreeUntilHours={defaults.defaultCancelFreeUntilHours} defaultCurrency={defaults.currency} />
      </section>
      <div className="grid gap-5 lg:grid-cols-2">
        <AvailabilityForm timeZone={availability.timeZone} weekly={availability.weekly} zones={zones} />
        <ExceptionsForm
          exceptions={availability.exceptions}
          today={localDateIn(new Date(), availability.timeZone)}
          lastDate={typedDateBounds(localDateIn(new Date(), availability.timeZone), TYPED_DATE_WINDOWS.availability).max}
        />
      </div>
    </div>
  );
}
