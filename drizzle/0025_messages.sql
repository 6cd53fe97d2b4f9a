CREATE TABLE "messages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"studio_id" uuid NOT NULL,
	"thread_id" uuid NOT NULL,
	"author_user_id" uuid NOT NULL,
	"author_kind" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "messages_studio_id_unique" UNIQUE("studio_id","id"),
	CONSTRAINT "messages_body_length" CHECK (char_length("messages"."body") <= 4000)
);
--> statement-breakpoint
CREATE TABLE "thread_reads" (
	"studio_id" uuid NOT NULL,
	"thread_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"last_read_at" timestamp with time zone NOT NULL,
	CONSTRAINT "thread_reads_thread_id_user_id_pk" PRIMARY KEY("thread_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "threads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"studio_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"session_id" uuid,
	"run_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_message_at" timestamp with time zone,
	"last_message_id" uuid,
	"last_author_kind" text,
	CONSTRAINT "threads_studio_id_unique" UNIQUE("studio_id","id"),
	CONSTRAINT "threads_kind_names_its_log" CHECK (case "threads"."kind" when 'conversation' then "threads"."session_id" is null and "threads"."run_id" is null when 'session' then "threads"."session_id" is not null and "threads"."run_id" is null else "threads"."run_id" is not null and "threads"."session_id" is null end)
);
--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_studio_id_thread_id_threads_studio_id_id_fk" FOREIGN KEY ("studio_id","thread_id") REFERENCES "public"."threads"("studio_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "thread_reads" ADD CONSTRAINT "thread_reads_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "thread_reads" ADD CONSTRAINT "thread_reads_studio_id_thread_id_threads_studio_id_id_fk" FOREIGN KEY ("studio_id","thread_id") REFERENCES "public"."threads"("studio_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "threads" ADD CONSTRAINT "threads_studio_id_studios_id_fk" FOREIGN KEY ("studio_id") REFERENCES "public"."studios"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "threads" ADD CONSTRAINT "threads_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "threads" ADD CONSTRAINT "threads_studio_id_session_id_practice_sessions_studio_id_id_fk" FOREIGN KEY ("studio_id","session_id") REFERENCES "public"."practice_sessions"("studio_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "threads" ADD CONSTRAINT "threads_studio_id_run_id_runs_studio_id_id_fk" FOREIGN KEY ("studio_id","run_id") REFERENCES "public"."runs"("studio_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "messages_thread_created_idx" ON "messages" USING btree ("studio_id","thread_id","created_at");--> statement-breakpoint
CREATE INDEX "messages_author_created_idx" ON "messages" USING btree ("author_user_id","created_at");--> statement-breakpoint
CREATE INDEX "thread_reads_user_idx" ON "thread_reads" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "threads_one_conversation_per_client" ON "threads" USING btree ("studio_id","client_id") WHERE "threads"."kind" = 'conversation';--> statement-breakpoint
CREATE UNIQUE INDEX "threads_one_per_session" ON "threads" USING btree ("session_id") WHERE "threads"."session_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "threads_one_per_run" ON "threads" USING btree ("run_id") WHERE "threads"."run_id" is not null;--> statement-breakpoint
CREATE INDEX "threads_studio_last_message_idx" ON "threads" USING btree ("studio_id","last_message_at");