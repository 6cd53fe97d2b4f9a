CREATE TABLE "studio_logos" (
	"studio_id" uuid PRIMARY KEY NOT NULL,
	"sha256" text NOT NULL,
	"png" "bytea" NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "studios" ADD COLUMN "is_listed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "studios" ADD COLUMN "brand_color" text;--> statement-breakpoint
ALTER TABLE "studios" ADD COLUMN "default_cancel_free_until_hours" integer DEFAULT 24 NOT NULL;--> statement-breakpoint
ALTER TABLE "progression_settings" ADD COLUMN "default_mastery_min_per_side" numeric DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE "progression_settings" ADD COLUMN "default_mastery_required_days" integer DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE "progression_settings" ADD COLUMN "default_mastery_window_days" integer DEFAULT 7 NOT NULL;--> statement-breakpoint
ALTER TABLE "studio_logos" ADD CONSTRAINT "studio_logos_studio_id_studios_id_fk" FOREIGN KEY ("studio_id") REFERENCES "public"."studios"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "studio_logos_sha256_idx" ON "studio_logos" USING btree ("sha256");--> statement-breakpoint
ALTER TABLE "studios" ADD CONSTRAINT "studios_brand_color_hex" CHECK ("studios"."brand_color" ~ '^#[0-9a-f]{6}$');--> statement-breakpoint
ALTER TABLE "studios" ADD CONSTRAINT "studios_default_cancel_hours" CHECK ("studios"."default_cancel_free_until_hours" between 0 and 336);--> statement-breakpoint
ALTER TABLE "progression_settings" ADD CONSTRAINT "progression_settings_mastery_default" CHECK ("progression_settings"."default_mastery_min_per_side" > 0 and "progression_settings"."default_mastery_required_days" between 1 and "progression_settings"."default_mastery_window_days" and "progression_settings"."default_mastery_window_days" between 1 and 90);--> statement-breakpoint
-- Studios made before listing was a choice (the demo's, a set-up server's) stay on the Plans page.
UPDATE "studios" SET "is_listed" = true;
