CREATE TYPE "public"."client_category" AS ENUM('regular', 'vip', 'problem', 'employee');--> statement-breakpoint
CREATE TYPE "public"."client_status" AS ENUM('active', 'under_review', 'prepay_only', 'exited');--> statement-breakpoint
CREATE TYPE "public"."decision_kind" AS ENUM('acknowledge', 'keep', 'require_prepayment', 'start_exit');--> statement-breakpoint
CREATE TYPE "public"."digest_status" AS ENUM('claimed', 'posted');--> statement-breakpoint
CREATE TYPE "public"."incident_kind" AS ENUM('physical_abuse', 'mental_abuse', 'lying', 'unreasonable_demands', 'slow_payment', 'invoice_dispute', 'changes_mind', 'ignores_advice', 'competitor_play', 'legal_exposure');--> statement-breakpoint
CREATE TYPE "public"."client_relationship" AS ENUM('long_term', 'stepping_stone', 'unknown');--> statement-breakpoint
CREATE TABLE "workspaces" (
	"team_id" text PRIMARY KEY NOT NULL,
	"name" text,
	"digest_channel_id" text,
	"time_zone" text DEFAULT 'UTC' NOT NULL,
	"digest_day" smallint DEFAULT 1 NOT NULL,
	"digest_time" text DEFAULT '09:00' NOT NULL,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workspaces_digest_day" CHECK ("workspaces"."digest_day" between 0 and 6),
	CONSTRAINT "workspaces_digest_time" CHECK ("workspaces"."digest_time" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$')
);
--> statement-breakpoint
CREATE TABLE "client_category_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" text NOT NULL,
	"client_id" uuid NOT NULL,
	"from_category" "client_category" NOT NULL,
	"to_category" "client_category" NOT NULL,
	"changed_by" text NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "clients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" text NOT NULL,
	"name" text NOT NULL,
	"category" "client_category" DEFAULT 'regular' NOT NULL,
	"relationship" "client_relationship" DEFAULT 'unknown' NOT NULL,
	"status" "client_status" DEFAULT 'active' NOT NULL,
	"owner_user_id" text,
	"monthly_value" numeric(14, 2),
	"trait_weights" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"exited_at" timestamp with time zone,
	CONSTRAINT "clients_team_id" UNIQUE("team_id","id")
);
--> statement-breakpoint
CREATE TABLE "calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" text NOT NULL,
	"client_id" uuid NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"logged_by" text NOT NULL,
	"logged_at" timestamp with time zone DEFAULT now() NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"our_side" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"request_key" text
);
--> statement-breakpoint
CREATE TABLE "incidents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" text NOT NULL,
	"client_id" uuid NOT NULL,
	"kind" "incident_kind" NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"logged_by" text NOT NULL,
	"logged_at" timestamp with time zone DEFAULT now() NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"details" jsonb NOT NULL,
	"request_key" text
);
--> statement-breakpoint
CREATE TABLE "trait_observations" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "trait_observations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"team_id" text NOT NULL,
	"client_id" uuid NOT NULL,
	"call_id" uuid NOT NULL,
	"trait" text NOT NULL,
	"observed_at" timestamp with time zone NOT NULL,
	"logged_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "warnings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" text NOT NULL,
	"client_id" uuid NOT NULL,
	"kind" "incident_kind" NOT NULL,
	"given_at" timestamp with time zone NOT NULL,
	"given_by" text NOT NULL,
	"incident_id" uuid,
	"note" text DEFAULT '' NOT NULL,
	"logged_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "digests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" text NOT NULL,
	"week" date NOT NULL,
	"channel_id" text NOT NULL,
	"status" "digest_status" DEFAULT 'claimed' NOT NULL,
	"claimed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"claimed_by" text NOT NULL,
	"posted_at" timestamp with time zone,
	"message_ts" text
);
--> statement-breakpoint
CREATE TABLE "decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" text NOT NULL,
	"client_id" uuid NOT NULL,
	"kind" "decision_kind" NOT NULL,
	"reason" text,
	"decided_by" text NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	"digest_id" uuid,
	CONSTRAINT "decisions_keep_reason" CHECK ("decisions"."kind" <> 'keep' or coalesce(length(trim("decisions"."reason")), 0) > 0)
);
--> statement-breakpoint
CREATE TABLE "snoozes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" text NOT NULL,
	"client_id" uuid NOT NULL,
	"snoozed_by" text NOT NULL,
	"snoozed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"until" timestamp with time zone NOT NULL,
	"digest_id" uuid,
	CONSTRAINT "snoozes_until_after_start" CHECK ("snoozes"."until" > "snoozes"."snoozed_at")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"team_id" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "client_category_changes" ADD CONSTRAINT "client_category_changes_team_id_client_id_clients_team_id_id_fk" FOREIGN KEY ("team_id","client_id") REFERENCES "public"."clients"("team_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clients" ADD CONSTRAINT "clients_team_id_workspaces_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."workspaces"("team_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_team_id_client_id_clients_team_id_id_fk" FOREIGN KEY ("team_id","client_id") REFERENCES "public"."clients"("team_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_team_id_client_id_clients_team_id_id_fk" FOREIGN KEY ("team_id","client_id") REFERENCES "public"."clients"("team_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trait_observations" ADD CONSTRAINT "trait_observations_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trait_observations" ADD CONSTRAINT "trait_observations_team_id_client_id_clients_team_id_id_fk" FOREIGN KEY ("team_id","client_id") REFERENCES "public"."clients"("team_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warnings" ADD CONSTRAINT "warnings_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warnings" ADD CONSTRAINT "warnings_team_id_client_id_clients_team_id_id_fk" FOREIGN KEY ("team_id","client_id") REFERENCES "public"."clients"("team_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "digests" ADD CONSTRAINT "digests_team_id_workspaces_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."workspaces"("team_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_digest_id_digests_id_fk" FOREIGN KEY ("digest_id") REFERENCES "public"."digests"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_team_id_client_id_clients_team_id_id_fk" FOREIGN KEY ("team_id","client_id") REFERENCES "public"."clients"("team_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "snoozes" ADD CONSTRAINT "snoozes_digest_id_digests_id_fk" FOREIGN KEY ("digest_id") REFERENCES "public"."digests"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "snoozes" ADD CONSTRAINT "snoozes_team_id_client_id_clients_team_id_id_fk" FOREIGN KEY ("team_id","client_id") REFERENCES "public"."clients"("team_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "category_changes_client" ON "client_category_changes" USING btree ("team_id","client_id","changed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "clients_team_name" ON "clients" USING btree ("team_id",lower("name"));--> statement-breakpoint
CREATE INDEX "clients_team_owner" ON "clients" USING btree ("team_id","owner_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "calls_team_request_key" ON "calls" USING btree ("team_id","request_key");--> statement-breakpoint
CREATE INDEX "calls_client_occurred" ON "calls" USING btree ("team_id","client_id","occurred_at");--> statement-breakpoint
CREATE INDEX "calls_team_logged" ON "calls" USING btree ("team_id","logged_at");--> statement-breakpoint
CREATE UNIQUE INDEX "incidents_team_request_key" ON "incidents" USING btree ("team_id","request_key");--> statement-breakpoint
CREATE INDEX "incidents_client_occurred" ON "incidents" USING btree ("team_id","client_id","occurred_at");--> statement-breakpoint
CREATE INDEX "incidents_team_occurred" ON "incidents" USING btree ("team_id","occurred_at");--> statement-breakpoint
CREATE INDEX "incidents_team_logged" ON "incidents" USING btree ("team_id","logged_at");--> statement-breakpoint
CREATE INDEX "observations_team_time" ON "trait_observations" USING btree ("team_id","observed_at","client_id","trait");--> statement-breakpoint
CREATE INDEX "observations_client_time" ON "trait_observations" USING btree ("team_id","client_id","observed_at");--> statement-breakpoint
CREATE INDEX "observations_call" ON "trait_observations" USING btree ("call_id");--> statement-breakpoint
CREATE INDEX "warnings_client" ON "warnings" USING btree ("team_id","client_id","given_at");--> statement-breakpoint
CREATE UNIQUE INDEX "digests_team_week" ON "digests" USING btree ("team_id","week");--> statement-breakpoint
CREATE INDEX "digests_status" ON "digests" USING btree ("status","claimed_at");--> statement-breakpoint
CREATE INDEX "decisions_client" ON "decisions" USING btree ("team_id","client_id","decided_at");--> statement-breakpoint
CREATE INDEX "snoozes_client" ON "snoozes" USING btree ("team_id","client_id","until");--> statement-breakpoint
CREATE INDEX "audit_team_time" ON "audit_log" USING btree ("team_id","at");--> statement-breakpoint
CREATE INDEX "audit_entity" ON "audit_log" USING btree ("team_id","entity_type","entity_id");