"use client";

import { TemplatePicker } from "@/components/messages/template-picker";
import { ThreadView } from "@/components/messages/thread-view";
import { fillTemplate } from "@/lib/message-templates";

/** The trainer's side of a conversation: the thread, with their templates beside the composer ({first_name} filled for this client). */
export function TrainerThread({ clientId, clientName }: { clientId: string; clientName: string }) {
  return (
    <ThreadView
      source={{ kind: "conversation", clientId }}
      title="Messages"
      emptyText={`No messages yet. Write to ${clientName} below.`}
      composer={{ renderTools: (insertText) => <TemplatePicker onPick={(body) => insertText(fillTemplate(body, { name: clientName }))} /> }}
    />
  );
}
