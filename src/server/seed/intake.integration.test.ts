import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { clients } from "@/server/db/schema";
import { DEMO_CLIENTS, OTHER_CLIENTS } from "./demo-accounts";
import { setupDemoDatabase } from "~test/demo";

const demo = setupDemoDatabase();

describe("the demo's health questions", () => {
  it("are answered by every demo client, and Leo's knee holds his programme until a trainer clears it", async () => {
    for (const client of [...DEMO_CLIENTS, ...OTHER_CLIENTS]) {
      const status = await (await demo.as(client.email)).intake.status();
      expect(status.status, client.email).toBe(client.email === "leo@stride.test" ? "held" : "answered");
    }
    const [leo] = await demo.db.select({ id: clients.id }).from(clients).where(eq(clients.email, "leo@stride.test"));
    const answers = await (await demo.as("tom@stride.test")).intake.forClient({ clientId: leo!.id });
    expect(answers.status).toBe("held");
    if (answers.status !== "held") return;
    const flagged = answers.answers.filter((a) => a.isFlagged);
    expect(flagged.map((a) => a.text)).toEqual([expect.stringContaining("Left knee")]);
    // Dana, whom the demo's stories follow, trains as usual.
    expect((await (await demo.as("dana@stride.test")).portal.today()).isHeldForHealth).toBe(false);
  });
});
