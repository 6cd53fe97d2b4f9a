import type { Metadata } from "next";
import { AccountPage } from "@/app/account-page";

export const metadata: Metadata = { title: "Account settings" };

export default function TrainerAccountPage() {
  return <AccountPage isClient={false} />;
}
