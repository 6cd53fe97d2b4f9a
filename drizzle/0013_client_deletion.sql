ALTER TABLE "clients" ADD COLUMN "deleted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "deleted_by_member_id" uuid;--> statement-breakpoint
ALTER TABLE "clients" ADD CONSTRAINT "clients_deleted_by_member_id_studio_members_id_fk" FOREIGN KEY ("deleted_by_member_id") REFERENCES "public"."studio_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clients" ADD CONSTRAINT "clients_deleted_by" CHECK (("clients"."deleted_at" is null) = ("clients"."deleted_by_member_id" is null));