CREATE TABLE "email_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"new_email" text NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "email_changes_user_id_unique" UNIQUE("user_id"),
	CONSTRAINT "email_changes_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "email_changes_new_email_lowercase" CHECK ("email_changes"."new_email" = lower("email_changes"."new_email"))
);
--> statement-breakpoint
ALTER TABLE "clients" DROP CONSTRAINT "clients_deleted_by";--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "is_deleted_by_self" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "distance_unit" text;--> statement-breakpoint
ALTER TABLE "email_changes" ADD CONSTRAINT "email_changes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clients" ADD CONSTRAINT "clients_deleted_by" CHECK (case when "clients"."deleted_at" is null then "clients"."deleted_by_member_id" is null and not "clients"."is_deleted_by_self" else ("clients"."deleted_by_member_id" is not null) <> "clients"."is_deleted_by_self" end);--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_distance_unit" CHECK ("users"."distance_unit" in ('km', 'mi'));