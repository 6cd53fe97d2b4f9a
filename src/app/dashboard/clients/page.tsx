import type { Metadata } from "next";
import { ClientsScreen } from "./clients-screen";

export const metadata: Metadata = { title: "Clients" };

export default function ClientsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  return <ClientsScreen searchParams={searchParams} basePath="/dashboard/clients" />;
}
