import { and, eq, gt, lt, ne, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { hashToken, newToken } from "@/server/auth/tokens";
import type { Db, Queryable } from "@/server/db/client";
import { bookings, calendarFeeds, clients, sessionTypes, studioMembers, users } from "@/server/db/schema";
import { inStudio } from "@/server/db/tenancy";
import { calendarEventOf } from "./emails";
import { buildBookingFeed } from "./ics";

// Private calendar feeds: a secret URL per trainer and per client that Google or Apple
// Calendar subscribes to. The URL is the only credential, so only its hash is stored,
// it is shown once when made, and rotating it makes the old one stop working at once.

export type FeedOwner = { memberId: string } | { clientId: string };

const DAY_MS = 86_400_000;

function ownerCondition(owner: FeedOwner) {
  return "memberId" in owner ? eq(calendarFeeds.memberId, owner.memberId) : eq(calendarFeeds.clientId, owner.clientId);
}

/** Whether the person has a feed URL, and since when (the URL itself cannot be shown again). */
export async function getFeedStatus(q: Queryable, studioId: string, owner: FeedOwner) {
  const [row] = await q.select({ createdAt: calendarFeeds.createdAt }).from(calendarFeeds).where(inStudio(calendarFeeds, studioId, ownerCondition(owner)));
  return { hasFeed: !!row, createdAt: row?.createdAt ?? null };
}

/** Makes a new secret feed URL (the old one, if any, stops working). */
export async function rotateFeed(db: Db, input: { studioId: string; owner: FeedOwner; appUrl: string; now: Date }) {
  const { token, tokenHash } = newToken();
  await db.transaction(async (tx) => {
    await tx.delete(calendarFeeds).where(inStudio(calendarFeeds, input.studioId, ownerCondition(input.owner)));
    await tx.insert(calendarFeeds).values({ studioId: input.studioId, tokenHash, createdAt: input.now, ...input.owner });
  });
  return { url: `${input.appUrl}/api/calendar/${token}.ics`, createdAt: input.now };
}

const trainerUser = alias(users, "trainer_user");

/** The .ics of a feed URL's owner: bookings from 30 days ago on, cancelled ones from the last 30 days. Null for an unknown token. */
export async function buildFeedForToken(q: Queryable, token: string, now: Date): Promise<string | null> {
  const [feed] = await q.select().from(calendarFeeds).where(eq(calendarFeeds.tokenHash, hashToken(token)));
  if (!feed) return null;
  const since = new Date(now.getTime() - 30 * DAY_MS);
  const rows = await q
    .select({
      booking: bookings,
      sessionName: sessionTypes.name,
      location: sessionTypes.location,
      onlineUrl: sessionTypes.onlineUrl,
      clientName: clients.name,
      trainerName: trainerUser.name,
    })
    .from(bookings)
    .innerJoin(sessionTypes, eq(sessionTypes.id, bookings.sessionTypeId))
    .innerJoin(clients, eq(clients.id, bookings.clientId))
    .innerJoin(studioMembers, eq(studioMembers.id, bookings.memberId))
    .innerJoin(trainerUser, eq(trainerUser.id, studioMembers.userId))
    .where(
      inStudio(
        bookings,
        feed.studioId,
        feed.memberId ? eq(bookings.memberId, feed.memberId) : eq(bookings.clientId, feed.clientId!),
        gt(bookings.endsAt, since),
        or(ne(bookings.status, "cancelled"), and(eq(bookings.status, "cancelled"), gt(bookings.cancelledAt, since))),
        lt(bookings.startsAt, new Date(now.getTime() + 400 * DAY_MS)),
      ),
    );
  const isTrainer = !!feed.memberId;
  return buildBookingFeed({
    name: "Stride sessions",
    description: isTrainer ? "Your booked sessions (private: anyone with this link can read it)." : "Your sessions (private: anyone with this link can read it).",
    now,
    refreshIntervalMinutes: 30,
    bookings: rows.map((r) =>
      calendarEventOf(r.booking, {
        sessionName: r.sessionName,
        withName: isTrainer ? r.clientName : r.trainerName,
        location: r.location,
        onlineUrl: r.onlineUrl,
      }),
    ),
  });
}
