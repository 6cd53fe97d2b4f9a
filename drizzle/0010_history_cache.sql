CREATE TABLE "mastery_checks" (
	"client_id" uuid NOT NULL,
	"studio_id" uuid NOT NULL,
	"requires_drill_id" uuid NOT NULL,
	"rule_key" text NOT NULL,
	"checked_through" date NOT NULL,
	"first_met" date,
	CONSTRAINT "mastery_checks_client_id_requires_drill_id_rule_key_pk" PRIMARY KEY("client_id","requires_drill_id","rule_key")
);
--> statement-breakpoint
CREATE TABLE "progress_snapshots" (
	"client_id" uuid PRIMARY KEY NOT NULL,
	"studio_id" uuid NOT NULL,
	"through" date NOT NULL,
	"summary" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "mastery_checks" ADD CONSTRAINT "mastery_checks_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_snapshots" ADD CONSTRAINT "progress_snapshots_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;