// What a message's text may be, and how it is shown: plain text with web links as links and
// nothing else interpreted (no HTML, no Markdown). Shared by the composer (to say what is
// wrong before sending), the server (the rule that counts) and the thread view.

export const MESSAGE_MAX_CHARACTERS = 4000;

/** Why a message's text cannot be sent, as a sentence, or null when it can. */
export function messageTextProblem(text: string, options: { hasAttachment?: boolean } = {}): string | null {
  const trimmed = text.trim();
  if (!trimmed && !options.hasAttachment) return "Write a message before sending.";
  // Characters as a person counts them (an emoji is one), the same count the database checks.
  const length = [...trimmed].length;
  if (length > MESSAGE_MAX_CHARACTERS) {
    return `Messages can be up to ${MESSAGE_MAX_CHARACTERS.toLocaleString("en")} characters; this one has ${length.toLocaleString("en")}. Split it into two.`;
  }
  return null;
}

/** The text as it is stored: trimmed, with runs of more than two blank lines closed up. */
export function normalisedMessageText(text: string): string {
  return text.trim().replace(/\r\n?/g, "\n").replace(/\n{3,}/g, "\n\n");
}

export type MessageSegment = { kind: "text"; text: string } | { kind: "link"; text: string; href: string };

// http(s) links and bare www. addresses; a link stops at whitespace or an angle bracket, and
// trailing punctuation belongs to the sentence, not the address.
const LINK = /\b(?:https?:\/\/|www\.)[^\s<>]+/gi;
const TRAILING = /[.,;:!?)\]}'"]+$/;

/** The text cut into plain runs and links. Only http and https ever become links. */
export function messageSegments(text: string): MessageSegment[] {
  const segments: MessageSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(LINK)) {
    let raw = match[0];
    const trailing = raw.match(TRAILING)?.[0] ?? "";
    // Keep a closing bracket that closes one opened inside the address (Wikipedia-style links).
    if (trailing.startsWith(")") && raw.includes("(")) raw = raw.slice(0, raw.length - trailing.length + 1);
    else raw = raw.slice(0, raw.length - trailing.length);
    const start = match.index;
    if (start > last) segments.push({ kind: "text", text: text.slice(last, start) });
    const href = /^https?:\/\//i.test(raw) ? raw : `https://${raw}`;
    if (isWebAddress(href)) segments.push({ kind: "link", text: raw, href });
    else segments.push({ kind: "text", text: raw });
    last = start + raw.length;
  }
  if (last < text.length) segments.push({ kind: "text", text: text.slice(last) });
  return segments;
}

function isWebAddress(href: string): boolean {
  try {
    const url = new URL(href);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.includes(".");
  } catch {
    return false;
  }
}
