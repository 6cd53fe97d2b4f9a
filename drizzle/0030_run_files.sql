CREATE TABLE "run_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"studio_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"run_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"format" text NOT NULL,
	"sha256" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"bytes" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "run_files_once_per_client" UNIQUE("studio_id","client_id","sha256"),
	CONSTRAINT "run_files_format" CHECK ("run_files"."format" in ('fit', 'gpx', 'tcx')),
	CONSTRAINT "run_files_size" CHECK ("run_files"."size_bytes" > 0)
);
--> statement-breakpoint
CREATE TABLE "run_tracks" (
	"run_id" uuid PRIMARY KEY NOT NULL,
	"studio_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"data" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "runs" ADD COLUMN "source" text DEFAULT 'typed' NOT NULL;--> statement-breakpoint
ALTER TABLE "runs" ADD COLUMN "elapsed_s" integer;--> statement-breakpoint
ALTER TABLE "runs" ADD COLUMN "elevation_gain_m" integer;--> statement-breakpoint
ALTER TABLE "runs" ADD COLUMN "avg_heart_rate" smallint;--> statement-breakpoint
ALTER TABLE "runs" ADD COLUMN "max_heart_rate" smallint;--> statement-breakpoint
ALTER TABLE "runs" ADD COLUMN "avg_cadence_spm" smallint;--> statement-breakpoint
ALTER TABLE "runs" ADD COLUMN "avg_ground_contact_ms" smallint;--> statement-breakpoint
ALTER TABLE "runs" ADD COLUMN "ground_contact_balance_left" numeric(4, 1);--> statement-breakpoint
ALTER TABLE "runs" ADD COLUMN "avg_vertical_oscillation_mm" smallint;--> statement-breakpoint
ALTER TABLE "runs" ADD COLUMN "avg_stride_length_mm" smallint;--> statement-breakpoint
ALTER TABLE "runs" ADD COLUMN "device" text;--> statement-breakpoint
ALTER TABLE "progression_settings" ADD COLUMN "load_spike_ratio" numeric(3, 2) DEFAULT 1.5 NOT NULL;--> statement-breakpoint
ALTER TABLE "run_files" ADD CONSTRAINT "run_files_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "run_files" ADD CONSTRAINT "run_files_studio_id_run_id_runs_studio_id_id_fk" FOREIGN KEY ("studio_id","run_id") REFERENCES "public"."runs"("studio_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "run_tracks" ADD CONSTRAINT "run_tracks_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "run_tracks" ADD CONSTRAINT "run_tracks_studio_id_run_id_runs_studio_id_id_fk" FOREIGN KEY ("studio_id","run_id") REFERENCES "public"."runs"("studio_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "run_files_run_idx" ON "run_files" USING btree ("studio_id","run_id");--> statement-breakpoint
CREATE INDEX "run_tracks_studio_client_idx" ON "run_tracks" USING btree ("studio_id","client_id");--> statement-breakpoint
ALTER TABLE "runs" ADD CONSTRAINT "runs_source" CHECK ("runs"."source" in ('typed', 'file'));--> statement-breakpoint
ALTER TABLE "runs" ADD CONSTRAINT "runs_elapsed" CHECK ("runs"."elapsed_s" is null or "runs"."elapsed_s" between "runs"."duration_s" and 172800);--> statement-breakpoint
ALTER TABLE "runs" ADD CONSTRAINT "runs_heart_rate" CHECK (("runs"."avg_heart_rate" is null or "runs"."avg_heart_rate" between 20 and 250) and ("runs"."max_heart_rate" is null or "runs"."max_heart_rate" between 20 and 250));--> statement-breakpoint
ALTER TABLE "runs" ADD CONSTRAINT "runs_cadence" CHECK ("runs"."avg_cadence_spm" is null or "runs"."avg_cadence_spm" between 20 and 300);--> statement-breakpoint
ALTER TABLE "runs" ADD CONSTRAINT "runs_ground_contact" CHECK ("runs"."avg_ground_contact_ms" is null or "runs"."avg_ground_contact_ms" between 50 and 1000);--> statement-breakpoint
ALTER TABLE "runs" ADD CONSTRAINT "runs_ground_contact_balance" CHECK ("runs"."ground_contact_balance_left" is null or "runs"."ground_contact_balance_left" between 30 and 70);--> statement-breakpoint
ALTER TABLE "progression_settings" ADD CONSTRAINT "progression_settings_load_spike" CHECK ("progression_settings"."load_spike_ratio" between 1.05 and 3);