import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { env } from "@/env";
import { currentUserId } from "@/server/auth/next-auth";

const FEATURES = [
  { title: "Drills as a method, not a PDF", text: "Knee Drive, Back Rotations and Hopping with steps, cues and prescriptions your clients follow day by day." },
  { title: "Logged from the phone", text: "Hold times per side, rep counts against the target, warm-ups before each run. Works offline." },
  { title: "Progress you can coach from", text: "Left/right asymmetry, adherence, streaks, and when a client has earned the next drill." },
  { title: "Bookings and subscriptions", text: "Sessions in your time zone without double booking, packs, plans and payments in one place." },
];

export default async function Home() {
  const isSignedIn = !!(await currentUserId());
  // A hosted Stride (STRIDE_SIGNUP=open) lets a trainer start a studio of their own.
  const isSignupOpen = env().isSignupOpen;
  return (
    <main>
      <section className="bg-brand-800 text-white">
        <div className="mx-auto max-w-5xl px-4 py-16 sm:py-24">
          <p className="text-sm font-semibold tracking-wide text-brand-100 uppercase">Stride</p>
          <h1 className="mt-3 max-w-2xl text-4xl font-bold tracking-tight sm:text-5xl">Run your coaching business between the sessions.</h1>
          <p className="mt-4 max-w-xl text-lg text-brand-100">
            Stride is where a personal trainer assigns drills, sees what clients log and how they progress, and manages bookings and paid
            subscriptions.
          </p>
          <div className="mt-8 flex flex-wrap gap-3">
            {isSignupOpen && !isSignedIn ? (
              <Button asChild size="lg" className="bg-white text-brand-800 hover:bg-brand-50">
                <Link href="/sign-up">Start your studio</Link>
              </Button>
            ) : null}
            <Button asChild size="lg" className="bg-white text-brand-800 hover:bg-brand-50">
              <Link href={isSignedIn ? "/after-sign-in" : "/sign-in"}>{isSignedIn ? "Open Stride" : "Sign in"}</Link>
            </Button>
            <Button asChild size="lg" variant="ghost" className="border border-white/60 text-white hover:bg-white/10">
              <Link href="/plans">See plans and join</Link>
            </Button>
          </div>
        </div>
      </section>
      <section className="mx-auto grid max-w-5xl gap-4 px-4 py-12 sm:grid-cols-2">
        {FEATURES.map((f) => (
          <Card key={f.title}>
            <h2 className="font-semibold">{f.title}</h2>
            <p className="mt-1 text-stone-700">{f.text}</p>
          </Card>
        ))}
      </section>
    </main>
  );
}
