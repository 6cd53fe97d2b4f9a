// Rules every procedure's raw input obeys before its own schema reads it.

/** What a person is told when their text carries a NUL character. */
export const NUL_CHARACTER_MESSAGE = "Remove the invisible control character from this text and try again.";

/**
 * The dotted path of the first string (or key) holding a NUL character, or null. PostgreSQL
 * cannot store U+0000 in text or JSON, so such input ended as a server error at the first
 * query; no keyboard types it, a paste or a script can.
 */
export function pathOfNulCharacter(value: unknown, path: (string | number)[] = [], depth = 0): string | null {
  if (typeof value === "string") return value.includes("\u0000") ? path.join(".") || "input" : null;
  // Bytes (a photo, a watch's file) are not text: a zero byte is theirs to have, and walking a
  // 25 MB file as 25 million entries took seconds and half a gigabyte.
  if (depth > 20 || value === null || typeof value !== "object" || value instanceof Date || ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return null;
  const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  for (const [key, inner] of entries) {
    if (typeof key === "string" && key.includes("\u0000")) return [...path, key.replaceAll("\u0000", "")].join(".") || "input";
    const found = pathOfNulCharacter(inner, [...path, key], depth + 1);
    if (found) return found;
  }
  return null;
}
