CREATE TABLE "channel_links" (
	"team_id" text NOT NULL,
	"channel_id" text NOT NULL,
	"client_id" uuid NOT NULL,
	"linked_by" text NOT NULL,
	"linked_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "channel_links" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "evidence_url" text;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "evidence_url" text;--> statement-breakpoint
ALTER TABLE "channel_links" ADD CONSTRAINT "channel_links_team_id_client_id_clients_team_id_id_fk" FOREIGN KEY ("team_id","client_id") REFERENCES "public"."clients"("team_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "channel_links_channel" ON "channel_links" USING btree ("team_id","channel_id");--> statement-breakpoint
CREATE POLICY "workspace_rows" ON "channel_links" AS PERMISSIVE FOR ALL TO "rapport_app" USING (team_id = current_setting('rapport.team_id', true)) WITH CHECK (team_id = current_setting('rapport.team_id', true));