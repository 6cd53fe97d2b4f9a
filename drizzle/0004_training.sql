CREATE TABLE "practice_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"studio_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"drill_id" uuid NOT NULL,
	"assignment_version_id" uuid NOT NULL,
	"local_date" date NOT NULL,
	"set_number" smallint NOT NULL,
	"side" text NOT NULL,
	"value" numeric(7, 1),
	"contact_feel" text,
	"note" text,
	CONSTRAINT "practice_entries_once" UNIQUE("session_id","drill_id","set_number","side"),
	CONSTRAINT "practice_entries_set" CHECK ("practice_entries"."set_number" between 1 and 20),
	CONSTRAINT "practice_entries_value" CHECK ("practice_entries"."value" is null or ("practice_entries"."value" > 0 and "practice_entries"."value" <= 10000))
);
--> statement-breakpoint
CREATE TABLE "practice_sessions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"studio_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"performed_at" timestamp with time zone NOT NULL,
	"local_date" date NOT NULL,
	"context" text DEFAULT 'standalone' NOT NULL,
	"run_id" uuid,
	"effort" smallint,
	"has_pain" boolean DEFAULT false NOT NULL,
	"pain_where" text,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "practice_sessions_studio_id_unique" UNIQUE("studio_id","id"),
	CONSTRAINT "practice_sessions_run_context" CHECK ("practice_sessions"."run_id" is null or "practice_sessions"."context" = 'warmup_before_run'),
	CONSTRAINT "practice_sessions_effort" CHECK ("practice_sessions"."effort" is null or "practice_sessions"."effort" between 1 and 10)
);
--> statement-breakpoint
CREATE TABLE "runs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"studio_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"local_date" date NOT NULL,
	"distance_m" integer NOT NULL,
	"duration_s" integer NOT NULL,
	"effort" smallint,
	"has_pain" boolean DEFAULT false NOT NULL,
	"pain_where" text,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "runs_studio_id_unique" UNIQUE("studio_id","id"),
	CONSTRAINT "runs_distance" CHECK ("runs"."distance_m" > 0 and "runs"."distance_m" <= 300000),
	CONSTRAINT "runs_duration" CHECK ("runs"."duration_s" > 0 and "runs"."duration_s" <= 172800),
	CONSTRAINT "runs_effort" CHECK ("runs"."effort" is null or "runs"."effort" between 1 and 10)
);
--> statement-breakpoint
CREATE TABLE "session_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"studio_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"reviewed_by_member_id" uuid NOT NULL,
	"feedback" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "session_reviews_session_id_unique" UNIQUE("session_id")
);
--> statement-breakpoint
ALTER TABLE "practice_entries" ADD CONSTRAINT "practice_entries_assignment_version_id_assignment_versions_id_fk" FOREIGN KEY ("assignment_version_id") REFERENCES "public"."assignment_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_entries" ADD CONSTRAINT "practice_entries_studio_id_session_id_practice_sessions_studio_id_id_fk" FOREIGN KEY ("studio_id","session_id") REFERENCES "public"."practice_sessions"("studio_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_sessions" ADD CONSTRAINT "practice_sessions_studio_id_studios_id_fk" FOREIGN KEY ("studio_id") REFERENCES "public"."studios"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_sessions" ADD CONSTRAINT "practice_sessions_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_sessions" ADD CONSTRAINT "practice_sessions_studio_id_run_id_runs_studio_id_id_fk" FOREIGN KEY ("studio_id","run_id") REFERENCES "public"."runs"("studio_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "runs" ADD CONSTRAINT "runs_studio_id_studios_id_fk" FOREIGN KEY ("studio_id") REFERENCES "public"."studios"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "runs" ADD CONSTRAINT "runs_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_reviews" ADD CONSTRAINT "session_reviews_reviewed_by_member_id_studio_members_id_fk" FOREIGN KEY ("reviewed_by_member_id") REFERENCES "public"."studio_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_reviews" ADD CONSTRAINT "session_reviews_studio_id_session_id_practice_sessions_studio_id_id_fk" FOREIGN KEY ("studio_id","session_id") REFERENCES "public"."practice_sessions"("studio_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "practice_entries_progress_idx" ON "practice_entries" USING btree ("studio_id","client_id","drill_id","local_date");--> statement-breakpoint
CREATE INDEX "practice_sessions_studio_client_date_idx" ON "practice_sessions" USING btree ("studio_id","client_id","local_date");--> statement-breakpoint
CREATE INDEX "practice_sessions_run_idx" ON "practice_sessions" USING btree ("run_id") WHERE "practice_sessions"."run_id" is not null;--> statement-breakpoint
CREATE INDEX "runs_studio_client_started_idx" ON "runs" USING btree ("studio_id","client_id","started_at");--> statement-breakpoint
CREATE INDEX "session_reviews_studio_idx" ON "session_reviews" USING btree ("studio_id");