import { and, eq, ne, type SQL } from "drizzle-orm";
import type { Db, Queryable } from "@/server/db/client";
import { progressionSettings, studioLogos, studios } from "@/server/db/schema";
import { inStudio } from "@/server/db/tenancy";
import { DEFAULT_MASTERY_RULE, type MasteryRule } from "@/lib/drills/vocabulary";
import type { DistanceUnit } from "@/lib/distance-units";
import { DomainError } from "@/lib/errors";
import type { Currency } from "@/lib/money";
import { processLogo, squareIcon } from "./logo";

// The studio's own settings, changed by its owner: who it is (name, address, logo, colour),
// how it shows things (zone, currency, unit) and what new things start from (the mastery rule
// of a new prerequisite, the cancellation window of a new session type). Changing how things
// are shown never rewrites what was stored: instants stay instants, metres stay metres.

export type StudioSettingsInput = {
  name: string;
  slug: string;
  timeZone: string;
  currency: Currency;
  distanceUnit: DistanceUnit;
  isListed: boolean;
  brandColor: string | null;
  defaultCancelFreeUntilHours: number;
  masteryRule: MasteryRule;
};

const SLUG_TAKEN = "Another studio already uses this address. Pick another one.";

/** Where a logo is served: its content hash is its address, so a new logo is a new URL. */
export function logoUrlOf(sha256: string, size?: 192 | 512): string {
  return `/api/logo/${sha256}${size ? `?size=${size}` : ""}`;
}

async function logoOf(q: Queryable, studioId: string) {
  const [logo] = await q.select({ sha256: studioLogos.sha256, width: studioLogos.width, height: studioLogos.height }).from(studioLogos).where(inStudio(studioLogos, studioId));
  return logo ? { url: logoUrlOf(logo.sha256), width: logo.width, height: logo.height } : null;
}

/** The mastery rule a new prerequisite starts from: the owner's, or Stride's (5 of 7 days at 30). */
export async function masteryRuleDefaultOf(q: Queryable, studioId: string): Promise<MasteryRule> {
  const [row] = await q
    .select({ minValuePerSide: progressionSettings.defaultMasteryMinPerSide, requiredDays: progressionSettings.defaultMasteryRequiredDays, windowDays: progressionSettings.defaultMasteryWindowDays })
    .from(progressionSettings)
    .where(eq(progressionSettings.studioId, studioId));
  return row ?? { ...DEFAULT_MASTERY_RULE };
}

/** Everything the owner's settings page shows. */
export async function getStudioSettings(q: Queryable, studioId: string) {
  const [studio] = await q
    .select({
      name: studios.name,
      slug: studios.slug,
      timeZone: studios.timeZone,
      currency: studios.currency,
      distanceUnit: studios.distanceUnit,
      isListed: studios.isListed,
      brandColor: studios.brandColor,
      defaultCancelFreeUntilHours: studios.defaultCancelFreeUntilHours,
    })
    .from(studios)
    .where(eq(studios.id, studioId));
  if (!studio) throw new DomainError("NOT_FOUND", "Your studio no longer exists.");
  return { ...studio, currency: studio.currency as Currency, masteryRule: await masteryRuleDefaultOf(q, studioId), logo: await logoOf(q, studioId) };
}

/** What new plans, session types and prerequisites start from, for every trainer's forms. */
export async function studioDefaults(q: Queryable, studioId: string) {
  const { currency, distanceUnit, timeZone, defaultCancelFreeUntilHours, masteryRule } = await getStudioSettings(q, studioId);
  return { currency, distanceUnit, timeZone, defaultCancelFreeUntilHours, masteryRule };
}

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === "23505") return true;
  }
  return false;
}

/**
 * Saves every setting at once, or none: a taken address refuses the whole form. Old links to
 * the previous address stop working; the page says so beside the field.
 */
export async function updateStudioSettings(db: Db, input: { studioId: string; memberId: string; now: Date; settings: StudioSettingsInput }) {
  const { studioId, settings: s } = input;
  try {
    return await db.transaction(async (tx) => {
      const [taken] = await tx.select({ id: studios.id }).from(studios).where(and(eq(studios.slug, s.slug), ne(studios.id, studioId))).limit(1);
      if (taken) throw new DomainError("CONFLICT", SLUG_TAKEN, "slug");
      await tx
        .update(studios)
        .set({
          name: s.name,
          slug: s.slug,
          timeZone: s.timeZone,
          currency: s.currency,
          distanceUnit: s.distanceUnit,
          isListed: s.isListed,
          brandColor: s.brandColor,
          defaultCancelFreeUntilHours: s.defaultCancelFreeUntilHours,
        })
        .where(eq(studios.id, studioId));
      const mastery = {
        defaultMasteryMinPerSide: s.masteryRule.minValuePerSide,
        defaultMasteryRequiredDays: s.masteryRule.requiredDays,
        defaultMasteryWindowDays: s.masteryRule.windowDays,
        updatedByMemberId: input.memberId,
        updatedAt: input.now,
      };
      await tx.insert(progressionSettings).values({ studioId, ...mastery }).onConflictDoUpdate({ target: progressionSettings.studioId, set: mastery });
      return getStudioSettings(tx, studioId);
    });
  } catch (error) {
    // Two studios taking one address at once: the unique key decides, the loser is told.
    if (isUniqueViolation(error)) throw new DomainError("CONFLICT", SLUG_TAKEN, "slug");
    throw error;
  }
}

/** Replaces the studio's logo with an upload, once it is checked and re-encoded. */
export async function setStudioLogo(db: Db, studioId: string, bytes: Uint8Array, now: Date) {
  const logo = await processLogo(bytes);
  const row = { studioId, sha256: logo.sha256, png: logo.png, width: logo.width, height: logo.height, updatedAt: now };
  await db.insert(studioLogos).values(row).onConflictDoUpdate({ target: studioLogos.studioId, set: row });
  return { url: logoUrlOf(logo.sha256), width: logo.width, height: logo.height };
}

export async function removeStudioLogo(db: Db, studioId: string) {
  await db.delete(studioLogos).where(inStudio(studioLogos, studioId));
  return { logo: null };
}

/**
 * A logo by its content hash, as stored or as a square app icon. Logos are public (they are
 * on the studio's public pages and in its installed app); the hash names the bytes exactly.
 */
export async function logoImage(q: Queryable, sha256: string, size: 192 | 512 | null): Promise<Buffer | null> {
  const [logo] = await q.select({ png: studioLogos.png }).from(studioLogos).where(eq(studioLogos.sha256, sha256)).limit(1);
  if (!logo) return null;
  return size ? squareIcon(logo.png, size) : logo.png;
}

export type StudioBrand = { name: string; slug: string; brandColor: string | null; logoUrl: string | null; logoSha256: string | null };

/** How a studio presents itself: its name, public address, colour and logo. */
export function studioBrand(q: Queryable, studioId: string): Promise<StudioBrand | null> {
  return brandWhere(q, eq(studios.id, studioId));
}

/** The same, by the studio's public address (its installed app's manifest). */
export function studioBrandBySlug(q: Queryable, slug: string): Promise<StudioBrand | null> {
  return brandWhere(q, eq(studios.slug, slug));
}

async function brandWhere(q: Queryable, where: SQL): Promise<StudioBrand | null> {
  const [row] = await q
    .select({ name: studios.name, slug: studios.slug, brandColor: studios.brandColor, logoSha256: studioLogos.sha256 })
    .from(studios)
    .leftJoin(studioLogos, eq(studioLogos.studioId, studios.id))
    .where(where);
  if (!row) return null;
  return { name: row.name, slug: row.slug, brandColor: row.brandColor, logoSha256: row.logoSha256, logoUrl: row.logoSha256 ? logoUrlOf(row.logoSha256) : null };
}

/** The server's only studio (a self-hosted server), or null when it has none or several. */
export async function onlyStudioId(q: Queryable): Promise<string | null> {
  const rows = await q.select({ id: studios.id }).from(studios).limit(2);
  return rows.length === 1 ? rows[0]!.id : null;
}
