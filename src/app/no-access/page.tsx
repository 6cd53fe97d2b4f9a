import { signOutAction } from "@/app/actions";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

export default function NoAccess() {
  return (
    <main className="mx-auto max-w-lg px-4 py-16">
      <Card className="space-y-3">
        <h1 className="text-2xl font-bold">Your account has no studio yet</h1>
        <p className="text-stone-700">You are signed in, but no studio has you as a trainer or an active client. Ask your coach for an invite.</p>
        <form action={signOutAction}>
          <Button variant="secondary" type="submit">Sign out</Button>
        </form>
      </Card>
    </main>
  );
}
