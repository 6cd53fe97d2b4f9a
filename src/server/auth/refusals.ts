// When Auth.js's callback is posted to directly (a script, a browser without JavaScript), a
// refused sign-in comes back to the sign-in page as `?error=<type>&code=<ours>`: the sentence
// itself stays on the server. These are the sentences for those codes.

const BY_CODE: Record<string, string> = {
  invalid: "That email and password do not match an account.",
  bad_input: "Enter your email address and password again: one of them was too long or held an invisible control character.",
  throttled_account: "Too many failed sign-in attempts for this account. Try again in 15 minutes, or ask for a sign-in link by email below.",
  throttled_address: "Too many failed sign-in attempts from your network. Try again in 15 minutes.",
  deactivated: "The studio's owner has ended your access as a trainer. Ask them if you think this is a mistake.",
};

/** The sentence for a refused sign-in named in the sign-in page's address, or null when there is none. */
export function signInRefusalOf(query: { error?: string | string[]; code?: string | string[] }): string | null {
  const error = typeof query.error === "string" ? query.error : undefined;
  if (!error) return null;
  if (error === "CredentialsSignin") return BY_CODE[typeof query.code === "string" ? query.code : ""] ?? BY_CODE.invalid!;
  return "Signing in did not work on our side. Please try again in a moment.";
}
