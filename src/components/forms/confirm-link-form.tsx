import Link from "next/link";
import { Alert } from "@/components/ui/card";
import { SubmitButton } from "@/components/ui/submit-button";

/**
 * The page an emailed confirmation link opens. It confirms on a press, not on opening: mail
 * scanners open links. Done, it says what changed and where to go on.
 */
export function ConfirmLinkForm({
  prompt,
  buttonLabel,
  onConfirm,
  isPending,
  error,
  done,
}: {
  prompt: string;
  buttonLabel: string;
  onConfirm: () => void;
  isPending: boolean;
  error: string | null | undefined;
  /** Set once confirmed: the sentence, and the link onwards. */
  done: { message: React.ReactNode; linkLabel: string } | null;
}) {
  if (done) {
    return (
      <div className="space-y-4">
        <Alert tone="success">{done.message}</Alert>
        <Link href="/after-sign-in" className="text-brand-700 underline">
          {done.linkLabel}
        </Link>
      </div>
    );
  }
  return (
    <form
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        onConfirm();
      }}
    >
      {error ? <Alert>{error}</Alert> : <p>{prompt}</p>}
      <SubmitButton className="w-full" disabled={isPending}>
        {isPending ? "Confirming…" : buttonLabel}
      </SubmitButton>
    </form>
  );
}
