// The studio's public address: /studios/<slug>/plans. Lowercase letters, digits and single
// hyphens between them, so it reads in a link and never needs escaping.

export const MIN_SLUG_LENGTH = 3;
export const MAX_SLUG_LENGTH = 60;

/** Paths the app could one day serve under /studios/ itself; a studio cannot take them. */
const RESERVED_SLUGS = new Set(["new", "admin", "api", "settings", "plans", "studio", "studios"]);

/** What a person typed as the slug, tidied: trimmed and lowercased. */
export function normalizeSlug(text: string): string {
  return text.trim().toLowerCase();
}

/** Why this slug cannot be a studio's address, as a sentence, or null when it can (taken or not). */
export function slugProblem(text: string): string | null {
  const slug = normalizeSlug(text);
  if (slug.length < MIN_SLUG_LENGTH || slug.length > MAX_SLUG_LENGTH) return `Use ${MIN_SLUG_LENGTH} to ${MAX_SLUG_LENGTH} characters for the address.`;
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)) return "Use lowercase letters, digits and single hyphens between them, e.g. riverside-running.";
  if (RESERVED_SLUGS.has(slug)) return `“${slug}” is reserved; pick another address.`;
  return null;
}
