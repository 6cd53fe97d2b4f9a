"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, TextAreaField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { formatMoment } from "@/lib/video-moments";
import { formErrorsOf, useTRPC } from "@/trpc/react";

// "Comment at 0:07": the trainer pins words to the moment the player is at. The moment is
// the player's unless the trainer types one; the server checks it against the video's length.

export function CommentForm({ videoId, playerMs }: { videoId: string; playerMs: number }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [typedMoment, setTypedMoment] = useState<string | null>(null);
  const [body, setBody] = useState("");
  const moment = typedMoment ?? formatMoment(playerMs);
  const save = useMutation(
    trpc.video.comment.mutationOptions({
      onSuccess: async () => {
        setBody("");
        setTypedMoment(null);
        await queryClient.invalidateQueries({ queryKey: trpc.video.comments.queryKey({ videoId }) });
      },
    }),
  );
  const errors = formErrorsOf(save.error);
  return (
    <form
      className="space-y-3"
      aria-label="Comment at a moment"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ videoId, at: moment, body });
      }}
    >
      <FormAlert message={errors.message} fields={errors.fields} />
      <div className="grid gap-3 sm:grid-cols-[8rem_1fr]">
        <Field label="At (m:ss)" value={moment} onChange={(e) => setTypedMoment(e.target.value)} inputMode="decimal" autoComplete="off" error={errors.fields.at} hint={typedMoment === null ? "Where the player is" : undefined} />
        <TextAreaField label="What you see" value={body} onChange={(e) => setBody(e.target.value)} rows={2} maxLength={1000} error={errors.fields.body} />
      </div>
      <Button type="submit" disabled={save.isPending}>
        Comment at {moment.trim() || "…"}
      </Button>
    </form>
  );
}
