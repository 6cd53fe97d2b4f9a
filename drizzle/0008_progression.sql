CREATE TABLE "progression_settings" (
	"studio_id" uuid PRIMARY KEY NOT NULL,
	"asymmetry_threshold_percent" integer DEFAULT 15 NOT NULL,
	"updated_by_member_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "progression_settings_threshold" CHECK ("progression_settings"."asymmetry_threshold_percent" between 1 and 100)
);
--> statement-breakpoint
CREATE TABLE "unlock_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"studio_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"drill_id" uuid NOT NULL,
	"met_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"seen_by_client_at" timestamp with time zone,
	CONSTRAINT "unlock_events_once" UNIQUE("client_id","drill_id")
);
--> statement-breakpoint
ALTER TABLE "progression_settings" ADD CONSTRAINT "progression_settings_studio_id_studios_id_fk" FOREIGN KEY ("studio_id") REFERENCES "public"."studios"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progression_settings" ADD CONSTRAINT "progression_settings_updated_by_member_id_studio_members_id_fk" FOREIGN KEY ("updated_by_member_id") REFERENCES "public"."studio_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unlock_events" ADD CONSTRAINT "unlock_events_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unlock_events" ADD CONSTRAINT "unlock_events_studio_id_drill_id_drills_studio_id_id_fk" FOREIGN KEY ("studio_id","drill_id") REFERENCES "public"."drills"("studio_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "unlock_events_studio_recorded_idx" ON "unlock_events" USING btree ("studio_id","created_at");