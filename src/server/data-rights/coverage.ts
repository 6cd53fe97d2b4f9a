// Every table that holds something about a person, and what export and deletion do with it.
// A new table with a client or user reference fails coverage.test.ts until it is listed
// here, so a person's data cannot be forgotten by the export or left behind by a deletion.
// The deletion claims ("removed") are checked against the database by
// coverage.integration.test.ts.

/** What a client's deletion does to their rows of a table. */
export type Deletion =
  | { removed: true }
  | { anonymised: string }
  | { kept: string };

/** Where the rows of a table appear in an export (a CSV file's name), or why they do not. */
export type Exported = { file: string } | { notExported: string };

export type Coverage = { exported: Exported; deletion: Deletion };

const removed = { removed: true } as const;

export const personalDataCoverage = {
  clients: {
    exported: { file: "clients.csv" },
    deletion: { anonymised: "The row stays as 'Deleted client' so payments keep their client; name and email are replaced." },
  },
  users: {
    exported: { file: "profile.csv" },
    deletion: { anonymised: "The login stays disabled and anonymised: password removed, every session ended." },
  },
  studio_members: {
    exported: { notExported: "A trainer's membership, not a client's data; trainers are not deleted through this path." },
    deletion: { kept: "Trainers are not deleted through a client's deletion." },
  },
  auth_sessions: { exported: { file: "signed-in-devices.csv" }, deletion: removed },
  auth_tokens: { exported: { notExported: "Only hashes of one-time links: nothing a person can read." }, deletion: removed },
  email_changes: {
    exported: { notExported: "A change of address still waiting for its confirmation: the address the person just typed, and a hash." },
    deletion: removed,
  },
  login_attempts: { exported: { notExported: "Throttling records (time and outcome only)." }, deletion: removed },
  outbox: { exported: { notExported: "Copies of emails already sent to the person." }, deletion: removed },
  staff_invites: {
    exported: { notExported: "An invitation to coach at the studio: the studio's staff record; a client's address cannot be invited." },
    deletion: removed,
  },
  calendar_feeds: { exported: { notExported: "A secret feed address, not data about the person." }, deletion: removed },
  assignments: { exported: { file: "assignments.csv" }, deletion: removed },
  assignment_versions: { exported: { file: "assignment-versions.csv" }, deletion: removed },
  unlock_overrides: { exported: { file: "unlocks.csv" }, deletion: removed },
  unlock_events: { exported: { file: "unlocks.csv" }, deletion: removed },
  practice_sessions: { exported: { file: "sessions.csv" }, deletion: removed },
  practice_entries: { exported: { file: "entries.csv" }, deletion: removed },
  session_reviews: { exported: { file: "sessions.csv" }, deletion: removed },
  runs: { exported: { file: "runs.csv" }, deletion: removed },
  run_reviews: { exported: { file: "runs.csv" }, deletion: removed },
  // A run's files go with it (a foreign key on delete cascade), as its review does.
  run_files: { exported: { file: "runs.csv" }, deletion: removed },
  run_tracks: { exported: { notExported: "Drawn from the run's file at import: the file itself is exported." }, deletion: removed },
  threads: { exported: { file: "messages.csv" }, deletion: removed },
  messages: { exported: { file: "messages.csv" }, deletion: removed },
  // The photo itself is a file under photos/ in the same zip, named in messages.csv.
  message_photos: { exported: { file: "messages.csv" }, deletion: removed },
  thread_reads: { exported: { notExported: "When each person last opened a thread: the 'Seen' under a message, not something they wrote." }, deletion: removed },
  push_subscriptions: {
    exported: { notExported: "A browser's address at its push service and the keys to encrypt for it: nothing the person wrote or can read." },
    deletion: removed,
  },
  notifications: { exported: { file: "notifications.csv" }, deletion: removed },
  notification_preferences: { exported: { file: "notifications.csv" }, deletion: removed },
  // Check-ins and the health questionnaire: health data (pain by place and side, red flags),
  // exported whole and removed whole. The forms and their questions are the studio's, like
  // drills: they name a trainer's membership, no client, so they are not listed here.
  checkin_responses: { exported: { file: "checkins.csv" }, deletion: removed },
  checkin_answers: { exported: { file: "checkins.csv" }, deletion: removed },
  checkin_pain_scores: { exported: { file: "checkins.csv" }, deletion: removed },
  // The check-ins scheduled for the client; a programme's schedules name no client and stay.
  checkin_schedules: { exported: { file: "checkin-schedules.csv" }, deletion: removed },
  // Form-check videos: their files (in the media store) are under videos/ in the zip. A deleted
  // session or client takes the rows; the files go with the media clean-up's orphan sweep.
  videos: { exported: { file: "videos.csv" }, deletion: removed },
  // The trainer's comments pinned to moments of the client's videos: they go with the video.
  video_comments: { exported: { file: "video-comments.csv" }, deletion: removed },
  progress_snapshots: { exported: { notExported: "A cache derived from the sessions and runs that are exported." }, deletion: removed },
  mastery_checks: { exported: { notExported: "A cache derived from the sessions that are exported." }, deletion: removed },
  bookings: {
    exported: { file: "bookings.csv" },
    deletion: { kept: "The studio's books: upcoming bookings are cancelled, past ones stay with the anonymised client." },
  },
  subscriptions: { exported: { file: "subscriptions.csv" }, deletion: { kept: "The studio's books; a running subscription is set to end." } },
  invoices: { exported: { file: "invoices.csv" }, deletion: { kept: "The studio's books (tax records)." } },
  pack_purchases: { exported: { file: "pack-purchases.csv" }, deletion: { kept: "The studio's books (tax records)." } },
  credit_ledger: { exported: { file: "credit-ledger.csv" }, deletion: { anonymised: "Kept for the books; reasons typed by a trainer are cleared." } },
  checkouts: { exported: { notExported: "A payment's working record; the payment itself is in invoices.csv." }, deletion: { anonymised: "Sign-up name, email, time zone and password hash are cleared." } },
  billing_customers: { exported: { notExported: "Only the payment provider's customer id." }, deletion: { kept: "Links the books to the payment provider." } },
} satisfies Record<string, Coverage>;

/**
 * Tables that reach a person without a column or foreign key saying so: found by content
 * (login_attempts by an email or user id in its key, outbox and staff_invites by an address).
 */
export const personalByContent = ["login_attempts", "outbox", "staff_invites"] as const;

/**
 * Tables that reach a person by a column or key and hold nothing about them, each with why.
 * Empty today; a table listed here is checked to really reach a person.
 */
export const notPersonal: Record<string, string> = {};
