import Link from "next/link";
import { Alert } from "@/components/ui/card";

/** The outcome of a save, as the session and run forms report it (null: nothing to say yet). */
export type Feedback = { tone: "success" | "info" | "error"; message: string } | null;

/** What happened to a save, with the way to the history when it worked. */
export function SaveFeedback({ feedback }: { feedback: Feedback }) {
  if (!feedback) return null;
  return (
    <Alert tone={feedback.tone}>
      {feedback.message}
      {feedback.tone === "success" ? (
        <>
          {" "}
          <Link href="/portal/history" className="font-medium underline">
            See your history
          </Link>
        </>
      ) : null}
    </Alert>
  );
}
