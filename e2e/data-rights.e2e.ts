import fs from "node:fs";
import { expect, test, type Download, type Page } from "@playwright/test";
import { strFromU8, unzipSync } from "fflate";
import { expectAccessible, signIn, signOut } from "./fixtures";

// Data rights: the studio's data and a client's own data leave as CSV files in a zip, and the
// owner can delete a client who asks to be forgotten. Uses hana@ (downloads her data) and
// isla@ (deleted), whom no other story uses.

async function unzipDownload(page: Page, link: string): Promise<{ name: string; files: Record<string, string> }> {
  const [download]: [Download, void] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: link }).click()]);
  const bytes = fs.readFileSync(await download.path());
  const files = Object.fromEntries(Object.entries(unzipSync(new Uint8Array(bytes))).map(([name, data]) => [name, strFromU8(data)]));
  return { name: download.suggestedFilename(), files };
}

test("the owner downloads the studio's data as CSV files in a zip", async ({ page }) => {
  await signIn(page, "morgan@stride.test");
  await expect(page).toHaveURL(/\/dashboard/);
  await expect(page.getByText("Every client, log, booking and payment of the studio")).toBeVisible();
  await expectAccessible(page);
  const { name, files } = await unzipDownload(page, "Export studio data");
  expect(name).toMatch(/^stride-morgan-reid-running-\d{4}-\d{2}-\d{2}\.zip$/);
  expect(Object.keys(files)).toEqual(expect.arrayContaining(["README.txt", "clients.csv", "sessions.csv", "entries.csv", "runs.csv", "bookings.csv", "invoices.csv", "pack-purchases.csv", "credit-ledger.csv", "checkins.csv"]));
  // Dana's answered morning check-ins, one row per answer.
  expect(files["checkins.csv"]!.split("\r\n").some((line) => /^[0-9a-f-]{36},[0-9a-f-]{36},Morning check-in,checkin,/.test(line))).toBe(true);
  const alex = files["clients.csv"]!.split("\r\n").find((line) => line.includes("alex@stride.test"));
  expect(alex).toMatch(/^[0-9a-f-]{36},Alex Morgan,alex@stride\.test,(active|invited|archived),/);
  // Rosa's studio never appears in Morgan's export.
  expect(Object.values(files).join("\n")).not.toContain("harbour.test");
});

test("a trainer's export button says it holds only their clients, and so does the file", async ({ page }) => {
  await signIn(page, "tom@stride.test");
  await expect(page).toHaveURL(/\/dashboard/);
  await expect(page.getByRole("link", { name: "Export studio data" })).toHaveCount(0);
  await expect(page.getByText("Only the clients you coach")).toBeVisible();
  const { name, files } = await unzipDownload(page, "Export your clients' data");
  expect(name).toMatch(/^stride-morgan-reid-running-clients-of-tom-becker-\d{4}-\d{2}-\d{2}\.zip$/);
  expect(files["clients.csv"]).toContain("jonah@stride.test");
  expect(files["clients.csv"]).not.toContain("alex@stride.test");
});

test("a client downloads their own data and nobody else's", async ({ page }) => {
  await signIn(page, "hana@stride.test");
  await expect(page).toHaveURL(/\/portal/);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My data" }).click();
  await expect(page.getByRole("heading", { name: "My data", level: 1 })).toBeVisible();
  await expectAccessible(page);
  const { name, files } = await unzipDownload(page, "Download my data");
  // Her own file name, not the studio export's.
  expect(name).toMatch(/^stride-my-data-hana-sato-\d{4}-\d{2}-\d{2}\.zip$/);
  expect(files["profile.csv"]).toContain("Hana Sato,hana@stride.test,active,Priya Shah,Asia/Tokyo,");
  // Her 5-session pack, in minor units with the currency.
  expect(files["pack-purchases.csv"]!.split("\r\n").filter(Boolean)).toHaveLength(2);
  expect(Object.keys(files)).not.toContain("clients.csv");
  const everything = Object.values(files).join("\n");
  for (const other of ["alex@stride.test", "isla@stride.test", "harbour.test"]) expect(everything).not.toContain(other);
});

test("the owner deletes a client after confirming, and the client can no longer sign in", async ({ page }) => {
  await signIn(page, "morgan@stride.test");
  await page.getByRole("list", { name: "Client list" }).getByRole("link", { name: /Isla Brennan/ }).click();
  await expect(page.getByRole("heading", { name: "Isla Brennan", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Kept for the studio’s books" })).toBeVisible();
  await page.getByRole("button", { name: "Delete client…" }).click();
  const confirm = page.getByRole("form", { name: "Confirm deleting the client" });
  await confirm.getByLabel("Type Isla Brennan to confirm").fill("Isla");
  await expectAccessible(page);
  await confirm.getByRole("button", { name: "Delete Isla Brennan for good" }).click();
  await expect(confirm.getByText("Type the client's name, Isla Brennan, exactly as shown to confirm.")).toBeVisible();
  await confirm.getByLabel("Type Isla Brennan to confirm").fill("Isla Brennan");
  await confirm.getByRole("button", { name: "Delete Isla Brennan for good" }).click();

  await expect(page).toHaveURL(/\/dashboard\?deleted=1/);
  await expect(page.getByRole("main").getByRole("status").filter({ hasText: "The client was deleted." })).toBeVisible();
  const list = page.getByRole("list", { name: "Client list" });
  await expect(list.getByRole("link", { name: /Alex Morgan/ })).toBeVisible();
  await expect(list.getByText("Isla Brennan")).toHaveCount(0);
  await expect(list.getByText("isla@stride.test")).toHaveCount(0);
  await signOut(page);

  await signIn(page, "isla@stride.test");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("That email and password do not match an account.");
});
