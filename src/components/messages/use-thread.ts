"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";

/** Which thread a view shows: a client's conversation (a client leaves out the id), or the comments on one log. */
export type ThreadSource = { kind: "conversation"; clientId?: string } | { kind: "session"; sessionId: string } | { kind: "run"; runId: string } | { kind: "checkin"; checkinResponseId: string };

/** The conversation with the studio (a client) or with one client (a trainer): its latest page. */
export function useConversation(clientId?: string, enabled = true) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.message.conversation.queryOptions(clientId ? { clientId } : {}), enabled });
}

/** The thread of any source: the conversation, or the comments beside a logged session, run or answered check-in. */
export function useThread(source: ThreadSource) {
  const trpc = useTRPC();
  const conversation = useConversation(source.kind === "conversation" ? source.clientId : undefined, source.kind === "conversation");
  const log = useQuery({
    ...trpc.message.forLog.queryOptions(
      source.kind === "session" ? { sessionId: source.sessionId } : source.kind === "run" ? { runId: source.runId } : source.kind === "checkin" ? { checkinResponseId: source.checkinResponseId } : { sessionId: "" },
    ),
    enabled: source.kind !== "conversation",
  });
  return source.kind === "conversation" ? conversation : log;
}
