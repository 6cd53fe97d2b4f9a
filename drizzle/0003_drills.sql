CREATE TABLE "assignment_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"studio_id" uuid NOT NULL,
	"assignment_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"action" text NOT NULL,
	"status" text NOT NULL,
	"sets" integer NOT NULL,
	"target_per_side" integer,
	"rep_min" integer,
	"rep_max" integer,
	"daily" boolean NOT NULL,
	"before_run" boolean NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"notes" text,
	"changed_by_member_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assignment_versions_unique" UNIQUE("assignment_id","version"),
	CONSTRAINT "assignment_versions_sets" CHECK ("assignment_versions"."sets" between 1 and 20),
	CONSTRAINT "assignment_versions_target" CHECK ("assignment_versions"."target_per_side" is null or "assignment_versions"."target_per_side" > 0),
	CONSTRAINT "assignment_versions_reps" CHECK (("assignment_versions"."rep_min" is null) = ("assignment_versions"."rep_max" is null) and ("assignment_versions"."rep_min" is null or ("assignment_versions"."rep_min" >= 1 and "assignment_versions"."rep_min" <= "assignment_versions"."rep_max"))),
	CONSTRAINT "assignment_versions_schedule" CHECK ("assignment_versions"."daily" or "assignment_versions"."before_run"),
	CONSTRAINT "assignment_versions_dates" CHECK ("assignment_versions"."end_date" is null or "assignment_versions"."end_date" >= "assignment_versions"."start_date")
);
--> statement-breakpoint
CREATE TABLE "assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"studio_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"drill_id" uuid NOT NULL,
	"program_id" uuid,
	"status" text DEFAULT 'active' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by_member_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assignments_studio_id_unique" UNIQUE("studio_id","id")
);
--> statement-breakpoint
CREATE TABLE "drill_prerequisites" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"studio_id" uuid NOT NULL,
	"drill_id" uuid NOT NULL,
	"requires_drill_id" uuid NOT NULL,
	"min_value_per_side" numeric NOT NULL,
	"required_days" integer NOT NULL,
	"window_days" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "drill_prerequisites_unique" UNIQUE("drill_id","requires_drill_id"),
	CONSTRAINT "drill_prerequisites_not_self" CHECK ("drill_prerequisites"."drill_id" <> "drill_prerequisites"."requires_drill_id"),
	CONSTRAINT "drill_prerequisites_rule" CHECK ("drill_prerequisites"."min_value_per_side" > 0 and "drill_prerequisites"."required_days" >= 1 and "drill_prerequisites"."window_days" between 1 and 90 and "drill_prerequisites"."required_days" <= "drill_prerequisites"."window_days")
);
--> statement-breakpoint
CREATE TABLE "drills" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"studio_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"is_built_in" boolean DEFAULT false NOT NULL,
	"copied_from_id" uuid,
	"name" text NOT NULL,
	"purpose" text DEFAULT '' NOT NULL,
	"steps" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"cues" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"equipment" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"level" text NOT NULL,
	"measure" text NOT NULL,
	"per_side" boolean NOT NULL,
	"records_contact_feel" boolean DEFAULT false NOT NULL,
	"video_url" text,
	"default_prescription" jsonb NOT NULL,
	"sort_order" integer DEFAULT 100 NOT NULL,
	"tagline" text,
	"created_by_member_id" uuid,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "drills_studio_slug_unique" UNIQUE("studio_id","slug"),
	CONSTRAINT "drills_studio_id_unique" UNIQUE("studio_id","id")
);
--> statement-breakpoint
CREATE TABLE "program_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"studio_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"drill_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"prescription" jsonb NOT NULL,
	CONSTRAINT "program_items_drill_unique" UNIQUE("program_id","drill_id")
);
--> statement-breakpoint
CREATE TABLE "programs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"studio_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"is_built_in" boolean DEFAULT false NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_by_member_id" uuid,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programs_studio_slug_unique" UNIQUE("studio_id","slug"),
	CONSTRAINT "programs_studio_id_unique" UNIQUE("studio_id","id")
);
--> statement-breakpoint
CREATE TABLE "unlock_overrides" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"studio_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"drill_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"created_by_member_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by_member_id" uuid
);
--> statement-breakpoint
ALTER TABLE "assignment_versions" ADD CONSTRAINT "assignment_versions_changed_by_member_id_studio_members_id_fk" FOREIGN KEY ("changed_by_member_id") REFERENCES "public"."studio_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_versions" ADD CONSTRAINT "assignment_versions_studio_id_assignment_id_assignments_studio_id_id_fk" FOREIGN KEY ("studio_id","assignment_id") REFERENCES "public"."assignments"("studio_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_created_by_member_id_studio_members_id_fk" FOREIGN KEY ("created_by_member_id") REFERENCES "public"."studio_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_studio_id_drill_id_drills_studio_id_id_fk" FOREIGN KEY ("studio_id","drill_id") REFERENCES "public"."drills"("studio_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drill_prerequisites" ADD CONSTRAINT "drill_prerequisites_studio_id_drill_id_drills_studio_id_id_fk" FOREIGN KEY ("studio_id","drill_id") REFERENCES "public"."drills"("studio_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drill_prerequisites" ADD CONSTRAINT "drill_prerequisites_studio_id_requires_drill_id_drills_studio_id_id_fk" FOREIGN KEY ("studio_id","requires_drill_id") REFERENCES "public"."drills"("studio_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drills" ADD CONSTRAINT "drills_studio_id_studios_id_fk" FOREIGN KEY ("studio_id") REFERENCES "public"."studios"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drills" ADD CONSTRAINT "drills_created_by_member_id_studio_members_id_fk" FOREIGN KEY ("created_by_member_id") REFERENCES "public"."studio_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_items" ADD CONSTRAINT "program_items_studio_id_program_id_programs_studio_id_id_fk" FOREIGN KEY ("studio_id","program_id") REFERENCES "public"."programs"("studio_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_items" ADD CONSTRAINT "program_items_studio_id_drill_id_drills_studio_id_id_fk" FOREIGN KEY ("studio_id","drill_id") REFERENCES "public"."drills"("studio_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_studio_id_studios_id_fk" FOREIGN KEY ("studio_id") REFERENCES "public"."studios"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_created_by_member_id_studio_members_id_fk" FOREIGN KEY ("created_by_member_id") REFERENCES "public"."studio_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unlock_overrides" ADD CONSTRAINT "unlock_overrides_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unlock_overrides" ADD CONSTRAINT "unlock_overrides_created_by_member_id_studio_members_id_fk" FOREIGN KEY ("created_by_member_id") REFERENCES "public"."studio_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unlock_overrides" ADD CONSTRAINT "unlock_overrides_revoked_by_member_id_studio_members_id_fk" FOREIGN KEY ("revoked_by_member_id") REFERENCES "public"."studio_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unlock_overrides" ADD CONSTRAINT "unlock_overrides_studio_id_drill_id_drills_studio_id_id_fk" FOREIGN KEY ("studio_id","drill_id") REFERENCES "public"."drills"("studio_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assignment_versions_studio_idx" ON "assignment_versions" USING btree ("studio_id","assignment_id");--> statement-breakpoint
CREATE INDEX "assignments_studio_client_idx" ON "assignments" USING btree ("studio_id","client_id");--> statement-breakpoint
CREATE UNIQUE INDEX "assignments_live_unique" ON "assignments" USING btree ("client_id","drill_id") WHERE "assignments"."status" <> 'ended';--> statement-breakpoint
CREATE INDEX "drill_prerequisites_studio_idx" ON "drill_prerequisites" USING btree ("studio_id","drill_id");--> statement-breakpoint
CREATE INDEX "drills_studio_name_idx" ON "drills" USING btree ("studio_id","name");--> statement-breakpoint
CREATE INDEX "program_items_studio_program_idx" ON "program_items" USING btree ("studio_id","program_id");--> statement-breakpoint
CREATE INDEX "programs_studio_name_idx" ON "programs" USING btree ("studio_id","name");--> statement-breakpoint
CREATE INDEX "unlock_overrides_studio_client_idx" ON "unlock_overrides" USING btree ("studio_id","client_id");--> statement-breakpoint
CREATE UNIQUE INDEX "unlock_overrides_live_unique" ON "unlock_overrides" USING btree ("client_id","drill_id") WHERE "unlock_overrides"."revoked_at" is null;