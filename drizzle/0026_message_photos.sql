CREATE TABLE "message_photos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"studio_id" uuid NOT NULL,
	"thread_id" uuid NOT NULL,
	"uploaded_by_user_id" uuid NOT NULL,
	"message_id" uuid,
	"content_type" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "message_photos_studio_id_unique" UNIQUE("studio_id","id"),
	CONSTRAINT "message_photos_content_type" CHECK ("message_photos"."content_type" in ('image/jpeg', 'image/webp')),
	CONSTRAINT "message_photos_size" CHECK ("message_photos"."width" between 1 and 1600 and "message_photos"."height" between 1 and 1600)
);
--> statement-breakpoint
ALTER TABLE "message_photos" ADD CONSTRAINT "message_photos_uploaded_by_user_id_users_id_fk" FOREIGN KEY ("uploaded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_photos" ADD CONSTRAINT "message_photos_studio_id_thread_id_threads_studio_id_id_fk" FOREIGN KEY ("studio_id","thread_id") REFERENCES "public"."threads"("studio_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_photos" ADD CONSTRAINT "message_photos_studio_id_message_id_messages_studio_id_id_fk" FOREIGN KEY ("studio_id","message_id") REFERENCES "public"."messages"("studio_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "message_photos_thread_idx" ON "message_photos" USING btree ("studio_id","thread_id");--> statement-breakpoint
CREATE UNIQUE INDEX "message_photos_one_per_message" ON "message_photos" USING btree ("message_id") WHERE "message_photos"."message_id" is not null;--> statement-breakpoint
CREATE INDEX "message_photos_unsent_idx" ON "message_photos" USING btree ("created_at") WHERE "message_photos"."message_id" is null;