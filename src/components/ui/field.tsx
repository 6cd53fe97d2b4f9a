import { useId } from "react";
import { cn } from "@/lib/cn";

// The form fields every page uses: a label, the control, and below it either a hint or the
// error, the one shown tied to the control (aria-describedby) so a screen reader reads it
// with the field. A new form takes these; a control of its own takes `FieldError`.

export const inputClass =
  "block h-11 w-full rounded-lg border border-stone-300 bg-white px-3 text-base text-stone-900 placeholder:text-stone-500 aria-[invalid=true]:border-red-600 sm:text-sm";

type Extra = { label: string; error?: string; hint?: string; className?: string };

/** The ids a control's `aria-describedby` names: its error, or its hint while it has none. */
export function describedBy(id: string, error?: string, hint?: string): string | undefined {
  return error ? `${id}-error` : hint ? `${id}-hint` : undefined;
}

/** The sentence beside a field that says what is wrong with it; nothing when nothing is. */
export function FieldError({ id, children, className }: { id?: string; children?: React.ReactNode; className?: string }) {
  if (!children) return null;
  return (
    <p id={id} className={cn("text-sm text-red-700", className)}>
      {children}
    </p>
  );
}

/** A field's hint, replaced by its error when there is one (ids as `describedBy` names them). */
export function FieldMessages({ id, error, hint }: { id: string; error?: string; hint?: string }) {
  if (error) return <FieldError id={`${id}-error`}>{error}</FieldError>;
  if (!hint) return null;
  return (
    <p id={`${id}-hint`} className="text-xs text-stone-600">
      {hint}
    </p>
  );
}

function FieldLabel({ htmlFor, children }: { htmlFor: string; children: React.ReactNode }) {
  return (
    <label htmlFor={htmlFor} className="block text-sm font-medium text-stone-800">
      {children}
    </label>
  );
}

/** A labelled input whose error is announced and tied to it (aria-describedby). */
export function Field({ label, error, hint, className, ...input }: React.InputHTMLAttributes<HTMLInputElement> & Extra) {
  const id = useId();
  return (
    <div className={cn("space-y-1", className)}>
      <FieldLabel htmlFor={id}>{label}</FieldLabel>
      <input id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, error, hint)} className={inputClass} {...input} />
      <FieldMessages id={id} error={error} hint={hint} />
    </div>
  );
}

/** A labelled multi-line input, its error tied to it like `Field`. */
export function TextAreaField({ label, error, hint, className, ...props }: React.TextareaHTMLAttributes<HTMLTextAreaElement> & Extra) {
  const id = useId();
  return (
    <div className={cn("space-y-1", className)}>
      <FieldLabel htmlFor={id}>{label}</FieldLabel>
      <textarea id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, error, hint)} className={cn(inputClass, "h-auto min-h-24 py-2")} {...props} />
      <FieldMessages id={id} error={error} hint={hint} />
    </div>
  );
}

/** A labelled select, its error tied to it like `Field`. */
export function SelectField({ label, error, hint, className, children, ...props }: React.SelectHTMLAttributes<HTMLSelectElement> & Extra) {
  const id = useId();
  return (
    <div className={cn("space-y-1", className)}>
      <FieldLabel htmlFor={id}>{label}</FieldLabel>
      <select id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, error, hint)} className={inputClass} {...props}>
        {children}
      </select>
      <FieldMessages id={id} error={error} hint={hint} />
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
