CREATE TABLE "slack_requests" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"team_id" text NOT NULL,
	"request_key" text NOT NULL,
	"signature" text,
	"entry" text NOT NULL,
	"body" jsonb NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"state" text DEFAULT 'waiting' NOT NULL,
	"due_at" timestamp with time zone DEFAULT now() NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"worker" text,
	"answered_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE UNIQUE INDEX "slack_requests_team_request_key" ON "slack_requests" USING btree ("team_id","request_key");--> statement-breakpoint
CREATE UNIQUE INDEX "slack_requests_signature" ON "slack_requests" USING btree ("signature");--> statement-breakpoint
CREATE INDEX "slack_requests_due" ON "slack_requests" USING btree ("due_at") WHERE "slack_requests"."state" in ('waiting', 'working');--> statement-breakpoint
CREATE INDEX "slack_requests_finished" ON "slack_requests" USING btree ("finished_at") WHERE "slack_requests"."state" in ('done', 'failed');
