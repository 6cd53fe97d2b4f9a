import { describe, expect, it } from "vitest";
import { dashboardNav } from "@/app/dashboard/nav-items";
import { portalNav } from "@/app/portal/nav-items";
import { currentHref, resolveNav, splitForPhone, type NavEntry } from "./nav";

const entries: NavEntry<"attention" | "unread">[] = [
  { href: "/dashboard", label: "Clients", icon: "clients", isPrimary: true },
  { href: "/dashboard/attention", label: "Needs attention", icon: "attention", isPrimary: true, badge: "attention" },
  { href: "/dashboard/messages", label: "Messages", icon: "outbox", badge: "unread" },
  { href: "/dashboard/revenue", label: "Revenue", icon: "revenue", ownerOnly: true },
  { href: "/dashboard/outbox", label: "Outbox", icon: "outbox", onlyIf: "outbox" },
];

describe("resolveNav", () => {
  it("keeps owner-only sections from trainers", () => {
    expect(resolveNav(entries, { isOwner: false }).map((i) => i.label)).toEqual(["Clients", "Needs attention", "Messages"]);
    expect(resolveNav(entries, { isOwner: true }).map((i) => i.label)).toContain("Revenue");
  });

  it("shows a conditional section only when the layout says so", () => {
    expect(resolveNav(entries, { isOwner: true, flags: { outbox: false } }).map((i) => i.label)).not.toContain("Outbox");
    expect(resolveNav(entries, { isOwner: true, flags: { outbox: true } }).map((i) => i.label)).toContain("Outbox");
  });

  it("fills in counts, and shows none for zero", () => {
    const items = resolveNav(entries, { isOwner: false, counts: { attention: 3, unread: 0 } });
    expect(items.find((i) => i.label === "Needs attention")?.badge).toBe(3);
    expect(items.find((i) => i.label === "Messages")).not.toHaveProperty("badge");
  });
});

describe("splitForPhone", () => {
  it("puts the primary sections on the bar and sums the counts behind More", () => {
    const split = splitForPhone(resolveNav(entries, { isOwner: true, counts: { attention: 3, unread: 2 } }));
    expect(split.bar.map((i) => i.label)).toEqual(["Clients", "Needs attention"]);
    expect(split.more.map((i) => i.label)).toEqual(["Messages", "Revenue"]);
    expect(split.moreBadge).toBe(2);
  });
});

describe("currentHref", () => {
  const items = [{ href: "/portal" }, { href: "/portal/history" }, { href: "/portal/billing" }, { href: "/portal/account" }];
  it.each([
    ["/portal", "/portal"],
    ["/portal/history", "/portal/history"],
    ["/portal/history/3f1c", "/portal/history"],
    ["/portal/billing/card", "/portal/billing"],
    ["/portal/account", "/portal/account"],
    // A page no section owns belongs to the app's home.
    ["/portal/somewhere", "/portal"],
  ])("%s is under %s", (pathname, expected) => expect(currentHref(items, pathname)).toBe(expected));

  it("does not take a longer name for a folder", () => {
    expect(currentHref([{ href: "/portal" }, { href: "/portal/log" }], "/portal/logbook")).toBe("/portal");
  });
});

describe("the apps' navigation", () => {
  // A phone's bar holds four sections and More: a fifth would leave each under 70 px at 390 px.
  it.each([
    ["portal", portalNav],
    ["dashboard", dashboardNav],
  ] as const)("the %s puts at most four sections on the phone bar, each label short enough", (_, nav) => {
    const primary = nav.filter((e) => e.isPrimary);
    expect(primary.length).toBeGreaterThan(0);
    expect(primary.length).toBeLessThanOrEqual(4);
    for (const e of primary) expect((e.short ?? e.label).length).toBeLessThanOrEqual(9);
  });

  it.each([
    ["portal", portalNav],
    ["dashboard", dashboardNav],
  ] as const)("the %s lists each page once", (_, nav) => {
    expect(new Set(nav.map((e) => e.href)).size).toBe(nav.length);
  });
});
