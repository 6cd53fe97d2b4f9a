CREATE TABLE "video_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"studio_id" uuid NOT NULL,
	"video_id" uuid NOT NULL,
	"author_user_id" uuid NOT NULL,
	"at_ms" integer NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "video_comments_at" CHECK ("video_comments"."at_ms" >= 0),
	CONSTRAINT "video_comments_body" CHECK (char_length("video_comments"."body") between 1 and 1000)
);
--> statement-breakpoint
ALTER TABLE "video_comments" ADD CONSTRAINT "video_comments_studio_id_studios_id_fk" FOREIGN KEY ("studio_id") REFERENCES "public"."studios"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "video_comments" ADD CONSTRAINT "video_comments_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "video_comments" ADD CONSTRAINT "video_comments_studio_id_video_id_videos_studio_id_id_fk" FOREIGN KEY ("studio_id","video_id") REFERENCES "public"."videos"("studio_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "video_comments_studio_video_at_idx" ON "video_comments" USING btree ("studio_id","video_id","at_ms");