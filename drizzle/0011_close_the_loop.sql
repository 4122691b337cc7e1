CREATE TABLE "channel_links" (
	"team_id" text NOT NULL,
	"channel_id" text NOT NULL,
	"client_id" uuid NOT NULL,
	"linked_by" text NOT NULL,
	"linked_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "channel_links" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "next_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" text NOT NULL,
	"client_id" uuid NOT NULL,
	"what" text NOT NULL,
	"assignee_user_id" text NOT NULL,
	"due_on" date NOT NULL,
	"source" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"done_at" timestamp with time zone,
	"done_by" text,
	"request_key" text
);
--> statement-breakpoint
ALTER TABLE "next_steps" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "personal_digest_subscribers" (
	"team_id" text NOT NULL,
	"user_id" text NOT NULL,
	"subscribed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "personal_digest_subscribers" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "personal_sends" (
	"team_id" text NOT NULL,
	"user_id" text NOT NULL,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"claimed_by" text NOT NULL,
	"claimed_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "personal_sends" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "renews_on" date;--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "evidence_url" text;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "evidence_url" text;--> statement-breakpoint
ALTER TABLE "channel_links" ADD CONSTRAINT "channel_links_team_id_client_id_clients_team_id_id_fk" FOREIGN KEY ("team_id","client_id") REFERENCES "public"."clients"("team_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "next_steps" ADD CONSTRAINT "next_steps_team_id_client_id_clients_team_id_id_fk" FOREIGN KEY ("team_id","client_id") REFERENCES "public"."clients"("team_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "channel_links_channel" ON "channel_links" USING btree ("team_id","channel_id");--> statement-breakpoint
CREATE UNIQUE INDEX "next_steps_team_request_key" ON "next_steps" USING btree ("team_id","request_key");--> statement-breakpoint
CREATE INDEX "next_steps_assignee" ON "next_steps" USING btree ("team_id","assignee_user_id","due_on");--> statement-breakpoint
CREATE INDEX "next_steps_client" ON "next_steps" USING btree ("team_id","client_id","due_on");--> statement-breakpoint
CREATE UNIQUE INDEX "personal_digest_subscribers_user" ON "personal_digest_subscribers" USING btree ("team_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "personal_sends_once" ON "personal_sends" USING btree ("team_id","user_id","kind","key");--> statement-breakpoint
CREATE POLICY "workspace_rows" ON "channel_links" AS PERMISSIVE FOR ALL TO "rapport_app" USING (team_id = current_setting('rapport.team_id', true)) WITH CHECK (team_id = current_setting('rapport.team_id', true));--> statement-breakpoint
CREATE POLICY "workspace_rows" ON "next_steps" AS PERMISSIVE FOR ALL TO "rapport_app" USING (team_id = current_setting('rapport.team_id', true)) WITH CHECK (team_id = current_setting('rapport.team_id', true));--> statement-breakpoint
CREATE POLICY "workspace_rows" ON "personal_digest_subscribers" AS PERMISSIVE FOR ALL TO "rapport_app" USING (team_id = current_setting('rapport.team_id', true)) WITH CHECK (team_id = current_setting('rapport.team_id', true));--> statement-breakpoint
CREATE POLICY "workspace_rows" ON "personal_sends" AS PERMISSIVE FOR ALL TO "rapport_app" USING (team_id = current_setting('rapport.team_id', true)) WITH CHECK (team_id = current_setting('rapport.team_id', true));