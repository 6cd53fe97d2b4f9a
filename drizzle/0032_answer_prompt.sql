-- The wording of a question as the client answered it: a trainer may reword a question that has
-- answers (fix a typo, say it more plainly), and the export shows what the client was asked.
ALTER TABLE "checkin_answers" ADD COLUMN "prompt" text;
