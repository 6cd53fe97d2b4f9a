import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, signIn } from "./fixtures";

// Issue 21: a studio's long lists come one page at a time from the server. The owner pages
// through the client list and the overview, sorts and searches them, with the keyboard too, and
// every step is a URL: a reload or a shared link shows the same page. The demo studio has more
// than ten clients, so pages of ten make two pages (other stories may add clients meanwhile).

/** The page's URL parameters that carry a value (a GET form sends its empty selects too). */
const paramsOf = (page: Page) => Object.fromEntries([...new URL(page.url()).searchParams].filter(([, v]) => v !== ""));
const pager = (page: Page) => page.getByRole("navigation", { name: "Pagination" });
const clientNames = (page: Page) => page.getByRole("list", { name: "Client list" }).getByRole("listitem").locator("a > span:first-child").allTextContents();

test("the owner pages, sorts and searches the client list, and the URL keeps every choice", async ({ page }) => {
  await signIn(page, "morgan@stride.test");
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto("/dashboard/clients?size=10");
  await expect(pager(page)).toContainText(/Showing 1–10 of \d+ clients\./);
  await expect(pager(page).getByText("Previous page")).toHaveAttribute("aria-disabled", "true");
  const firstPage = await clientNames(page);
  expect(firstPage).toHaveLength(10);
  await expectAccessible(page);

  // Forward, then back: the same ten names, and the page size stays in the URL.
  await pager(page).getByRole("link", { name: "Next page" }).click();
  await expect(pager(page)).toContainText(/Showing 11–\d+ of \d+ clients\./);
  await expect(page).toHaveURL(/size=10/);
  await expect(page).toHaveURL(/cursor=/);
  const secondPage = await clientNames(page);
  expect(secondPage.some((name) => firstPage.includes(name))).toBe(false);
  await page.reload();
  expect(await clientNames(page)).toEqual(secondPage);
  await pager(page).getByRole("link", { name: "Previous page" }).click();
  await expect(pager(page)).toContainText(/Showing 1–10 of/);
  expect(await clientNames(page)).toEqual(firstPage);

  // Sorting by email, then the other way; paging on keeps the order.
  const sort = page.getByRole("navigation", { name: "Sort clients" });
  await sort.getByRole("link", { name: /^Email/ }).click();
  await expect(page).toHaveURL(/sort=email/);
  await expect(sort.getByRole("link", { name: /^Email/ })).toHaveAttribute("aria-current", "true");
  await sort.getByRole("link", { name: /^Email/ }).click();
  await expect(page).toHaveURL(/sort=email&dir=desc/);
  await expect(sort.getByRole("link", { name: /^Email/ })).toContainText("sorted descending");
  await pager(page).getByRole("link", { name: "Next page" }).click();
  await expect(page).toHaveURL(/sort=email&dir=desc&size=10&cursor=/);

  // A search, typed and sent with the keyboard, starts at the first page and keeps the order.
  const search = page.getByRole("searchbox", { name: "Search by name or email" });
  await search.fill("jonah");
  await search.press("Enter");
  await expect(page).toHaveURL(/q=jonah/);
  expect(paramsOf(page)).toEqual({ sort: "email", dir: "desc", q: "jonah", size: "10" });
  await expect(page.getByRole("list", { name: "Client list" }).getByRole("listitem")).toHaveCount(1);
  await expect(pager(page)).toHaveText(/Showing all 1 client\./);
  await expect(search).toHaveValue("jonah");
  await expectAccessible(page);
});

test("the pager works from the keyboard, and a broken page link starts the list over", async ({ page }) => {
  await signIn(page, "morgan@stride.test");
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto("/dashboard/clients?size=10");
  const next = pager(page).getByRole("link", { name: "Next page" });
  await next.focus();
  await expect(next).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(pager(page)).toContainText(/Showing 11–/);
  const previous = pager(page).getByRole("link", { name: "Previous page" });
  await previous.focus();
  await page.keyboard.press("Enter");
  await expect(pager(page)).toContainText(/Showing 1–10/);

  await page.goto("/dashboard/clients?size=10&cursor=not-a-page");
  await expect(page.getByRole("status").filter({ hasText: "That page link no longer works" })).toBeVisible();
  await expect(pager(page)).toContainText(/Showing 1–10 of/);
});

test("the owner pages, sorts and searches the studio overview", async ({ page }) => {
  await signIn(page, "morgan@stride.test");
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto("/dashboard/overview?size=10");
  const table = page.getByRole("table", { name: "Clients this week" });
  await expect(table.getByRole("row")).toHaveCount(11);
  await expect(pager(page)).toContainText(/Showing 1–10 of \d+ clients\./);

  await table.getByRole("link", { name: /^Streak/ }).click();
  await expect(table.getByRole("columnheader", { name: /Streak/ })).toHaveAttribute("aria-sort", "ascending");
  await expect(page).toHaveURL(/sort=streak&size=10/);
  await pager(page).getByRole("link", { name: "Next page" }).click();
  await expect(pager(page)).toContainText(/Showing 11–/);
  await expect(page).toHaveURL(/sort=streak&size=10&cursor=/);
  await expect(table.getByRole("columnheader", { name: /Streak/ })).toHaveAttribute("aria-sort", "ascending");

  const search = page.getByRole("searchbox", { name: "Search clients by name" });
  await search.fill("alex");
  await search.press("Enter");
  await expect(page).toHaveURL(/q=alex/);
  expect(paramsOf(page)).toEqual({ sort: "streak", q: "alex", size: "10" });
  await expect(table.getByRole("row")).toHaveCount(2);
  await expect(table.getByRole("row", { name: /Alex Morgan/ })).toBeVisible();
  await expect(pager(page)).toHaveText(/Showing all 1 client\./);
  await expectAccessible(page);
});
