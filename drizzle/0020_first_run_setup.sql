CREATE TABLE "installation" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"setup_code_hash" text,
	"setup_code_issued_at" timestamp with time zone,
	"set_up_at" timestamp with time zone,
	CONSTRAINT "installation_single_row" CHECK ("installation"."id" = 1),
	CONSTRAINT "installation_code_dies_at_set_up" CHECK ("installation"."set_up_at" is null or "installation"."setup_code_hash" is null)
);
--> statement-breakpoint
ALTER TABLE "studios" ADD COLUMN "currency" text DEFAULT 'GBP' NOT NULL;--> statement-breakpoint
ALTER TABLE "studios" ADD COLUMN "distance_unit" text DEFAULT 'km' NOT NULL;--> statement-breakpoint
ALTER TABLE "studios" ADD CONSTRAINT "studios_currency_iso" CHECK ("studios"."currency" ~ '^[A-Z]{3}$');--> statement-breakpoint
ALTER TABLE "studios" ADD CONSTRAINT "studios_distance_unit" CHECK ("studios"."distance_unit" in ('km', 'mi'));