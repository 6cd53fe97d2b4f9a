ALTER TABLE "studios" ADD COLUMN "email_confirmed_at" timestamp with time zone DEFAULT now();--> statement-breakpoint
ALTER TABLE "studios" ADD COLUMN "stripe_account_id" text;--> statement-breakpoint
ALTER TABLE "studios" ADD COLUMN "stripe_charges_enabled" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "studios" ADD CONSTRAINT "studios_stripe_account_id_unique" UNIQUE("stripe_account_id");