import Link from "next/link";
import { Alert } from "@/components/ui/card";
import type { Feedback } from "./session-form";

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
