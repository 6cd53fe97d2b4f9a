CREATE TABLE "message_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"studio_id" uuid NOT NULL,
	"owner_member_id" uuid,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "message_templates_studio_id_unique" UNIQUE("studio_id","id"),
	CONSTRAINT "message_templates_title_length" CHECK (char_length("message_templates"."title") between 1 and 80),
	CONSTRAINT "message_templates_body_length" CHECK (char_length("message_templates"."body") between 1 and 4000)
);
--> statement-breakpoint
ALTER TABLE "message_templates" ADD CONSTRAINT "message_templates_studio_id_studios_id_fk" FOREIGN KEY ("studio_id") REFERENCES "public"."studios"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_templates" ADD CONSTRAINT "message_templates_owner_member_id_studio_members_id_fk" FOREIGN KEY ("owner_member_id") REFERENCES "public"."studio_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "message_templates_studio_owner_idx" ON "message_templates" USING btree ("studio_id","owner_member_id");