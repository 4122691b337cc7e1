CREATE TABLE "person_settings" (
	"team_id" text NOT NULL,
	"user_id" text NOT NULL,
	"language" text,
	"calendar" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "person_settings_language" CHECK ("person_settings"."language" in ('en', 'tr', 'fa', 'fi')),
	CONSTRAINT "person_settings_calendar" CHECK ("person_settings"."calendar" in ('gregory', 'persian'))
);
--> statement-breakpoint
ALTER TABLE "person_settings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "workspaces" ALTER COLUMN "digest_day" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "workspaces" ALTER COLUMN "digest_day" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "language" text;--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "currency" text;--> statement-breakpoint
CREATE UNIQUE INDEX "person_settings_user" ON "person_settings" USING btree ("team_id","user_id");--> statement-breakpoint
ALTER TABLE "workspaces" ADD CONSTRAINT "workspaces_language" CHECK ("workspaces"."language" in ('en', 'tr', 'fa', 'fi'));--> statement-breakpoint
ALTER TABLE "workspaces" ADD CONSTRAINT "workspaces_currency" CHECK ("workspaces"."currency" ~ '^[A-Z]{3}$');--> statement-breakpoint
CREATE POLICY "workspace_rows" ON "person_settings" AS PERMISSIVE FOR ALL TO "rapport_app" USING (team_id = (select rapport_team())) WITH CHECK (team_id = (select rapport_team()));--> statement-breakpoint
-- By hand, as migration 0014 did for every other table (schema/columns.ts): the policies bind the owner too, and
-- the owner's own policy lets it see every row.
ALTER TABLE "person_settings" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
DO $$
BEGIN
  EXECUTE format('CREATE POLICY owner_rows ON person_settings AS PERMISSIVE FOR ALL TO %I USING (true) WITH CHECK (true)', current_user);
END $$;
