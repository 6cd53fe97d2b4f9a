import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "~test/db";
import { createTestStudio, type TestStudio } from "~test/factories";
import { notifications } from "@/server/db/schema";
import type { NotificationKind } from "@/lib/notification-kinds";
import { notify } from "./notify";

// A kind meant for one audience (notification-kinds.ts) is refused to anyone outside it: a
// caller's mistake, thrown before anything is stored, so a client never holds a trainer's
// notification about someone's health.

const t = setupTestDatabase();

let home: TestStudio;
let other: TestStudio;

beforeAll(async () => {
  [home, other] = await Promise.all([createTestStudio(t.db, "notify-home"), createTestStudio(t.db, "notify-other")]);
});

const send = (studio: TestStudio, userId: string, kind: NotificationKind) => notify(t.db, { studioId: studio.studioId, userId, kind, title: "Title", body: "Body", url: "/" });
const storedFor = async (userId: string) => (await t.db.select().from(notifications).where(eq(notifications.userId, userId))).map((n) => n.kind);

describe("notify", () => {
  it("sends a trainer-only kind to the studio's people, and refuses it to a client or another studio's trainer", async () => {
    await send(home, home.trainer.userId, "health_flag");
    await send(home, home.owner.userId, "health_flag");
    expect(await storedFor(home.trainer.userId)).toEqual(["health_flag"]);
    await expect(send(home, home.clientA.userId, "health_flag")).rejects.toThrow(/only to a member of the studio/);
    await expect(send(home, other.trainer.userId, "health_flag")).rejects.toThrow(/only to a member of the studio/);
    expect(await storedFor(home.clientA.userId)).toEqual([]);
    expect(await storedFor(other.trainer.userId)).toEqual([]);
  });

  it("sends a client-only kind to the studio's clients, and refuses it to a trainer or another studio's client", async () => {
    await send(home, home.clientB.userId, "checkin_due");
    expect(await storedFor(home.clientB.userId)).toEqual(["checkin_due"]);
    await expect(send(home, home.owner.userId, "checkin_due")).rejects.toThrow(/only to a client of the studio/);
    await expect(send(home, other.clientB.userId, "checkin_due")).rejects.toThrow(/only to a client of the studio/);
    expect(await storedFor(other.clientB.userId)).toEqual([]);
  });

  it("is not a DomainError: nobody's input can cause it", async () => {
    const { DomainError } = await import("@/lib/errors");
    await expect(send(other, home.clientA.userId, "checkin_due")).rejects.not.toBeInstanceOf(DomainError);
  });

  it("sends a kind for everyone to anyone it is given", async () => {
    await send(other, other.owner.userId, "message");
    await send(other, other.clientA.userId, "message");
    expect(await storedFor(other.clientA.userId)).toEqual(["message"]);
  });
});
