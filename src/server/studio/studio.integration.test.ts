import { eq } from "drizzle-orm";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { formatWhen } from "@/lib/time-wording";
import { createPlan, studiosSelling } from "@/server/billing/service";
import { practiceSessions, runs, studios } from "@/server/db/schema";
import { getStudioSettings, logoImage, type StudioSettingsInput } from "@/server/studio/service";
import { callerFor } from "../../../test/caller";
import { setupTestDatabase } from "../../../test/db";
import { createTestStudio, type TestStudio } from "../../../test/factories";
import { refusalOf } from "../../../test/refusal";
import { freshRun, freshSession } from "../../../test/training-fixtures";

const t = setupTestDatabase();
let home: TestStudio;
let other: TestStudio;

beforeAll(async () => {
  home = await createTestStudio(t.db, "home");
  other = await createTestStudio(t.db, "other");
});

const owner = () => callerFor(t.db, home.owner.userId);

async function settingsOf(studio: TestStudio): Promise<StudioSettingsInput> {
  const { logo: _logo, ...settings } = await getStudioSettings(t.db, studio.studioId);
  return settings;
}

const png = (width: number, height: number, colour = "#0f5e3f") => sharp({ create: { width, height, channels: 3, background: colour } }).png().toBuffer();

describe("the owner's studio settings", () => {
  it("saves every setting at once, and the trainers' forms start from the new defaults", async () => {
    const studio = await createTestStudio(t.db, "saving");
    const caller = callerFor(t.db, studio.owner.userId);
    const before = await caller.studio.get();
    expect(before).toMatchObject({ currency: "GBP", distanceUnit: "km", isListed: false, brandColor: null, defaultCancelFreeUntilHours: 24, masteryRule: { minValuePerSide: 30, requiredDays: 5, windowDays: 7 }, logo: null });

    const saved = await caller.studio.update({
      name: "Riverside Running",
      slug: ` Riverside-Running-${studio.studioId.slice(0, 8)} `,
      timeZone: "America/New_York",
      currency: "USD",
      distanceUnit: "mi",
      isListed: true,
      brandColor: "#1D4ED8",
      defaultCancelFreeUntilHours: 12,
      masteryRule: { minValuePerSide: 20, requiredDays: 4, windowDays: 6 },
    });
    expect(saved).toMatchObject({ name: "Riverside Running", slug: `riverside-running-${studio.studioId.slice(0, 8)}`, timeZone: "America/New_York", currency: "USD", distanceUnit: "mi", isListed: true, brandColor: "#1d4ed8" });
    expect(await caller.studio.get()).toEqual(saved);
    expect(await callerFor(t.db, studio.trainer.userId).studio.defaults()).toEqual({
      currency: "USD",
      distanceUnit: "mi",
      timeZone: "America/New_York",
      defaultCancelFreeUntilHours: 12,
      masteryRule: { minValuePerSide: 20, requiredDays: 4, windowDays: 6 },
    });
    // The client's portal is dressed in the studio's name and colour.
    expect(await callerFor(t.db, studio.clientA.userId).studio.brand()).toEqual({ name: "Riverside Running", slug: expect.stringMatching(/^riverside-running/), brandColor: "#1d4ed8", logoUrl: null, logoSha256: null });
  });

  it("clears the brand colour back to Stride's own when the field is left empty", async () => {
    const studio = await createTestStudio(t.db, "clearing");
    const caller = callerFor(t.db, studio.owner.userId);
    const settings = await settingsOf(studio);
    await caller.studio.update({ ...settings, brandColor: "#0b4a31" });
    expect((await caller.studio.update({ ...settings, brandColor: " " })).brandColor).toBeNull();
  });

  it.each([
    ["name", { name: "  " }, "Enter the studio's name."],
    ["slug", { slug: "ab" }, "Use 3 to 60 characters for the address."],
    ["slug", { slug: "river side" }, "Use lowercase letters, digits and single hyphens between them, e.g. riverside-running."],
    ["slug", { slug: "admin" }, "“admin” is reserved; pick another address."],
    ["timeZone", { timeZone: "Mars/Base" }, "Pick the studio's time zone from the list."],
    ["currency", { currency: "XYZ" }, "Pick a currency from the list."],
    ["distanceUnit", { distanceUnit: "furlongs" }, "Pick kilometres or miles."],
    ["brandColor", { brandColor: "green" }, "Enter the colour as # and six hex digits, e.g. #0f5e3f."],
    ["brandColor", { brandColor: "#ffff00" }, "White text on #ffff00 has a contrast of 1.1:1; pick a darker colour (at least 4.5:1)."],
    ["defaultCancelFreeUntilHours", { defaultCancelFreeUntilHours: -1 }, "Enter zero hours or more."],
    ["defaultCancelFreeUntilHours", { defaultCancelFreeUntilHours: 2.5 }, "Enter whole hours."],
    ["masteryRule.requiredDays", { masteryRule: { minValuePerSide: 30, requiredDays: 8, windowDays: 7 } }, "Make the days required no more than the days in the window, e.g. 5 of the last 7."],
    ["masteryRule.minValuePerSide", { masteryRule: { minValuePerSide: 0, requiredDays: 5, windowDays: 7 } }, "Enter the minimum per side as a number above 0."],
  ])("refuses a bad %s with a sentence beside it and changes nothing", async (field, change, message) => {
    const before = await settingsOf(home);
    const refusal = await refusalOf(owner().studio.update({ ...before, name: "Renamed meanwhile", ...change } as never), "studio.update");
    expect(refusal.code).toBe("BAD_REQUEST");
    expect(refusal.fields[field]).toBe(message);
    expect(await settingsOf(home)).toEqual(before);
  });

  it("refuses another studio's address, saying so beside the field, and keeps every other field", async () => {
    const [taken] = await t.db.select({ slug: studios.slug }).from(studios).where(eq(studios.id, other.studioId));
    const before = await settingsOf(home);
    const refusal = await refusalOf(owner().studio.update({ ...before, name: "Renamed meanwhile", slug: taken!.slug }), "studio.update");
    expect(refusal).toMatchObject({ code: "CONFLICT", fields: { slug: "Another studio already uses this address. Pick another one." } });
    expect(await settingsOf(home)).toEqual(before);
  });

  it("is the owner's only: a trainer, a client and a visitor are refused, and one studio's owner never changes another", async () => {
    const settings = await settingsOf(home);
    for (const userId of [home.trainer.userId, home.clientA.userId, null]) {
      await expect(callerFor(t.db, userId).studio.get()).rejects.toMatchObject({ code: userId ? "FORBIDDEN" : "UNAUTHORIZED" });
      await expect(callerFor(t.db, userId).studio.update({ ...settings, name: "Hijacked" })).rejects.toMatchObject({ code: userId ? "FORBIDDEN" : "UNAUTHORIZED" });
    }
    const otherBefore = await settingsOf(other);
    // The other studio's owner sends the home studio's settings: they land on their own studio.
    await callerFor(t.db, other.owner.userId).studio.update({ ...settings, slug: otherBefore.slug, name: "Other renamed" });
    expect(await settingsOf(home)).toEqual(settings);
    expect((await settingsOf(other)).name).toBe("Other renamed");
  });
});

describe("the logo", () => {
  it("is re-encoded as a PNG of at most 512 px, served by its hash, and removed", async () => {
    const studio = await createTestStudio(t.db, "logo");
    const caller = callerFor(t.db, studio.owner.userId);
    const jpeg = await sharp({ create: { width: 1600, height: 800, channels: 3, background: "#1d4ed8" } }).jpeg().toBuffer();
    const logo = await caller.studio.setLogo({ imageBase64: jpeg.toString("base64") });
    expect(logo).toMatchObject({ width: 512, height: 256 });
    expect(logo.url).toMatch(/^\/api\/logo\/[0-9a-f]{64}$/);
    expect((await caller.studio.get()).logo).toEqual(logo);
    const sha = logo.url.split("/").pop()!;
    const stored = await logoImage(t.db, sha, null);
    expect(stored!.subarray(0, 4)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    expect(await sharp((await logoImage(t.db, sha, 192))!).metadata()).toMatchObject({ width: 192, height: 192, format: "png" });
    expect((await callerFor(t.db, studio.clientB.userId).studio.brand())?.logoUrl).toBe(logo.url);

    const webp = await sharp({ create: { width: 64, height: 64, channels: 4, background: "#0f5e3f" } }).webp().toBuffer();
    const replaced = await caller.studio.setLogo({ imageBase64: webp.toString("base64") });
    expect(replaced.url).not.toBe(logo.url);
    expect(await logoImage(t.db, sha, null)).toBeNull();

    await caller.studio.removeLogo();
    expect((await caller.studio.get()).logo).toBeNull();
  });

  it.each([
    ["a text file", async () => Buffer.from("<svg onload=alert(1)>not an image</svg>"), "Upload the logo as a PNG, JPEG or WebP image."],
    ["a GIF", async () => sharp({ create: { width: 4, height: 4, channels: 3, background: "#000" } }).gif().toBuffer(), "Upload the logo as a PNG, JPEG or WebP image."],
    ["a cut-off PNG", async () => (await png(300, 300, "#123456")).subarray(0, 60), "That file is not a whole PNG image (or is over 6000 × 6000 pixels). Upload the logo as a PNG, JPEG or WebP image."],
    ["a file over 2 MB", async () => Buffer.concat([await png(4, 4), Buffer.alloc(2 * 1024 * 1024)]), "Upload a logo of at most 2 MB."],
  ])("refuses %s beside the field and keeps the logo it had", async (_what, file, message) => {
    const studio = await createTestStudio(t.db, "badlogo");
    const caller = callerFor(t.db, studio.owner.userId);
    const kept = await caller.studio.setLogo({ imageBase64: (await png(16, 16)).toString("base64") });
    const refusal = await refusalOf(caller.studio.setLogo({ imageBase64: (await file()).toString("base64") }), "studio.setLogo");
    expect(refusal).toMatchObject({ code: "BAD_REQUEST", fields: { logo: message } });
    expect((await caller.studio.get()).logo).toEqual(kept);
  });

  it("is set by the owner only", async () => {
    const imageBase64 = (await png(8, 8)).toString("base64");
    await expect(callerFor(t.db, home.trainer.userId).studio.setLogo({ imageBase64 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(t.db, home.trainer.userId).studio.removeLogo()).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await owner().studio.get()).logo).toBeNull();
  });
});

describe("changing the zone or the unit", () => {
  it("changes how a logged session and run are shown, never what was stored", async () => {
    const studio = await createTestStudio(t.db, "zone");
    const now = new Date("2026-06-10T12:00:00Z");
    // Logged at 11:00 UTC: 12:00 in London (BST), 07:00 in New York (EDT).
    const { sessionId } = await freshSession(t.db, studio, now);
    const { runId } = await freshRun(t.db, studio, now);
    const stored = async () => ({
      session: (await t.db.select({ performedAt: practiceSessions.performedAt, localDate: practiceSessions.localDate }).from(practiceSessions).where(eq(practiceSessions.id, sessionId)))[0]!,
      run: (await t.db.select({ startedAt: runs.startedAt, distanceM: runs.distanceM }).from(runs).where(eq(runs.id, runId)))[0]!,
    });
    const before = await stored();
    const caller = callerFor(t.db, studio.owner.userId);
    const settings = await settingsOf(studio);
    await caller.studio.update({ ...settings, timeZone: "Europe/London", distanceUnit: "km" });
    const shownInLondon = formatWhen(before.session.performedAt, (await caller.studio.get()).timeZone, now);
    await caller.studio.update({ ...settings, timeZone: "America/New_York", distanceUnit: "mi" });
    const shownInNewYork = formatWhen(before.session.performedAt, (await caller.studio.get()).timeZone, now);

    expect(await stored()).toEqual(before);
    expect(before.run.distanceM).toBe(5000);
    expect(shownInLondon).toBe("12:00 on Wed 10 June");
    expect(shownInNewYork).toBe("07:00 on Wed 10 June");
  });
});

describe("the public Plans page", () => {
  it("lists a studio with plans on sale only once its owner lists it", async () => {
    const studio = await createTestStudio(t.db, "listing");
    await createPlan(t.db, studio.studioId, { name: "Monthly", description: "", kind: "subscription", priceMinor: 4000, currency: "GBP", interval: "month", credits: null });
    const settings = await settingsOf(studio);
    const listed = async () => (await studiosSelling(t.db)).some((s) => s.slug === settings.slug);
    expect(await listed()).toBe(false);
    await callerFor(t.db, studio.owner.userId).studio.update({ ...settings, isListed: true });
    expect(await listed()).toBe(true);
  });
});
