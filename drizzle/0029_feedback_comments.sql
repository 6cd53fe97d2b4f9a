-- Review feedback becomes the first comment of its log's thread (issue 18): every saved, non-empty
-- feedback on a session and answer on a run is posted once as the reviewer's comment, dated when
-- it was last saved. Nobody is notified (it is not news), and it is marked read by the reviewer
-- and the client, who already read it in their history: old feedback does not light up badges.
INSERT INTO "threads" ("studio_id", "client_id", "kind", "session_id")
SELECT r."studio_id", s."client_id", 'session', s."id"
FROM "session_reviews" r JOIN "practice_sessions" s ON s."studio_id" = r."studio_id" AND s."id" = r."session_id"
WHERE btrim(r."feedback") <> ''
ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "threads" ("studio_id", "client_id", "kind", "run_id")
SELECT r."studio_id", x."client_id", 'run', x."id"
FROM "run_reviews" r JOIN "runs" x ON x."studio_id" = r."studio_id" AND x."id" = r."run_id"
WHERE btrim(r."feedback") <> ''
ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "messages" ("id", "studio_id", "thread_id", "author_user_id", "author_kind", "body", "created_at")
SELECT gen_random_uuid(), f."studio_id", f."thread_id", f."user_id", 'trainer', f."body", f."at"
FROM (
  SELECT r."studio_id", t."id" AS "thread_id", m."user_id", left(btrim(r."feedback"), 4000) AS "body", r."updated_at" AS "at"
  FROM "session_reviews" r
  JOIN "threads" t ON t."studio_id" = r."studio_id" AND t."session_id" = r."session_id"
  JOIN "studio_members" m ON m."id" = r."reviewed_by_member_id"
  WHERE btrim(r."feedback") <> ''
  UNION ALL
  SELECT r."studio_id", t."id", m."user_id", left(btrim(r."feedback"), 4000), r."updated_at"
  FROM "run_reviews" r
  JOIN "threads" t ON t."studio_id" = r."studio_id" AND t."run_id" = r."run_id"
  JOIN "studio_members" m ON m."id" = r."reviewed_by_member_id"
  WHERE btrim(r."feedback") <> ''
) f
WHERE NOT EXISTS (SELECT 1 FROM "messages" e WHERE e."thread_id" = f."thread_id" AND e."author_kind" = 'trainer' AND e."body" = f."body");
--> statement-breakpoint
UPDATE "threads" t
SET "last_message_at" = n."created_at", "last_message_id" = n."id", "last_author_kind" = n."author_kind"
FROM (
  SELECT DISTINCT ON (m."thread_id") m."thread_id", m."id", m."created_at", m."author_kind"
  FROM "messages" m
  ORDER BY m."thread_id", m."created_at" DESC, m."id" DESC
) n
WHERE n."thread_id" = t."id" AND t."kind" <> 'conversation' AND (t."last_message_at" IS NULL OR t."last_message_at" < n."created_at");
--> statement-breakpoint
INSERT INTO "thread_reads" ("studio_id", "thread_id", "user_id", "last_read_at")
SELECT t."studio_id", t."id", u."user_id", t."last_message_at"
FROM "threads" t
JOIN "clients" c ON c."id" = t."client_id"
JOIN "messages" m ON m."id" = t."last_message_id"
CROSS JOIN LATERAL (VALUES (m."author_user_id"), (c."user_id")) AS u("user_id")
WHERE t."kind" <> 'conversation' AND u."user_id" IS NOT NULL AND m."author_kind" = 'trainer'
  AND (EXISTS (SELECT 1 FROM "session_reviews" r WHERE r."studio_id" = t."studio_id" AND r."session_id" = t."session_id" AND left(btrim(r."feedback"), 4000) = m."body")
    OR EXISTS (SELECT 1 FROM "run_reviews" r WHERE r."studio_id" = t."studio_id" AND r."run_id" = t."run_id" AND left(btrim(r."feedback"), 4000) = m."body"))
ON CONFLICT ("thread_id", "user_id") DO UPDATE SET "last_read_at" = greatest("thread_reads"."last_read_at", excluded."last_read_at");
