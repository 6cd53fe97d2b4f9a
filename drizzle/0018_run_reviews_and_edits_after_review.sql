CREATE TABLE "run_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"studio_id" uuid NOT NULL,
	"run_id" uuid NOT NULL,
	"reviewed_by_member_id" uuid NOT NULL,
	"feedback" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "run_reviews_run_id_unique" UNIQUE("run_id")
);
--> statement-breakpoint
ALTER TABLE "session_reviews" ADD COLUMN "session_edited_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "run_reviews" ADD CONSTRAINT "run_reviews_reviewed_by_member_id_studio_members_id_fk" FOREIGN KEY ("reviewed_by_member_id") REFERENCES "public"."studio_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "run_reviews" ADD CONSTRAINT "run_reviews_studio_id_run_id_runs_studio_id_id_fk" FOREIGN KEY ("studio_id","run_id") REFERENCES "public"."runs"("studio_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "run_reviews_studio_idx" ON "run_reviews" USING btree ("studio_id");