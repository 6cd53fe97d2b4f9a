import { describe, expect, it } from "vitest";
import * as schema from "@/server/db/schema";
import { notPersonal, personalByContent, personalDataCoverage } from "./coverage";
import { exportFiles } from "./files";
import { tableNames, tablesReachingAPerson } from "./person-references";

// The same spirit as the authorization matrix: a new table holding a person's data cannot
// land without export and deletion saying what they do with it.
describe("every table holding a person's data is covered by export and deletion", () => {
  const reaching = tablesReachingAPerson(schema);
  const covered = new Set(Object.keys(personalDataCoverage));

  it("each table that reaches a client or user is covered, or listed as not personal with a reason", () => {
    const missing = [...reaching.keys()].filter((name) => !covered.has(name) && !(name in notPersonal));
    expect(missing, `List these in src/server/data-rights/coverage.ts (export and deletion): ${missing.join(", ")}`).toEqual([]);
  });

  it("tables found by content are covered too", () => {
    for (const name of personalByContent) expect(covered.has(name), name).toBe(true);
  });

  it("lists no table that does not exist, and no stale reason", () => {
    const names = new Set(tableNames(schema));
    expect([...covered].filter((n) => !names.has(n))).toEqual([]);
    expect(Object.keys(notPersonal).filter((n) => !names.has(n) || !reaching.has(n))).toEqual([]);
    expect([...covered].filter((n) => !reaching.has(n) && !(personalByContent as readonly string[]).includes(n))).toEqual([]);
  });

  it("every export file it names is in an export", () => {
    const files = new Set([...exportFiles("studio"), ...exportFiles("client")].map((f) => f.name));
    const named = Object.entries(personalDataCoverage).flatMap(([table, c]) => ("file" in c.exported ? [[table, c.exported.file] as const] : []));
    expect(named.filter(([, file]) => !files.has(file))).toEqual([]);
  });

  it("finds indirect references (a review reaches its client through its session)", () => {
    expect(reaching.get("session_reviews")).toBe("references practice_sessions");
    expect(reaching.has("drills")).toBe(false);
  });

  it("keeps message templates the studio's, like drills: they name a trainer's membership, no client or user", () => {
    expect(reaching.has("message_templates")).toBe(false);
  });

  it("keeps check-in forms and their questions the studio's, like drills (and a drill's places): only the answers are a person's", () => {
    for (const name of ["checkin_forms", "checkin_questions", "drill_pain_places"]) expect(reaching.has(name), name).toBe(false);
    for (const name of ["checkin_responses", "checkin_answers", "checkin_pain_scores", "checkin_schedules"]) expect(reaching.has(name), name).toBe(true);
  });
});
