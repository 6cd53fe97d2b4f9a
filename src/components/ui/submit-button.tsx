"use client";

import { useSyncExternalStore } from "react";
import { Button, type ButtonProps } from "./button";

const subscribeToNothing = () => () => {};

/**
 * The submit button of a form the page's script sends (onSubmit → a mutation). Until that
 * script runs it is disabled: pressed earlier, the browser would send the form itself, as a
 * GET with its fields (a password, a card number) in the address, and nothing would be saved.
 * Forms that post a server action work before then and keep the plain Button.
 */
export function SubmitButton({ disabled, ...props }: Omit<ButtonProps, "type">) {
  const isScriptRunning = useSyncExternalStore(subscribeToNothing, () => true, () => false);
  return <Button type="submit" disabled={disabled || !isScriptRunning} {...props} />;
}
