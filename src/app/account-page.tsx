import { timeZoneOptions } from "@/lib/time-zones";
import { api } from "@/trpc/server";
import { AccountSettings } from "@/components/account/account-settings";

/** The account settings page's data, for the dashboard's and the portal's route alike. */
export async function AccountPage({ isClient }: { isClient: boolean }) {
  const caller = await api();
  const [account, devices] = await Promise.all([caller.account.get(), caller.account.devices()]);
  // A zone saved under an older name still shows as chosen.
  const zones = timeZoneOptions();
  return <AccountSettings account={account} devices={devices} zones={zones.includes(account.timeZone) ? zones : [account.timeZone, ...zones]} isClient={isClient} now={new Date()} />;
}
