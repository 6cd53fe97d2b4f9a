import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { CURRENCIES } from "@/lib/money";
import { timeZoneOptions } from "@/lib/time-zones";
import { api, orForbidden } from "@/trpc/server";
import { LogoForm } from "./logo-form";
import { StudioSettingsForm } from "./studio-settings-form";
import { VideoStorage } from "./video-storage";

export const metadata: Metadata = { title: "Studio settings" };

// Pages other parts of the studio's settings live on.
const MORE_SETTINGS = [
  { href: "/dashboard/settings/payments", label: "Payments (Stripe)" },
  { href: "/dashboard/settings/client-visibility", label: "Who sees which clients" },
];

export default async function StudioSettingsPage() {
  const trpc = await api();
  const me = await trpc.viewer.me();
  if (me?.kind !== "trainer" || me.role !== "owner") {
    return (
      <div className="mx-auto max-w-2xl space-y-4">
        <h1 className="text-2xl font-bold">Studio settings</h1>
        <Card>
          <p>Only the studio’s owner can change its settings. Ask your studio’s owner to change its name, address, logo or colour.</p>
        </Card>
      </div>
    );
  }
  const [settings, videoStorage] = await Promise.all([orForbidden(trpc.studio.get()), orForbidden(trpc.video.studioStorage())]);
  const zones = timeZoneOptions();
  return (
    <div className="mx-auto max-w-2xl space-y-5">
      <h1 className="text-2xl font-bold">Studio settings</h1>
      <Card className="space-y-3">
        <h2 className="text-lg font-semibold">Your studio</h2>
        <StudioSettingsForm settings={settings} zones={zones.includes(settings.timeZone) ? zones : [settings.timeZone, ...zones]} currencies={[...CURRENCIES]} />
      </Card>
      <Card className="space-y-3">
        <h2 className="text-lg font-semibold">Logo</h2>
        <LogoForm logo={settings.logo} />
      </Card>
      <VideoStorage {...videoStorage} />
      <Card className="space-y-2">
        <h2 className="text-lg font-semibold">More settings</h2>
        <ul aria-label="More settings" className="space-y-2">
          {MORE_SETTINGS.map((item) => (
            <li key={item.href}>
              <Link href={item.href} className="text-brand-700 underline">
                {item.label}
              </Link>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
