import { Card } from "@/components/ui/card";
import { ThreadView, type ThreadViewProps } from "./thread-view";

type Log = { sessionId: string } | { runId: string } | { checkinResponseId: string };

function sourceOf(log: Log): ThreadViewProps["source"] {
  if ("sessionId" in log) return { kind: "session", sessionId: log.sessionId };
  if ("runId" in log) return { kind: "run", runId: log.runId };
  return { kind: "checkin", checkinResponseId: log.checkinResponseId };
}

/** The comments beside a logged session, run or answered check-in: either side may write, the trainer's feedback first. */
export function LogComments({ log, canQueueOffline = false }: { log: Log; canQueueOffline?: boolean }) {
  const id = `comments-${"sessionId" in log ? log.sessionId : "runId" in log ? log.runId : log.checkinResponseId}`;
  const what = "checkinResponseId" in log ? "check-in" : "log";
  return (
    <Card className="space-y-3 p-4" id={id}>
      <h2 className="text-lg font-semibold">Comments</h2>
      <ThreadView source={sourceOf(log)} title="Comments" emptyText={`No comments yet. Ask or answer about this ${what} below.`} canQueueOffline={canQueueOffline} composer={{ placeholder: "Write a comment" }} />
    </Card>
  );
}
