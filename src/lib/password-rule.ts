// The rule for a password someone chooses, in one place: the server's schema
// (server/auth/credentials.ts) refuses by it and every form that asks for a new password
// states it (components/ui/new-password-field.tsx), so the two can never disagree.

/** Long enough that guessing it online, under the sign-in throttle, is hopeless. */
export const PASSWORD_MIN_LENGTH = 10;
/** What the sign-in form accepts, so a chosen password can always be typed there. */
export const PASSWORD_MAX_LENGTH = 200;

/** The rule as the form's hint says it. */
export const PASSWORD_RULE = `At least ${PASSWORD_MIN_LENGTH} characters.`;
/** The refusal of a password that breaks it. */
export const PASSWORD_TOO_SHORT = `Choose a password of at least ${PASSWORD_MIN_LENGTH} characters.`;
export const PASSWORD_TOO_LONG = `Use at most ${PASSWORD_MAX_LENGTH} characters for the password.`;
