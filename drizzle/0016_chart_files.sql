CREATE TABLE "chart_files" (
	"team_id" text NOT NULL,
	"client_id" uuid,
	"picture_key" text NOT NULL,
	"file_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "chart_files_picture" UNIQUE NULLS NOT DISTINCT("team_id","picture_key","client_id")
);
--> statement-breakpoint
ALTER TABLE "chart_files" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "chart_files" ADD CONSTRAINT "chart_files_team_id_client_id_clients_team_id_id_fk" FOREIGN KEY ("team_id","client_id") REFERENCES "public"."clients"("team_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "chart_files_client" ON "chart_files" USING btree ("team_id","client_id");--> statement-breakpoint
CREATE POLICY "workspace_rows" ON "chart_files" AS PERMISSIVE FOR ALL TO "rapport_app" USING (team_id = (select rapport_team())) WITH CHECK (team_id = (select rapport_team()));--> statement-breakpoint
-- By hand, as migration 0014 did for every other table (schema/columns.ts): the policies bind the owner too, and
-- the owner's own policy lets it see every row.
ALTER TABLE "chart_files" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
DO $$
BEGIN
  EXECUTE format('CREATE POLICY owner_rows ON chart_files AS PERMISSIVE FOR ALL TO %I USING (true) WITH CHECK (true)', current_user);
END $$;
