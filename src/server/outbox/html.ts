import { DEFAULT_BRAND_COLOR, isReadableUnderWhiteText, normalizeHexColor } from "@/lib/brand-color";

// Every email leaves as plain text (what the outbox stores) and as HTML dressed in the
// studio's name and colour, so a client recognises who writes to them. The HTML is the text,
// escaped, with its links made clickable: nothing in an email is written twice.

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

/** The studio's header colour: its own when white text reads on it, else Stride's green. */
function headerColor(brandColor: string | null): string {
  const hex = brandColor ? normalizeHexColor(brandColor) : null;
  return hex && isReadableUnderWhiteText(hex) ? hex : DEFAULT_BRAND_COLOR;
}

/** The email's HTML: a header with the studio's name on its colour, then the text. */
export function brandedEmailHtml(input: { studioName: string; brandColor: string | null; text: string }): string {
  const color = headerColor(input.brandColor);
  const body = escapeHtml(input.text)
    .replace(/https?:\/\/[^\s<>"']+/g, (url) => `<a href="${url}" style="color:${color}">${url}</a>`)
    .replace(/\r?\n/g, "<br>\n");
  return [
    "<!doctype html>",
    '<html><body style="margin:0;padding:0;background:#fafaf9;font-family:system-ui,-apple-system,Segoe UI,Roboto,Arial,sans-serif;color:#1c1917">',
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:600px;margin:0 auto">',
    `<tr><td style="background:${color};color:#ffffff;padding:16px 24px;font-size:18px;font-weight:bold">${escapeHtml(input.studioName)}</td></tr>`,
    `<tr><td style="background:#ffffff;padding:24px;font-size:15px;line-height:1.5">${body}</td></tr>`,
    "</table></body></html>",
  ].join("\n");
}
