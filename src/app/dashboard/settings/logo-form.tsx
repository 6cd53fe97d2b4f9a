"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { formErrorsOf, useTRPC } from "@/trpc/react";
import { SubmitButton } from "@/components/ui/submit-button";

/** Upload (PNG, JPEG or WebP, up to 2 MB) or remove the studio's logo. */
export function LogoForm({ logo }: { logo: { url: string; width: number; height: number } | null }) {
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [isUploading, setIsUploading] = useState(false);
  const [isSaved, setIsSaved] = useState(false);
  const remove = useMutation(trpc.studio.removeLogo.mutationOptions({ onSuccess: () => router.refresh() }));
  const removeError = formErrorsOf(remove.error).message;
  return (
    <div className="space-y-3">
      {logo ? (
        // eslint-disable-next-line @next/next/no-img-element -- a stored, content-addressed image: Next's optimiser adds nothing
        <img src={logo.url} alt="Your studio’s logo" width={logo.width} height={logo.height} className="h-16 w-auto rounded border border-stone-200 bg-white p-1" />
      ) : (
        <p className="text-sm text-stone-600">No logo yet: the portal shows your studio’s name.</p>
      )}
      <form
        aria-label="Upload a logo"
        className="space-y-3"
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          setError(null);
          setIsSaved(false);
          const form = e.currentTarget;
          const file = new FormData(form).get("logo");
          if (!(file instanceof File) || file.size === 0) return setError("Choose an image file to upload.");
          setIsUploading(true);
          try {
            const response = await fetch("/api/studio/logo", { method: "POST", body: new FormData(form) });
            if (!response.ok) {
              const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
              return setError(body?.error?.message ?? "The logo could not be uploaded. Try again.");
            }
            form.reset();
            setIsSaved(true);
            router.refresh();
          } catch {
            setError("The logo could not be uploaded. Check your connection and try again.");
          } finally {
            setIsUploading(false);
          }
        }}
      >
        {isSaved ? <Alert tone="success">Logo saved.</Alert> : null}
        <div className="space-y-1">
          <label htmlFor={id} className="block text-sm font-medium text-stone-800">
            Logo image
          </label>
          <input
            id={id}
            name="logo"
            type="file"
            accept="image/png,image/jpeg,image/webp"
            aria-invalid={error ? true : undefined}
            aria-describedby={`${id}-${error ? "error" : "hint"}`}
            className="block w-full text-sm file:mr-3 file:h-11 file:rounded-lg file:border file:border-stone-300 file:bg-white file:px-3"
          />
          {error ? (
            <p id={`${id}-error`} className="text-sm text-red-700">
              {error}
            </p>
          ) : (
            <p id={`${id}-hint`} className="text-xs text-stone-600">
              PNG, JPEG or WebP, up to 2 MB. It is resized to fit 512 × 512.
            </p>
          )}
        </div>
        <div className="flex flex-wrap gap-3">
          <SubmitButton variant="secondary" disabled={isUploading}>
            {isUploading ? "Uploading…" : "Upload logo"}
          </SubmitButton>
          {logo ? (
            <Button type="button" variant="ghost" onClick={() => remove.mutate()} disabled={remove.isPending}>
              Remove logo
            </Button>
          ) : null}
        </div>
        {removeError ? <Alert>{removeError}</Alert> : null}
      </form>
    </div>
  );
}
