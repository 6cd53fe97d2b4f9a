import { signOutEverywhereAction } from "@/app/actions";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DeleteAccountCard } from "./delete-account-card";
import { DeviceList, type DeviceRow } from "./device-list";
import { EmailForm } from "./email-form";
import { NotificationSettings } from "./notification-settings";
import { PasswordForm } from "./password-form";
import { ProfileForm } from "./profile-form";

export type AccountView = {
  name: string;
  email: string;
  timeZone: string;
  distanceUnit: "km" | "mi" | null;
  hasPassword: boolean;
  /** A client's name as their studio has it: typed to delete the account. */
  nameAtStudio: string | null;
  pendingEmailChange: { newEmail: string; expiresAt: Date } | null;
};

type Device = { id: string; label: string; ip: string | null; signedInAt: Date; lastSeenAt: Date; isThisDevice: boolean };

/** Times on the person's own clock, written on the server so the page reads the same once it is interactive. */
function onTheirClock(timeZone: string) {
  const format = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone });
  return (at: Date) => format.format(at);
}

/** One account settings page for trainers and clients (a client also reads distances and may delete their account). */
export function AccountSettings({ account, devices, zones, isClient, now }: { account: AccountView; devices: Device[]; zones: string[]; isClient: boolean; now: Date }) {
  const at = onTheirClock(account.timeZone);
  const rows: DeviceRow[] = devices.map((d) => ({ id: d.id, label: d.label, ip: d.ip, signedInAt: at(d.signedInAt), lastSeenAt: at(d.lastSeenAt), isThisDevice: d.isThisDevice }));
  const pending = account.pendingEmailChange
    ? { newEmail: account.pendingEmailChange.newEmail, expiresAt: at(account.pendingEmailChange.expiresAt), isExpired: account.pendingEmailChange.expiresAt.getTime() <= now.getTime() }
    : null;
  return (
    <div className="max-w-2xl space-y-5">
      <h1 className="text-2xl font-bold">Account settings</h1>
      <Card className="space-y-3">
        <h2 className="text-lg font-semibold">About you</h2>
        <ProfileForm name={account.name} timeZone={account.timeZone} distanceUnit={account.distanceUnit} zones={zones} showsDistanceUnit />
      </Card>
      <Card className="space-y-3">
        <h2 className="text-lg font-semibold">Sign-in address</h2>
        <EmailForm email={account.email} pending={pending} />
      </Card>
      <Card className="space-y-3">
        <h2 className="text-lg font-semibold">Password</h2>
        <PasswordForm hasPassword={account.hasPassword} />
      </Card>
      <Card className="space-y-3">
        <h2 className="text-lg font-semibold">Notifications</h2>
        <NotificationSettings />
      </Card>
      <Card className="space-y-3">
        <h2 className="text-lg font-semibold">Signed-in devices</h2>
        <DeviceList devices={rows} />
        <form action={signOutEverywhereAction} className="space-y-2 border-t border-stone-200 pt-3">
          <p className="text-sm text-stone-700">Signed in somewhere you no longer use? End every session, on every device, including this one.</p>
          <Button variant="secondary" size="sm" type="submit">
            Sign out everywhere
          </Button>
        </form>
      </Card>
      {isClient ? <DeleteAccountCard name={account.nameAtStudio ?? account.name} /> : null}
    </div>
  );
}
