CREATE TABLE "checkin_answers" (
	"studio_id" uuid NOT NULL,
	"response_id" uuid NOT NULL,
	"question_id" uuid NOT NULL,
	"number_value" numeric,
	"text_value" text,
	"bool_value" boolean,
	CONSTRAINT "checkin_answers_response_id_question_id_pk" PRIMARY KEY("response_id","question_id")
);
--> statement-breakpoint
CREATE TABLE "checkin_forms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"studio_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"built_in_key" text,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_by_member_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "checkin_forms_studio_id_unique" UNIQUE("studio_id","id")
);
--> statement-breakpoint
CREATE TABLE "checkin_pain_scores" (
	"studio_id" uuid NOT NULL,
	"response_id" uuid NOT NULL,
	"question_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"local_date" date NOT NULL,
	"place" text NOT NULL,
	"side" text NOT NULL,
	"score" smallint NOT NULL,
	CONSTRAINT "checkin_pain_scores_response_id_question_id_place_side_pk" PRIMARY KEY("response_id","question_id","place","side"),
	CONSTRAINT "checkin_pain_scores_score" CHECK ("checkin_pain_scores"."score" between 1 and 10)
);
--> statement-breakpoint
CREATE TABLE "checkin_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"studio_id" uuid NOT NULL,
	"form_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"prompt" text NOT NULL,
	"help" text DEFAULT '' NOT NULL,
	"options" jsonb NOT NULL,
	"is_required" boolean DEFAULT true NOT NULL,
	"is_red_flag" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"removed_at" timestamp with time zone,
	CONSTRAINT "checkin_questions_studio_id_unique" UNIQUE("studio_id","id"),
	CONSTRAINT "checkin_questions_red_flag_is_yes_no" CHECK (not "checkin_questions"."is_red_flag" or "checkin_questions"."kind" = 'yes_no')
);
--> statement-breakpoint
CREATE TABLE "checkin_responses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"studio_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"form_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"schedule_id" uuid,
	"due_on" date,
	"local_date" date NOT NULL,
	"answered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"has_red_flag" boolean DEFAULT false NOT NULL,
	"cleared_at" timestamp with time zone,
	"cleared_by_member_id" uuid,
	"clear_note" text,
	CONSTRAINT "checkin_responses_studio_id_unique" UNIQUE("studio_id","id"),
	CONSTRAINT "checkin_responses_due" CHECK (("checkin_responses"."schedule_id" is null) = ("checkin_responses"."due_on" is null) and ("checkin_responses"."kind" = 'checkin' or "checkin_responses"."schedule_id" is null)),
	CONSTRAINT "checkin_responses_cleared" CHECK ("checkin_responses"."cleared_at" is null or "checkin_responses"."has_red_flag")
);
--> statement-breakpoint
CREATE TABLE "checkin_schedules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"studio_id" uuid NOT NULL,
	"form_id" uuid NOT NULL,
	"client_id" uuid,
	"program_id" uuid,
	"cadence" text NOT NULL,
	"weekday" smallint,
	"at_time" text NOT NULL,
	"starts_on" date NOT NULL,
	"created_by_member_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	CONSTRAINT "checkin_schedules_studio_id_unique" UNIQUE("studio_id","id"),
	CONSTRAINT "checkin_schedules_one_target" CHECK (("checkin_schedules"."client_id" is null) <> ("checkin_schedules"."program_id" is null)),
	CONSTRAINT "checkin_schedules_weekday" CHECK (case "checkin_schedules"."cadence" when 'weekly' then "checkin_schedules"."weekday" between 1 and 7 else "checkin_schedules"."weekday" is null end),
	CONSTRAINT "checkin_schedules_at_time" CHECK ("checkin_schedules"."at_time" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$')
);
--> statement-breakpoint
CREATE TABLE "drill_pain_places" (
	"studio_id" uuid NOT NULL,
	"drill_id" uuid NOT NULL,
	"place" text NOT NULL,
	CONSTRAINT "drill_pain_places_drill_id_place_pk" PRIMARY KEY("drill_id","place")
);
--> statement-breakpoint
ALTER TABLE "threads" DROP CONSTRAINT "threads_kind_names_its_log";--> statement-breakpoint
ALTER TABLE "assignment_versions" ADD COLUMN "reason" text;--> statement-breakpoint
ALTER TABLE "drill_prerequisites" ADD COLUMN "pain_max_score" integer;--> statement-breakpoint
ALTER TABLE "drill_prerequisites" ADD COLUMN "pain_checkins" integer;--> statement-breakpoint
ALTER TABLE "progression_settings" ADD COLUMN "pain_pause_above" integer DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE "threads" ADD COLUMN "checkin_response_id" uuid;--> statement-breakpoint
ALTER TABLE "checkin_answers" ADD CONSTRAINT "checkin_answers_studio_id_response_id_checkin_responses_studio_id_id_fk" FOREIGN KEY ("studio_id","response_id") REFERENCES "public"."checkin_responses"("studio_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkin_answers" ADD CONSTRAINT "checkin_answers_studio_id_question_id_checkin_questions_studio_id_id_fk" FOREIGN KEY ("studio_id","question_id") REFERENCES "public"."checkin_questions"("studio_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkin_forms" ADD CONSTRAINT "checkin_forms_studio_id_studios_id_fk" FOREIGN KEY ("studio_id") REFERENCES "public"."studios"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkin_forms" ADD CONSTRAINT "checkin_forms_created_by_member_id_studio_members_id_fk" FOREIGN KEY ("created_by_member_id") REFERENCES "public"."studio_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkin_pain_scores" ADD CONSTRAINT "checkin_pain_scores_studio_id_response_id_checkin_responses_studio_id_id_fk" FOREIGN KEY ("studio_id","response_id") REFERENCES "public"."checkin_responses"("studio_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkin_questions" ADD CONSTRAINT "checkin_questions_studio_id_form_id_checkin_forms_studio_id_id_fk" FOREIGN KEY ("studio_id","form_id") REFERENCES "public"."checkin_forms"("studio_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkin_responses" ADD CONSTRAINT "checkin_responses_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkin_responses" ADD CONSTRAINT "checkin_responses_cleared_by_member_id_studio_members_id_fk" FOREIGN KEY ("cleared_by_member_id") REFERENCES "public"."studio_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkin_responses" ADD CONSTRAINT "checkin_responses_studio_id_form_id_checkin_forms_studio_id_id_fk" FOREIGN KEY ("studio_id","form_id") REFERENCES "public"."checkin_forms"("studio_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkin_responses" ADD CONSTRAINT "checkin_responses_studio_id_schedule_id_checkin_schedules_studio_id_id_fk" FOREIGN KEY ("studio_id","schedule_id") REFERENCES "public"."checkin_schedules"("studio_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkin_schedules" ADD CONSTRAINT "checkin_schedules_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkin_schedules" ADD CONSTRAINT "checkin_schedules_created_by_member_id_studio_members_id_fk" FOREIGN KEY ("created_by_member_id") REFERENCES "public"."studio_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkin_schedules" ADD CONSTRAINT "checkin_schedules_studio_id_form_id_checkin_forms_studio_id_id_fk" FOREIGN KEY ("studio_id","form_id") REFERENCES "public"."checkin_forms"("studio_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkin_schedules" ADD CONSTRAINT "checkin_schedules_studio_id_program_id_programs_studio_id_id_fk" FOREIGN KEY ("studio_id","program_id") REFERENCES "public"."programs"("studio_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drill_pain_places" ADD CONSTRAINT "drill_pain_places_studio_id_drill_id_drills_studio_id_id_fk" FOREIGN KEY ("studio_id","drill_id") REFERENCES "public"."drills"("studio_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "checkin_answers_studio_question_idx" ON "checkin_answers" USING btree ("studio_id","question_id");--> statement-breakpoint
CREATE INDEX "checkin_forms_studio_idx" ON "checkin_forms" USING btree ("studio_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "checkin_forms_built_in_once" ON "checkin_forms" USING btree ("studio_id","built_in_key") WHERE "checkin_forms"."built_in_key" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "checkin_forms_one_live_intake" ON "checkin_forms" USING btree ("studio_id") WHERE "checkin_forms"."kind" = 'intake' and "checkin_forms"."archived_at" is null;--> statement-breakpoint
CREATE INDEX "checkin_pain_scores_client_idx" ON "checkin_pain_scores" USING btree ("studio_id","client_id","local_date");--> statement-breakpoint
CREATE INDEX "checkin_questions_form_idx" ON "checkin_questions" USING btree ("studio_id","form_id","position");--> statement-breakpoint
CREATE INDEX "checkin_responses_client_idx" ON "checkin_responses" USING btree ("studio_id","client_id","local_date");--> statement-breakpoint
CREATE INDEX "checkin_responses_red_flag_idx" ON "checkin_responses" USING btree ("studio_id","answered_at") WHERE "checkin_responses"."has_red_flag" and "checkin_responses"."cleared_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "checkin_responses_once_per_due" ON "checkin_responses" USING btree ("client_id","schedule_id","due_on") WHERE "checkin_responses"."schedule_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "checkin_responses_one_intake" ON "checkin_responses" USING btree ("client_id") WHERE "checkin_responses"."kind" = 'intake';--> statement-breakpoint
CREATE INDEX "checkin_schedules_studio_client_idx" ON "checkin_schedules" USING btree ("studio_id","client_id");--> statement-breakpoint
CREATE INDEX "checkin_schedules_studio_program_idx" ON "checkin_schedules" USING btree ("studio_id","program_id");--> statement-breakpoint
CREATE UNIQUE INDEX "checkin_schedules_live_client" ON "checkin_schedules" USING btree ("form_id","client_id") WHERE "checkin_schedules"."ended_at" is null and "checkin_schedules"."client_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "checkin_schedules_live_program" ON "checkin_schedules" USING btree ("form_id","program_id") WHERE "checkin_schedules"."ended_at" is null and "checkin_schedules"."program_id" is not null;--> statement-breakpoint
CREATE INDEX "drill_pain_places_studio_idx" ON "drill_pain_places" USING btree ("studio_id","drill_id");--> statement-breakpoint
ALTER TABLE "threads" ADD CONSTRAINT "threads_studio_id_checkin_response_id_checkin_responses_studio_id_id_fk" FOREIGN KEY ("studio_id","checkin_response_id") REFERENCES "public"."checkin_responses"("studio_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "threads_one_per_checkin" ON "threads" USING btree ("checkin_response_id") WHERE "threads"."checkin_response_id" is not null;--> statement-breakpoint
ALTER TABLE "drill_prerequisites" ADD CONSTRAINT "drill_prerequisites_pain" CHECK (("drill_prerequisites"."pain_max_score" is null) = ("drill_prerequisites"."pain_checkins" is null) and ("drill_prerequisites"."pain_max_score" is null or ("drill_prerequisites"."pain_max_score" between 0 and 9 and "drill_prerequisites"."pain_checkins" between 1 and 30)));--> statement-breakpoint
ALTER TABLE "progression_settings" ADD CONSTRAINT "progression_settings_pain_pause" CHECK ("progression_settings"."pain_pause_above" between 1 and 9);--> statement-breakpoint
ALTER TABLE "threads" ADD CONSTRAINT "threads_kind_names_its_log" CHECK (num_nonnulls("threads"."session_id", "threads"."run_id", "threads"."checkin_response_id") = case "threads"."kind" when 'conversation' then 0 else 1 end and ("threads"."kind" <> 'session' or "threads"."session_id" is not null) and ("threads"."kind" <> 'run' or "threads"."run_id" is not null) and ("threads"."kind" <> 'checkin' or "threads"."checkin_response_id" is not null));--> statement-breakpoint
-- The places the built-in drills load, for the studios that already have them (new studios get
-- them with the built-ins): pain there pauses the drill, and Hopping's unlock reads them.
INSERT INTO "drill_pain_places" ("studio_id", "drill_id", "place")
SELECT d."studio_id", d."id", p."place"
FROM "drills" d
JOIN (VALUES ('knee-drive', 'hip'), ('knee-drive', 'knee'), ('knee-drive', 'ankle'), ('knee-drive', 'foot'),
             ('back-rotations', 'lower_back'),
             ('hopping', 'foot'), ('hopping', 'ankle'), ('hopping', 'shin'), ('hopping', 'calf'), ('hopping', 'knee')) AS p("slug", "place")
  ON p."slug" = d."slug"
WHERE d."is_built_in"
ON CONFLICT DO NOTHING;
