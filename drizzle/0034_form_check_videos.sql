CREATE TABLE "videos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"studio_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"uploaded_by_user_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"drill_id" uuid NOT NULL,
	"set_number" smallint NOT NULL,
	"side" text NOT NULL,
	"status" text DEFAULT 'uploading' NOT NULL,
	"status_note" text,
	"original_key" text,
	"copy_key" text,
	"poster_key" text,
	"mime_type" text,
	"size_bytes" bigint DEFAULT 0 NOT NULL,
	"duration_ms" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "videos_studio_id_unique" UNIQUE("studio_id","id"),
	CONSTRAINT "videos_set" CHECK ("videos"."set_number" between 1 and 20),
	CONSTRAINT "videos_size" CHECK ("videos"."size_bytes" >= 0),
	CONSTRAINT "videos_duration" CHECK ("videos"."duration_ms" is null or "videos"."duration_ms" between 0 and 600000),
	CONSTRAINT "videos_status" CHECK ("videos"."status" in ('uploading', 'processing', 'ready', 'failed')),
	CONSTRAINT "videos_ready_has_file" CHECK ("videos"."status" <> 'ready' or "videos"."copy_key" is not null or "videos"."original_key" is not null)
);
--> statement-breakpoint
ALTER TABLE "videos" ADD CONSTRAINT "videos_studio_id_studios_id_fk" FOREIGN KEY ("studio_id") REFERENCES "public"."studios"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "videos" ADD CONSTRAINT "videos_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "videos" ADD CONSTRAINT "videos_uploaded_by_user_id_users_id_fk" FOREIGN KEY ("uploaded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "videos" ADD CONSTRAINT "videos_studio_id_session_id_practice_sessions_studio_id_id_fk" FOREIGN KEY ("studio_id","session_id") REFERENCES "public"."practice_sessions"("studio_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "videos_studio_session_idx" ON "videos" USING btree ("studio_id","session_id");--> statement-breakpoint
CREATE INDEX "videos_studio_client_idx" ON "videos" USING btree ("studio_id","client_id");--> statement-breakpoint
CREATE INDEX "videos_uploading_created_idx" ON "videos" USING btree ("created_at") WHERE "videos"."status" = 'uploading';