import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, signIn, signOut, answerIntakeWithoutFlags } from "./fixtures";

// Runs in the second demo studio (Harbour Track Club) so the first studio's client list,
// which other stories count, stays as seeded. Rosa is its owner and head coach.
const TRAINER = "rosa@harbour.test";
const CLIENT = { name: "Nora Quinn", email: "nora.quinn@harbour.test", password: "hop-skip-and-run" };

async function signInAs(page: Page, email: string, landing: RegExp, password?: string) {
  await signIn(page, email, password);
  await expect(page).toHaveURL(landing);
}

async function openClient(page: Page, name: string) {
  await page.goto("/dashboard");
  await page.getByRole("list", { name: "Client list" }).getByRole("link", { name: new RegExp(name) }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
}

test("a trainer invites a client, applies Runner's foundation, and unlocks Hopping early", async ({ page }) => {
  // The trainer invites a new client by email.
  await signInAs(page, TRAINER, /\/dashboard$/);
  const invite = page.getByRole("form", { name: "Invite a client" });
  await invite.getByLabel("Client's name").fill(CLIENT.name);
  await invite.getByLabel("Client's email").fill(CLIENT.email);
  await invite.getByRole("button", { name: "Send invite" }).click();
  await expect(invite.getByRole("status")).toContainText(`Invite ready for ${CLIENT.email}`);
  await expect(page.getByRole("list", { name: "Client list" })).toContainText(CLIENT.name);

  // There is no mail server: the trainer is shown this one link, to hand over themselves.
  const link = await invite.getByRole("link", { name: `Invite link for ${CLIENT.name}` }).getAttribute("href");
  // In the outbox, nobody (not even the trainer who sent it) reads the invite again.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Outbox" }).click();
  const email = page.getByRole("listitem").filter({ hasText: `to ${CLIENT.email}` });
  await expect(email).toContainText(`Only ${CLIENT.email} can read this email`);
  await expect(email.getByRole("link")).toHaveCount(0);
  await signOut(page);

  // The client opens it, sets a password and time zone, and lands in the portal.
  await page.goto(new URL(link!).pathname + new URL(link!).search);
  await expect(page.getByRole("heading", { name: "Join Harbour Track Club" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Choose a password").fill("short");
  await page.getByRole("button", { name: "Join and go to my drills" }).click();
  await expect(page.getByText("Choose a password of at least 10 characters.")).toBeVisible();
  await page.getByLabel("Choose a password").fill(CLIENT.password);
  await page.getByLabel("Your time zone").selectOption("Europe/Lisbon");
  await page.getByRole("button", { name: "Join and go to my drills" }).click();
  await answerIntakeWithoutFlags(page);
  await expect(page.getByText("Nothing is due today.")).toBeVisible();
  await signOut(page);

  // The link works once.
  await page.goto(new URL(link!).pathname + new URL(link!).search);
  await expect(page.getByRole("heading", { name: "This invite link does not work" })).toBeVisible();

  // The trainer applies Runner's foundation to the new client.
  await signInAs(page, TRAINER, /\/dashboard$/);
  await openClient(page, CLIENT.name);
  const apply = page.getByRole("form", { name: "Apply a program" });
  await expect(apply.getByLabel("Program")).toHaveValue(/.+/);
  await apply.getByLabel("Program").selectOption({ label: "Runner's foundation" });
  await apply.getByRole("button", { name: "Apply program" }).click();
  await expect(apply.getByRole("status")).toHaveText("Assigned 3 drills.");
  const assigned = page.getByRole("list", { name: "Assigned drills" });
  await expect(assigned.getByRole("listitem")).toHaveCount(3);
  await expect(assigned).toContainText("1 set of 15–20 reps each side · Daily and before each run");
  await expectAccessible(page);

  // Applying it again adds nothing.
  await apply.getByRole("button", { name: "Apply program" }).click();
  await expect(apply.getByRole("status")).toHaveText("Nothing new: this client already has every drill of the program.");
  await expect(assigned.getByRole("listitem")).toHaveCount(3);

  // A backwards rep range is refused beside the field, and nothing changes.
  const assign = page.getByRole("form", { name: "Assign a drill" });
  await assign.getByLabel("Drill").selectOption({ label: "Back Rotations" });
  await assign.getByLabel("Lowest reps").fill("25");
  await assign.getByLabel("Highest reps").fill("15");
  await assign.getByRole("button", { name: "Assign drill" }).click();
  await expect(assign.getByText("Make the lowest reps no more than the highest, e.g. 15–20.")).toBeVisible();
  await expect(assign.getByLabel("Highest reps")).toHaveAttribute("aria-invalid", "true");
  await page.reload();
  await expect(assigned.getByRole("listitem")).toHaveCount(3);
  await signOut(page);

  // The client's Today: the daily drills with their prescriptions, Hopping locked before the run.
  await signInAs(page, CLIENT.email, /\/portal$/, CLIENT.password);
  const dueToday = page.getByRole("list", { name: "Due today" });
  await expect(dueToday.getByRole("article", { name: "Knee Drive" })).toContainText("1 hold each side, as long as you can");
  await expect(dueToday.getByRole("article", { name: "Back Rotations" })).toContainText("1 set of 15–20 reps each side");
  const beforeRun = page.getByRole("list", { name: "Before your next run" });
  const hopping = beforeRun.getByRole("article", { name: "Hopping" });
  await expect(hopping).toContainText("Locked");
  await expect(hopping).toContainText("Knee Drive: a hold of at least 30 s on each side on 5 of the last 7 days");
  await expectAccessible(page);
  await signOut(page);

  // The trainer unlocks Hopping early, with a reason.
  await signInAs(page, TRAINER, /\/dashboard$/);
  await openClient(page, CLIENT.name);
  const unlock = page.getByRole("form", { name: "Unlock Hopping early" });
  await unlock.getByRole("button", { name: "Unlock Hopping" }).click();
  await expect(unlock.getByText(/Say why you are unlocking this drill early/)).toBeVisible();
  await unlock.getByLabel("Why unlock Hopping early?").fill("Balance checked in person: 40 s each side");
  await unlock.getByRole("button", { name: "Unlock Hopping" }).click();
  await expect(page.getByText("Unlocked early: Balance checked in person: 40 s each side")).toBeVisible();
  await expect(page.getByRole("region", { name: "Early unlocks" })).toContainText("Hopping unlocked by Rosa Delgado");
  await signOut(page);

  // The client sees Hopping open.
  await signInAs(page, CLIENT.email, /\/portal$/, CLIENT.password);
  const openHopping = page.getByRole("list", { name: "Before your next run" }).getByRole("article", { name: "Hopping" });
  await expect(openHopping).toContainText("Unlocked by your coach");
  await expect(openHopping).not.toContainText("Unlocks when you reach");
  await openHopping.getByText("How to do it").click();
  await expect(openHopping).toContainText("Think of a hot floor");
});

test("a trainer browses the library, adapts a built-in, and bad drills are refused on the field", async ({ page }) => {
  await signInAs(page, TRAINER, /\/dashboard$/);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Drills" }).click();
  const builtIns = page.getByRole("list", { name: "Built-in drills" });
  await expect(builtIns.getByRole("listitem")).toHaveCount(3);
  await expect(builtIns).toContainText("Broomstick (optional)");
  await expect(builtIns).toContainText("Knee Drive: a hold of at least 30 s on each side on 5 of the last 7 days");
  await expectAccessible(page);

  await page.getByRole("link", { name: "New drill" }).click();
  await page.getByRole("button", { name: "Create drill" }).click();
  const form = page.getByRole("form", { name: "New drill" });
  await expect(form.getByRole("alert")).toHaveText("Some fields need fixing; see the messages beside them.");
  await expect(form.getByText("Give the drill a name.")).toBeVisible();
  await expect(form.getByText("Write at least one step.")).toBeVisible();
  await expect(form.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);

  await page.goto("/dashboard/drills");
  await builtIns.getByRole("link", { name: "Back Rotations" }).click();
  await page.getByRole("button", { name: "Copy Back Rotations to adapt it" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Back Rotations (copy)" })).toBeVisible();
  const edit = page.getByRole("form", { name: "Edit drill" });
  await edit.getByLabel("Name").fill("Back Rotations with band");
  await edit.getByLabel("Highest reps").fill("25");
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Back Rotations with band" })).toBeVisible();
  await expect(page.getByText("1 set of 15–25 reps each side")).toBeVisible();
  await page.getByRole("button", { name: "Archive drill" }).click();
  await expect(page.getByText("Archived: it no longer appears when assigning.")).toBeVisible();
  await page.goto("/dashboard/drills");
  await expect(page.getByRole("list", { name: "Studio drills" })).not.toContainText("Back Rotations with band");
});
