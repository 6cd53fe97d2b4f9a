import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge, Card } from "@/components/ui/card";
import { api, orForbidden } from "@/trpc/server";
import { TrainerThread } from "./trainer-thread";

export const metadata: Metadata = { title: "Conversation" };

// The trainer's conversation with one client, with the way to the client's page.
export default async function ClientConversationPage({ params }: { params: Promise<{ clientId: string }> }) {
  const { clientId } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(clientId)) notFound();
  const client = await orForbidden((await api()).client.get({ clientId }));
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <div className="space-y-1">
        <p className="text-sm">
          <Link href="/dashboard/messages" className="text-brand-700 underline">
            Messages
          </Link>
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-bold">{client.name}</h1>
          <Badge>{client.status}</Badge>
          <Link href={`/dashboard/clients/${client.id}`} className="text-brand-700 underline">
            Client page
          </Link>
        </div>
        <p className="text-sm text-stone-600">Coached by {client.coachName}. The client, their coach and the studio&apos;s owner read this conversation.</p>
      </div>
      <Card className="p-4">
        <TrainerThread clientId={client.id} clientName={client.name} />
      </Card>
    </div>
  );
}
