import type { Metadata } from "next";
import { ClientsScreen } from "./clients/clients-screen";

export const metadata: Metadata = { title: "Clients" };

// The dashboard opens on the client list (src/app/dashboard/clients/).
export default function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  return <ClientsScreen searchParams={searchParams} basePath="/dashboard" />;
}
