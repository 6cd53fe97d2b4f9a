// What the server tells an open page, over the viewer's own live channel. An event says what
// changed, not the data: the page refetches what it shows through the usual authorized
// queries, so a live event can never carry more than its receiver may read.
export type LiveEvent =
  /** A message or comment was posted in a thread the receiver takes part in. */
  | { type: "thread.message"; threadId: string; messageId: string }
  /** Someone in the thread read it up to a message ("seen"). */
  | { type: "thread.seen"; threadId: string; messageId: string }
  /** The receiver's unread counts changed (e.g. they read a thread on another device). */
  | { type: "unread.changed" };

export type LiveEventType = LiveEvent["type"];
