-- Row-level security (issue 11). Written by hand, before drizzle-kit's part: the app's role, which roles are
-- a server's (shared by its databases, so one may exist already, or be created by a migration running in
-- another database at the same moment), the owner's right to take it (SET ROLE, per transaction), and its
-- grants here, also on the tables later migrations create.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'rapport_app') THEN
    CREATE ROLE rapport_app NOLOGIN;
  END IF;
EXCEPTION
  WHEN duplicate_object OR unique_violation THEN NULL;
  WHEN insufficient_privilege THEN
    RAISE EXCEPTION 'Rapport needs the role rapport_app, and % may not create roles.', current_user
      USING HINT = format('Create it once as a superuser: CREATE ROLE rapport_app NOLOGIN; GRANT rapport_app TO %I;', current_user);
END $$;--> statement-breakpoint
DO $$
BEGIN
  IF NOT pg_has_role(current_user, 'rapport_app', 'MEMBER') THEN
    EXECUTE format('GRANT rapport_app TO %I', current_user);
  END IF;
EXCEPTION WHEN insufficient_privilege THEN
  RAISE EXCEPTION 'Rapport runs its statements as the role rapport_app, and % may not take it.', current_user
    USING HINT = format('As a superuser: GRANT rapport_app TO %I;', current_user);
END $$;--> statement-breakpoint
DO $$
BEGIN
  EXECUTE format('GRANT USAGE ON SCHEMA %I TO rapport_app', current_schema());
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO rapport_app', current_schema());
  EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO rapport_app', current_schema());
  EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO rapport_app', current_schema());
  EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT ON SEQUENCES TO rapport_app', current_schema());
END $$;--> statement-breakpoint
ALTER TABLE "workspaces" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "client_category_changes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "clients" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "calls" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "incidents" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "trait_observations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "warnings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "digest_messages" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "digests" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "decisions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "proposals" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "snoozes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "audit_log" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "slack_requests" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "installations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "workspace_rows" ON "workspaces" AS PERMISSIVE FOR ALL TO "rapport_app" USING (team_id = current_setting('rapport.team_id', true)) WITH CHECK (team_id = current_setting('rapport.team_id', true));--> statement-breakpoint
CREATE POLICY "workspace_rows" ON "client_category_changes" AS PERMISSIVE FOR ALL TO "rapport_app" USING (team_id = current_setting('rapport.team_id', true)) WITH CHECK (team_id = current_setting('rapport.team_id', true));--> statement-breakpoint
CREATE POLICY "workspace_rows" ON "clients" AS PERMISSIVE FOR ALL TO "rapport_app" USING (team_id = current_setting('rapport.team_id', true)) WITH CHECK (team_id = current_setting('rapport.team_id', true));--> statement-breakpoint
CREATE POLICY "workspace_rows" ON "calls" AS PERMISSIVE FOR ALL TO "rapport_app" USING (team_id = current_setting('rapport.team_id', true)) WITH CHECK (team_id = current_setting('rapport.team_id', true));--> statement-breakpoint
CREATE POLICY "workspace_rows" ON "incidents" AS PERMISSIVE FOR ALL TO "rapport_app" USING (team_id = current_setting('rapport.team_id', true)) WITH CHECK (team_id = current_setting('rapport.team_id', true));--> statement-breakpoint
CREATE POLICY "workspace_rows" ON "trait_observations" AS PERMISSIVE FOR ALL TO "rapport_app" USING (team_id = current_setting('rapport.team_id', true)) WITH CHECK (team_id = current_setting('rapport.team_id', true));--> statement-breakpoint
CREATE POLICY "workspace_rows" ON "warnings" AS PERMISSIVE FOR ALL TO "rapport_app" USING (team_id = current_setting('rapport.team_id', true)) WITH CHECK (team_id = current_setting('rapport.team_id', true));--> statement-breakpoint
CREATE POLICY "workspace_rows" ON "digest_messages" AS PERMISSIVE FOR ALL TO "rapport_app" USING (team_id = current_setting('rapport.team_id', true)) WITH CHECK (team_id = current_setting('rapport.team_id', true));--> statement-breakpoint
CREATE POLICY "workspace_rows" ON "digests" AS PERMISSIVE FOR ALL TO "rapport_app" USING (team_id = current_setting('rapport.team_id', true)) WITH CHECK (team_id = current_setting('rapport.team_id', true));--> statement-breakpoint
CREATE POLICY "workspace_rows" ON "decisions" AS PERMISSIVE FOR ALL TO "rapport_app" USING (team_id = current_setting('rapport.team_id', true)) WITH CHECK (team_id = current_setting('rapport.team_id', true));--> statement-breakpoint
CREATE POLICY "workspace_rows" ON "proposals" AS PERMISSIVE FOR ALL TO "rapport_app" USING (team_id = current_setting('rapport.team_id', true)) WITH CHECK (team_id = current_setting('rapport.team_id', true));--> statement-breakpoint
CREATE POLICY "workspace_rows" ON "snoozes" AS PERMISSIVE FOR ALL TO "rapport_app" USING (team_id = current_setting('rapport.team_id', true)) WITH CHECK (team_id = current_setting('rapport.team_id', true));--> statement-breakpoint
CREATE POLICY "workspace_rows" ON "audit_log" AS PERMISSIVE FOR ALL TO "rapport_app" USING (team_id = current_setting('rapport.team_id', true)) WITH CHECK (team_id = current_setting('rapport.team_id', true));--> statement-breakpoint
CREATE POLICY "workspace_rows" ON "slack_requests" AS PERMISSIVE FOR ALL TO "rapport_app" USING (team_id = current_setting('rapport.team_id', true)) WITH CHECK (team_id = current_setting('rapport.team_id', true));--> statement-breakpoint
CREATE POLICY "workspace_rows" ON "installations" AS PERMISSIVE FOR ALL TO "rapport_app" USING (team_id = current_setting('rapport.team_id', true)) WITH CHECK (team_id = current_setting('rapport.team_id', true));