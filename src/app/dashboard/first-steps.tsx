import Link from "next/link";
import { Fragment } from "react";
import { Card } from "@/components/ui/card";
import type { FirstSteps } from "@/server/setup/first-steps";

const LINK = "rounded-sm font-medium text-brand-700 underline decoration-1 underline-offset-4 hover:text-brand-800";

/** "A, B and C", each part as given (a link, say), joined the way the page's English joins them. */
function inAList(parts: React.ReactNode[]): React.ReactNode {
  const placeholders = parts.map((_, i) => String(i));
  return new Intl.ListFormat("en-GB", { type: "conjunction" })
    .formatToParts(placeholders)
    .map((part, i) => (part.type === "element" ? <Fragment key={i}>{parts[Number(part.value)]}</Fragment> : part.value));
}

/**
 * A new studio's empty dashboard says what to do first, ticking off the steps already done.
 * The drills step names the built-in drills the studio really has (every studio gets them),
 * so it never offers a choice that is already made.
 */
export function FirstStepsCard({ steps }: { steps: FirstSteps }) {
  const items = [
    steps.builtInDrills.length > 0
      ? {
          isDone: steps.drills,
          title: "Assign the built-in drills, or add your own",
          text: (
            <>
              {inAList(
                steps.builtInDrills.map((drill) => (
                  <Link key={drill.id} href={`/dashboard/drills/${drill.id}`} className={LINK}>
                    {drill.name}
                  </Link>
                )),
              )}{" "}
              {steps.builtInDrills.length === 1 ? "is" : "are"} in your catalogue, ready to assign to a client
              {steps.builtInPrograms.length > 0 ? (
                <>
                  , one by one or in one step with{" "}
                  <Link href="/dashboard/programs" className={LINK}>
                    {inAList(steps.builtInPrograms)}
                  </Link>
                </>
              ) : null}
              .{" "}
              <Link href="/dashboard/drills" className={LINK}>
                See the drills
              </Link>{" "}
              or{" "}
              <Link href="/dashboard/drills/new" className={LINK}>
                add one of yours
              </Link>
              .
            </>
          ),
        }
      : {
          isDone: steps.drills,
          title: "Add your drills",
          text: (
            <>
              <Link href="/dashboard/drills/new" className={LINK}>
                Add a drill
              </Link>{" "}
              with its steps, cues and how it is measured, then assign it to a client.
            </>
          ),
        },
    {
      isDone: steps.client,
      title: "Invite a client",
      text: (
        <>
          <a href="#invite-client" className={LINK}>
            Invite them below
          </a>
          : they get an email link to set a password and see the drills you assign.
        </>
      ),
    },
    {
      isDone: steps.hours,
      title: "Set your hours",
      text: (
        <>
          <Link href="/dashboard/booking-settings" className={LINK}>
            Your bookable week and session types
          </Link>
          , so clients can book you.
        </>
      ),
    },
    {
      isDone: steps.plans,
      title: "Set your plans",
      text: (
        <>
          <Link href="/dashboard/plans" className={LINK}>
            Subscriptions and session packs
          </Link>{" "}
          that visitors can buy on your studio&apos;s page.
        </>
      ),
    },
  ];
  return (
    <Card className="space-y-3 border-brand-200 bg-brand-50">
      <h2 className="text-lg font-semibold">Start here</h2>
      <ol aria-label="First steps" className="space-y-3">
        {items.map((item) => (
          <li key={item.title} className="flex gap-3">
            <span aria-hidden className={item.isDone ? "text-emerald-700" : "text-stone-500"}>
              {item.isDone ? "✓" : "○"}
            </span>
            <div>
              <p className="font-medium">
                {item.title}
                {item.isDone ? <span className="ml-2 text-sm font-normal text-emerald-800">(done)</span> : null}
              </p>
              <p className="text-sm text-stone-700">{item.text}</p>
            </div>
          </li>
        ))}
      </ol>
    </Card>
  );
}
