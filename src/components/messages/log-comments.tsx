import { Card } from "@/components/ui/card";
import { ThreadView } from "./thread-view";

/** The comments beside a logged session or run: either side may write, the trainer's feedback first. */
export function LogComments({ log, canQueueOffline = false }: { log: { sessionId: string } | { runId: string }; canQueueOffline?: boolean }) {
  const source = "sessionId" in log ? ({ kind: "session", sessionId: log.sessionId } as const) : ({ kind: "run", runId: log.runId } as const);
  const id = `comments-${"sessionId" in log ? log.sessionId : log.runId}`;
  return (
    <Card className="space-y-3 p-4" id={id}>
      <h2 className="text-lg font-semibold">Comments</h2>
      <ThreadView source={source} title="Comments" emptyText="No comments yet. Ask or answer about this log below." canQueueOffline={canQueueOffline} composer={{ placeholder: "Write a comment" }} />
    </Card>
  );
}
