import * as LabelPrimitive from "@radix-ui/react-label";
import { useId } from "react";
import { inputClass } from "@/components/ui/field";
import { cn } from "@/lib/cn";

type Extra = { label: string; error?: string; hint?: string; className?: string };

function described(id: string, error?: string, hint?: string) {
  return [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;
}

function Messages({ id, error, hint }: { id: string; error?: string; hint?: string }) {
  return (
    <>
      {hint && !error ? (
        <p id={`${id}-hint`} className="text-xs text-stone-600">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </>
  );
}

/** A labelled multi-line input, its error tied to it like `Field`. */
export function TextAreaField({ label, error, hint, className, ...props }: React.TextareaHTMLAttributes<HTMLTextAreaElement> & Extra) {
  const id = useId();
  return (
    <div className={cn("space-y-1", className)}>
      <LabelPrimitive.Root htmlFor={id} className="block text-sm font-medium text-stone-800">
        {label}
      </LabelPrimitive.Root>
      <textarea
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={described(id, error, hint)}
        className={cn(inputClass, "h-auto min-h-24 py-2")}
        {...props}
      />
      <Messages id={id} error={error} hint={hint} />
    </div>
  );
}

/** A labelled select, its error tied to it like `Field`. */
export function SelectField({ label, error, hint, className, children, ...props }: React.SelectHTMLAttributes<HTMLSelectElement> & Extra) {
  const id = useId();
  return (
    <div className={cn("space-y-1", className)}>
      <LabelPrimitive.Root htmlFor={id} className="block text-sm font-medium text-stone-800">
        {label}
      </LabelPrimitive.Root>
      <select id={id} aria-invalid={error ? true : undefined} aria-describedby={described(id, error, hint)} className={inputClass} {...props}>
        {children}
      </select>
      <Messages id={id} error={error} hint={hint} />
    </div>
  );
}

/** A checkbox with its label beside it. */
export function CheckboxField({ label, className, ...props }: Omit<React.InputHTMLAttributes<HTMLInputElement>, "type"> & { label: React.ReactNode; className?: string }) {
  return (
    <label className={cn("flex min-h-11 items-center gap-2 text-sm", className)}>
      <input type="checkbox" className="size-5 accent-brand-700" {...props} />
      <span>{label}</span>
    </label>
  );
}

/**
 * The form's one alert: the server's message when it is about the whole form, or a pointer
 * to the fields when each mistake is already shown beside its field.
 */
export function FormAlert({ message, fields }: { message: string | null; fields: Record<string, string | undefined> }) {
  if (!message) return null;
  const text = Object.keys(fields).length > 0 ? "Some fields need fixing; see the messages beside them." : message;
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
      {text}
    </div>
  );
}
