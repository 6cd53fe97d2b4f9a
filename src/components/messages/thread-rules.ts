// Pure rules the thread view draws by: where "Seen" goes, when to tell the server the thread is read,
// and when the composer shows how many characters are left.
import { MESSAGE_MAX_CHARACTERS } from "@/lib/message-text";

export type ShownMessage = { id: string; createdAt: Date; isMine: boolean };

/** The id of the reader's last message when the other side has read up to it, else null. */
export function seenMessageId(messages: readonly ShownMessage[], otherSideReadAt: Date | null): string | null {
  if (!otherSideReadAt) return null;
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i]!;
    if (m.isMine) return otherSideReadAt.getTime() >= m.createdAt.getTime() ? m.id : null;
  }
  return null;
}

/** The message to mark the thread read up to: the newest one, when the other side wrote it. */
export function unreadMarker(messages: readonly ShownMessage[]): string | null {
  const last = messages[messages.length - 1];
  return last && !last.isMine ? last.id : null;
}

/** Characters left, shown once the text is near the limit (negative when over it), else null. */
export function charactersLeft(text: string): number | null {
  const length = [...text.trim()].length;
  return length >= MESSAGE_MAX_CHARACTERS - 500 ? MESSAGE_MAX_CHARACTERS - length : null;
}

/** Older pages first, without a message twice (a page fetched while a new message came in). */
export function mergeMessages<T extends { id: string }>(older: readonly T[], latest: readonly T[]): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const m of [...older, ...latest]) {
    if (seen.has(m.id)) continue;
    seen.add(m.id);
    out.push(m);
  }
  return out;
}
