import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, signIn } from "./fixtures";

// What a person noticed on the pages: programs that could not be edited, a chart without a
// title or a readable key, drill names that did not look like links, the invite form below a
// long list. Programs are edited in the second demo studio (Harbour Track Club), on a program
// this story makes, so no other story's data changes.

const TRAINER = "rosa@harbour.test";

async function programCard(page: Page, name: string) {
  return page.getByRole("list", { name: "Programs" }).getByRole("listitem").filter({ has: page.getByRole("heading", { level: 2, name, exact: true }) });
}

test("a trainer edits a program's name, drills and prescriptions; a client who already has it keeps theirs", async ({ page }) => {
  await signIn(page, TRAINER);
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Programs" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Programs" })).toBeVisible();

  // A program of two sets of Knee Drive, applied to Tess.
  const create = page.getByRole("form", { name: "New program" });
  await create.getByLabel("Program name").fill("Hill prep");
  await create.getByLabel("Knee Drive").check();
  await create.getByLabel("Sets").fill("2");
  await create.getByRole("button", { name: "Create program" }).click();
  await expect(create.getByRole("status")).toHaveText("Program created.");
  const card = await programCard(page, "Hill prep");
  await expect(card).toContainText("Knee Drive: 2 holds each side");
  await card.getByText("Apply Hill prep to clients").click();
  const apply = card.getByRole("form", { name: "Apply Hill prep" });
  await apply.getByLabel(/Tess Alder/).check();
  await apply.getByRole("button", { name: "Apply to 1 client" }).click();
  await expect(apply.getByRole("status")).toContainText("Applied to 1 client: 1 new assignment");

  // The built-in program is not edited in place.
  await expect((await programCard(page, "Runner's foundation")).getByText(/^Edit /)).toHaveCount(0);

  // Edit: the form says what happens to clients who already have it.
  await card.getByText("Edit Hill prep").click();
  const edit = card.getByRole("form", { name: "Edit Hill prep" });
  await expect(edit).toHaveAccessibleDescription(/Clients you already applied this program to keep the drills and prescriptions they were given/);
  await expect(edit.getByLabel("Program name")).toHaveValue("Hill prep");
  await expect(edit.getByLabel("Knee Drive")).toBeChecked();
  await expectAccessible(page);

  // A mistake is refused beside its field, and nothing changes.
  await edit.getByLabel("Program name").fill("");
  await edit.getByRole("button", { name: "Save program" }).click();
  await expect(edit.getByText("Give the program a name.")).toBeVisible();
  await page.reload();
  const unchanged = await programCard(page, "Hill prep");
  await expect(unchanged).toContainText("Knee Drive: 2 holds each side");

  await unchanged.getByText("Edit Hill prep").click();
  const again = unchanged.getByRole("form", { name: "Edit Hill prep" });
  await again.getByLabel("Program name").fill("Hill prep, week 2");
  await again.getByLabel("Description").fill("Longer holds, and mobility before each run.");
  await again.getByLabel("Sets").first().fill("3");
  await again.getByLabel("Back Rotations").check();
  await again.getByRole("button", { name: "Save program" }).click();
  await expect(again.getByRole("status")).toHaveText("Program saved.");

  const edited = await programCard(page, "Hill prep, week 2");
  await expect(edited).toContainText("Longer holds, and mobility before each run.");
  await expect(edited).toContainText("Knee Drive: 3 holds each side");
  await expect(edited).toContainText("Back Rotations: 1 set of 15–20 reps each side");

  // Tess keeps the two sets she was given.
  await page.goto("/dashboard");
  await page.getByRole("list", { name: "Client list" }).getByRole("link", { name: /Tess Alder/ }).click();
  const assigned = page.getByRole("list", { name: "Assigned drills" });
  await expect(assigned.getByRole("listitem")).toHaveCount(1);
  await expect(assigned).toContainText("Knee Drive");
  await expect(assigned).toContainText("2 holds each side");
});

test("the Clients page puts the invite form first and shows drill names as links", async ({ page }) => {
  await signIn(page, "morgan@stride.test");
  await expect(page).toHaveURL(/\/dashboard$/);
  const invite = page.getByRole("heading", { level: 2, name: "Invite a client" });
  const list = page.getByRole("list", { name: "Client list" });
  await expect(list).toBeVisible();
  const [inviteBox, listBox] = [await invite.boundingBox(), await list.boundingBox()];
  expect(inviteBox!.y).toBeLessThan(listBox!.y);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Drills" }).click();
  const name = page.getByRole("list", { name: "Built-in drills" }).getByRole("link", { name: "Knee Drive" });
  await expect(name).toHaveCSS("text-decoration-line", "underline");
  await expect(name).toHaveCSS("color", "rgb(15, 94, 63)");
  // Reached from the keyboard, it shows the focus ring.
  await name.focus();
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Tab");
  await expect(name).toBeFocused();
  await expect(name).toHaveCSS("outline-style", "solid");
});

test("the asymmetry chart has a title, a readable key and its figures in words", async ({ page }) => {
  await signIn(page, "alex@stride.test");
  await expect(page).toHaveURL(/\/portal$/);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Progress" }).click();
  const knee = page.getByRole("article", { name: "Knee Drive progress" });
  const gap = knee.getByRole("figure", { name: "Knee Drive: left/right gap per day (%)" });
  await expect(gap).toBeVisible();
  await expect(gap).toHaveAccessibleDescription(/^Left\/right gap on \d+ days with both sides logged: latest \d+% on \d+ \w+, largest \d+% on \d+ \w+\. (Never above|Above) the \d+% threshold/);
  await expect(gap.getByText("Left/right gap", { exact: true })).toBeVisible();
  await expect(gap.getByText(/^Threshold \(\d+%\)$/)).toBeVisible();
  // The key's words are in the page's text colour, not the series' (a pale bar left its label unreadable).
  const drillDays = page.getByText("Days of drills (left scale)");
  await expect(drillDays).toBeVisible();
  const lightness = await drillDays.evaluate((el) => {
    // Chromium reports Tailwind's colours as lab(); painting one reads it back as RGB.
    const probe = document.createElement("canvas").getContext("2d")!;
    probe.fillStyle = getComputedStyle(el).color;
    probe.fillRect(0, 0, 1, 1);
    const [r, g, b] = probe.getImageData(0, 0, 1, 1).data;
    return (0.2126 * r! + 0.7152 * g! + 0.0722 * b!) / 255;
  });
  expect(lightness).toBeLessThan(0.3);
  await expectAccessible(page);
});

test.describe("a visitor in Berlin", () => {
  test.use({ timezoneId: "Europe/Berlin" });

  test("signs up through the plans page with their own time zone already chosen", async ({ page }) => {
    await page.goto("/studios/morgan-reid-running/plans");
    await page.getByRole("link", { name: "Choose Monthly coaching" }).click();
    await expect(page.getByLabel("Your time zone")).toHaveValue("Europe/Berlin");
    await page.getByLabel("Your time zone").selectOption("Europe/Vienna");
    await page.getByRole("button", { name: "Continue to payment" }).click();
    await expect(page.getByText("Enter your name.")).toBeVisible();
    // A refused form keeps the zone they picked.
    await expect(page.getByLabel("Your time zone")).toHaveValue("Europe/Vienna");
    await expectAccessible(page);
  });
});
