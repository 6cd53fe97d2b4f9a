"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Alert, Card } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { formErrorsOf, useTRPC } from "@/trpc/react";

/**
 * The private calendar feed: the secret URL is shown once, when it is made; after that the
 * person can only make a new one, which stops the old one.
 */
export function FeedLink({ who }: { who: "trainer" | "client" }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = who === "trainer" ? trpc.booking : trpc.portalBooking;
  const status = useQuery(router.feed.queryOptions());
  const [url, setUrl] = useState<string | null>(null);
  const rotate = useMutation(
    router.rotateFeed.mutationOptions({
      onSuccess: async (result) => {
        setUrl(result.url);
        await queryClient.invalidateQueries({ queryKey: router.feed.queryKey() });
      },
    }),
  );
  const hasFeed = status.data?.hasFeed;
  return (
    <Card className="space-y-3">
      <h2 className="text-lg font-semibold">Calendar subscription</h2>
      <p className="text-sm text-stone-700">
        Subscribe to your sessions from Google Calendar (Other calendars → From URL) or Apple Calendar (File → New Calendar
        Subscription). The link is private: anyone who has it can read your sessions.
      </p>
      {url ? (
        <div className="space-y-2">
          <label className="block space-y-1 text-sm font-medium">
            <span>Your calendar link (copy it now: it is shown only once)</span>
            <input readOnly value={url} className={inputClass} onFocus={(e) => e.currentTarget.select()} />
          </label>
          <Button type="button" variant="secondary" size="sm" onClick={() => void navigator.clipboard?.writeText(url)}>
            Copy link
          </Button>
        </div>
      ) : hasFeed ? (
        <p className="text-sm text-stone-700">
          You made a link on {status.data?.createdAt?.toISOString().slice(0, 10)}. It keeps working until you make a new one.
        </p>
      ) : null}
      {rotate.error ? <Alert>{formErrorsOf(rotate.error).message}</Alert> : null}
      <Button type="button" variant={hasFeed ? "secondary" : "primary"} onClick={() => rotate.mutate()} disabled={rotate.isPending}>
        {hasFeed ? "Make a new link (the old one stops working)" : "Make my calendar link"}
      </Button>
    </Card>
  );
}
