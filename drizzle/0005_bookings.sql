CREATE TABLE "availability_exceptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"studio_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"date" date NOT NULL,
	"kind" text NOT NULL,
	"start_time" time,
	"end_time" time,
	CONSTRAINT "availability_exceptions_shape" CHECK (("availability_exceptions"."kind" = 'day_off' and "availability_exceptions"."start_time" is null and "availability_exceptions"."end_time" is null)
        or ("availability_exceptions"."kind" = 'extra' and "availability_exceptions"."start_time" is not null and "availability_exceptions"."end_time" > "availability_exceptions"."start_time"))
);
--> statement-breakpoint
CREATE TABLE "availability_windows" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"studio_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"weekday" smallint NOT NULL,
	"start_time" time NOT NULL,
	"end_time" time NOT NULL,
	CONSTRAINT "availability_windows_weekday" CHECK ("availability_windows"."weekday" between 1 and 7),
	CONSTRAINT "availability_windows_order" CHECK ("availability_windows"."end_time" > "availability_windows"."start_time")
);
--> statement-breakpoint
CREATE TABLE "bookings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"studio_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"session_type_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"buffer_after_minutes" integer DEFAULT 0 NOT NULL,
	"blocked" "tstzrange" NOT NULL,
	"status" text DEFAULT 'confirmed' NOT NULL,
	"price_kind" text NOT NULL,
	"price_amount_minor" integer,
	"price_currency" text,
	"price_credits" integer,
	"cancel_free_until_hours" integer DEFAULT 24 NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"cancelled_at" timestamp with time zone,
	"cancelled_by" text,
	"late_fee_amount_minor" integer,
	"late_fee_currency" text,
	"credit_forfeited" integer DEFAULT 0 NOT NULL,
	"booked_by_member_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bookings_order" CHECK ("bookings"."ends_at" > "bookings"."starts_at" and "bookings"."buffer_after_minutes" >= 0),
	CONSTRAINT "bookings_blocked_matches" CHECK ("bookings"."blocked" = tstzrange("bookings"."starts_at", "bookings"."ends_at" + "bookings"."buffer_after_minutes" * interval '1 minute', '[)')),
	CONSTRAINT "bookings_cancelled_shape" CHECK (("bookings"."status" = 'cancelled') = ("bookings"."cancelled_at" is not null and "bookings"."cancelled_by" is not null))
);
--> statement-breakpoint
CREATE TABLE "calendar_feeds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"studio_id" uuid NOT NULL,
	"member_id" uuid,
	"client_id" uuid,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_feeds_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "calendar_feeds_one_owner" CHECK (("calendar_feeds"."member_id" is null) <> ("calendar_feeds"."client_id" is null))
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"key" text NOT NULL,
	"run_at" timestamp with time zone NOT NULL,
	"done_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "jobs_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "session_types" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"studio_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"name" text NOT NULL,
	"duration_minutes" integer NOT NULL,
	"location" text,
	"online_url" text,
	"price_kind" text NOT NULL,
	"price_amount_minor" integer,
	"price_currency" text,
	"price_credits" integer,
	"buffer_after_minutes" integer DEFAULT 0 NOT NULL,
	"min_notice_minutes" integer DEFAULT 720 NOT NULL,
	"max_days_ahead" integer DEFAULT 56 NOT NULL,
	"cancel_free_until_hours" integer DEFAULT 24 NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "session_types_duration" CHECK ("session_types"."duration_minutes" between 5 and 1440),
	CONSTRAINT "session_types_rules" CHECK ("session_types"."buffer_after_minutes" >= 0 and "session_types"."min_notice_minutes" >= 0 and "session_types"."max_days_ahead" between 1 and 366 and "session_types"."cancel_free_until_hours" >= 0),
	CONSTRAINT "session_types_price" CHECK (("session_types"."price_kind" = 'money' and "session_types"."price_amount_minor" >= 0 and "session_types"."price_currency" ~ '^[A-Z]{3}$' and "session_types"."price_credits" is null)
        or ("session_types"."price_kind" = 'credits' and "session_types"."price_credits" >= 1 and "session_types"."price_amount_minor" is null and "session_types"."price_currency" is null))
);
--> statement-breakpoint
ALTER TABLE "availability_exceptions" ADD CONSTRAINT "availability_exceptions_studio_id_studios_id_fk" FOREIGN KEY ("studio_id") REFERENCES "public"."studios"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "availability_exceptions" ADD CONSTRAINT "availability_exceptions_member_id_studio_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."studio_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "availability_windows" ADD CONSTRAINT "availability_windows_studio_id_studios_id_fk" FOREIGN KEY ("studio_id") REFERENCES "public"."studios"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "availability_windows" ADD CONSTRAINT "availability_windows_member_id_studio_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."studio_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_studio_id_studios_id_fk" FOREIGN KEY ("studio_id") REFERENCES "public"."studios"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_member_id_studio_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."studio_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_session_type_id_session_types_id_fk" FOREIGN KEY ("session_type_id") REFERENCES "public"."session_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_booked_by_member_id_studio_members_id_fk" FOREIGN KEY ("booked_by_member_id") REFERENCES "public"."studio_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_studio_id_studios_id_fk" FOREIGN KEY ("studio_id") REFERENCES "public"."studios"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_member_id_studio_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."studio_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_types" ADD CONSTRAINT "session_types_studio_id_studios_id_fk" FOREIGN KEY ("studio_id") REFERENCES "public"."studios"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_types" ADD CONSTRAINT "session_types_member_id_studio_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."studio_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "availability_exceptions_studio_member_date_idx" ON "availability_exceptions" USING btree ("studio_id","member_id","date");--> statement-breakpoint
CREATE INDEX "availability_windows_studio_member_idx" ON "availability_windows" USING btree ("studio_id","member_id");--> statement-breakpoint
CREATE INDEX "bookings_studio_member_start_idx" ON "bookings" USING btree ("studio_id","member_id","starts_at");--> statement-breakpoint
CREATE INDEX "bookings_studio_client_start_idx" ON "bookings" USING btree ("studio_id","client_id","starts_at");--> statement-breakpoint
CREATE INDEX "calendar_feeds_studio_idx" ON "calendar_feeds" USING btree ("studio_id");--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_feeds_member_unique" ON "calendar_feeds" USING btree ("member_id") WHERE "calendar_feeds"."member_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_feeds_client_unique" ON "calendar_feeds" USING btree ("client_id") WHERE "calendar_feeds"."client_id" is not null;--> statement-breakpoint
CREATE INDEX "jobs_due_idx" ON "jobs" USING btree ("run_at") WHERE "jobs"."done_at" is null;--> statement-breakpoint
CREATE INDEX "session_types_studio_member_idx" ON "session_types" USING btree ("studio_id","member_id");