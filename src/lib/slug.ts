/**
 * Text as a lowercase ASCII slug for a file name or an id: accents dropped ("Zoë" → "zoe"),
 * every other run of non-letters one hyphen; `fallback` when nothing is left ("李").
 */
export function slugify(text: string, fallback: string, maxLength = Infinity): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+/, "")
    .slice(0, maxLength)
    .replace(/-+$/, "");
  return slug || fallback;
}
