import { expect, test } from "@playwright/test";
import { expectAccessible, openSection, signIn } from "./fixtures";

// The studio writes its own questionnaires. On a phone, the owner of the second demo studio
// (Harbour Track Club, so no other story's check-ins change) adds a number with a unit to the
// weekly review, sees it in the list, and removes it; a choice question with one choice is
// refused with a sentence and adds nothing.

test.use({ viewport: { width: 390, height: 844 } });

const OWNER = "rosa@harbour.test";

test("the owner adds a number with a unit to the weekly review, sees it listed and removes it; one choice is refused", async ({ page }) => {
  await signIn(page, OWNER);
  await expect(page).toHaveURL(/\/dashboard$/);
  await openSection(page, "Check-ins");
  await expect(page.getByRole("heading", { level: 1, name: "Check-ins" })).toBeVisible();
  // The intake comes first, then the check-ins.
  await expect(page.getByRole("list", { name: "Health questionnaire" }).getByRole("link")).toHaveText(["Health questions before you start"]);
  await expect(page.getByRole("list", { name: "Check-in forms" }).getByRole("link")).toHaveText(["Morning check-in", "Weekly review"]);
  await expectAccessible(page);

  await page.getByRole("link", { name: "Weekly review" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Weekly review" })).toBeVisible();
  const questions = page.getByRole("list", { name: "Questions" });
  await expect(questions.getByRole("listitem")).toHaveCount(5);

  // A number with a unit: the form shows the fields of that kind, and a preview.
  const add = page.getByRole("form", { name: "Add a question" });
  await add.getByLabel("Kind of question").selectOption({ label: "A number with a unit" });
  await add.getByLabel("Question", { exact: true }).fill("Resting heart rate this morning?");
  await add.getByLabel("Unit").fill("bpm");
  await add.getByLabel("Lowest answer").fill("30");
  await add.getByLabel("Highest answer").fill("120");
  await expect(add.getByRole("figure")).toContainText("Resting heart rate this morning?");
  await expect(add.getByRole("figure")).toContainText("bpm");
  await add.getByRole("button", { name: "Add question" }).click();
  await expect(add.getByRole("status")).toHaveText("Question added at the end of the form.");
  const added = questions.getByRole("listitem", { name: "Resting heart rate this morning?" });
  await expect(added).toContainText("A number with a unit");
  await expect(added).toContainText("bpm, 30 to 120, whole numbers");
  await expect(questions.getByRole("listitem")).toHaveCount(6);
  await expectAccessible(page);

  // Removed after a confirm: nobody answered it, so it is gone.
  await added.getByRole("button", { name: "Remove “Resting heart rate this morning?”" }).click();
  await expect(added.getByRole("group", { name: "Remove “Resting heart rate this morning?”?" })).toContainText("Nobody has answered it yet");
  await added.getByRole("button", { name: "Yes, remove it" }).click();
  await expect(questions.getByRole("listitem", { name: "Resting heart rate this morning?" })).toHaveCount(0);
  await expect(questions.getByRole("listitem")).toHaveCount(5);

  // One choice is not a choice: the sentence says what to do, and nothing is added.
  await add.getByLabel("Kind of question").selectOption({ label: "One of several choices" });
  await add.getByLabel("Question", { exact: true }).fill("Where did you run?");
  await add.getByRole("textbox", { name: "Choice 1" }).fill("Road");
  await add.getByRole("button", { name: "Add question" }).click();
  await expect(add.getByText("Give at least two choices to pick from.")).toBeVisible();
  await expect(add.getByRole("alert")).toBeVisible();
  await page.reload();
  await expect(questions.getByRole("listitem")).toHaveCount(5);
  await expect(questions.getByRole("listitem", { name: "Where did you run?" })).toHaveCount(0);
});
