import type { Metadata } from "next";
import { ThreadView } from "@/components/messages/thread-view";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "Messages" };

// The client's conversation with the studio's trainers who coach them. A message written
// offline waits on the phone (the portal's queue) and is sent once when back online.
export default function PortalMessagesPage() {
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <div>
        <h1 className="text-2xl font-bold">Messages</h1>
        <p className="text-stone-600">Ask your coach anything: how a drill should feel, a change to your plan. Your coach and the studio&apos;s owner read this conversation.</p>
      </div>
      <Card className="p-4">
        <ThreadView source={{ kind: "conversation" }} title="Messages" emptyText="No messages yet. Write the first one below." canQueueOffline />
      </Card>
    </div>
  );
}
