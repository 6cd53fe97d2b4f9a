import { PASSWORD_RULE } from "@/lib/password-rule";
import { Field } from "./field";

type Props = Omit<React.InputHTMLAttributes<HTMLInputElement>, "type" | "autoComplete"> & {
  /** Default "New password"; a first one reads "Choose a password" or "Password". */
  label?: string;
  error?: string;
  /** What choosing it does beyond the rule ("Your other devices are signed out."), after the rule. */
  note?: string;
};

/**
 * A password someone chooses (set-up, sign-up, an invite, a reset, a change): the rule the
 * server refuses by, stated once (lib/password-rule.ts), and the browser told to offer a new
 * one rather than fill the saved one in.
 */
export function NewPasswordField({ label = "New password", name = "password", note, ...input }: Props) {
  return <Field label={label} name={name} type="password" autoComplete="new-password" hint={note ? `${PASSWORD_RULE} ${note}` : PASSWORD_RULE} {...input} />;
}
