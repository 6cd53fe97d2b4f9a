CREATE TABLE "staff_invites" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"studio_id" uuid NOT NULL,
	"email" text NOT NULL,
	"invited_by_member_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"member_id" uuid,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "staff_invites_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "staff_invites_email_lowercase" CHECK ("staff_invites"."email" = lower("staff_invites"."email")),
	CONSTRAINT "staff_invites_one_end" CHECK ("staff_invites"."accepted_at" is null or "staff_invites"."revoked_at" is null),
	CONSTRAINT "staff_invites_accepted_member" CHECK (("staff_invites"."accepted_at" is null) = ("staff_invites"."member_id" is null))
);
--> statement-breakpoint
ALTER TABLE "studio_members" ADD COLUMN "deactivated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "staff_invites" ADD CONSTRAINT "staff_invites_studio_id_studios_id_fk" FOREIGN KEY ("studio_id") REFERENCES "public"."studios"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_invites" ADD CONSTRAINT "staff_invites_invited_by_member_id_studio_members_id_fk" FOREIGN KEY ("invited_by_member_id") REFERENCES "public"."studio_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_invites" ADD CONSTRAINT "staff_invites_member_id_studio_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."studio_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "staff_invites_studio_idx" ON "staff_invites" USING btree ("studio_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "staff_invites_waiting_unique" ON "staff_invites" USING btree ("studio_id","email") WHERE "staff_invites"."accepted_at" is null and "staff_invites"."revoked_at" is null;