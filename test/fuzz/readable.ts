/**
 * Why a refusal's message is not something to show a person, or null when it is: one short
 * sentence, never a JSON dump of zod issues, a stack trace or the database's own words.
 */
export function unreadableBecause(message: string): string | null {
  const text = message.trim();
  if (!text) return "it is empty";
  if (text.length >= 300) return `it is ${text.length} characters long`;
  if (/^[[{]/.test(text)) return "it is a JSON dump";
  if (/\n\s*at |\.[cm]?[jt]s:\d+|node_modules/.test(text)) return "it carries a stack trace";
  if (/violates|constraint "|relation "|syntax error|duplicate key|invalid input (syntax|value)|failed query|postgres|pglite|params:/i.test(text)) return "it leaks the database's words";
  if (/undefined|null|NaN|\[object /.test(text)) return "it shows a programming value";
  // No test of the first letter: a message may open with a name the studio typed ("ada already has…").
  if (!/[.!?)”"’']$/.test(text)) return "it does not end like a sentence";
  return null;
}
