// The studio's choice of who sees which clients (issue 17, part 4). Shared by the server, which
// enforces it, and the settings page, which words it.

export const CLIENT_VISIBILITIES = ["all", "own"] as const;
export type ClientVisibility = (typeof CLIENT_VISIBILITIES)[number];

/**
 * Whose clients a studio member may see and act on: null for every client of the studio, or
 * a member's id for only the clients that member coaches.
 */
export type ClientScope = string | null;

/**
 * The owner runs the studio and always sees every client; a trainer sees every client too,
 * unless the owner keeps trainers to the clients they coach.
 */
export function clientScopeOf(member: { memberId: string; role: "owner" | "trainer" }, visibility: ClientVisibility): ClientScope {
  return member.role === "trainer" && visibility === "own" ? member.memberId : null;
}

/**
 * No member has this id (members' ids are random v4 uuids): a coach filter set to it lists nobody.
 * A trainer kept to their own clients who filters by a colleague gets an empty list, never the
 * colleague's clients.
 */
export const NOBODY = "00000000-0000-0000-0000-000000000000";

/** The coach a list is filtered to: the one asked for (null: any), narrowed to the member's scope. */
export function coachFilterWithin(scope: ClientScope, asked: string | null | undefined): string | null {
  if (!scope) return asked ?? null;
  return !asked || asked === scope ? scope : NOBODY;
}

export const clientVisibilityChoices: Record<ClientVisibility, { label: string; hint: string; changed: string }> = {
  all: {
    label: "Every client of the studio",
    hint: "Trainers see and help with every client, as a team.",
    changed: "Trainers now see every client of the studio.",
  },
  own: {
    label: "Only the clients they coach",
    hint: "Each trainer sees only their own clients. You, the owner, still see everyone.",
    changed: "Trainers now see only the clients they coach.",
  },
};
