-- Row-level security that the app's statements cannot step out of (README, "Each workspace's rows, and no other's").
-- Written by hand, before drizzle-kit's part (the policies' new expression, which needs rapport_team()).
-- 1. The app's workspace connections log in as rapport_app itself, not as the owner taking it per transaction,
-- so RESET ROLE leaves them rapport_app. Roles are the server's: another database's migration may be letting it
-- log in at the same moment ("tuple concurrently updated"), which is as good as done here.
DO $$
BEGIN
  IF NOT (SELECT rolcanlogin FROM pg_roles WHERE rolname = 'rapport_app') THEN
    ALTER ROLE rapport_app LOGIN;
  END IF;
EXCEPTION
  WHEN insufficient_privilege THEN
    RAISE EXCEPTION 'Rapport''s workspace connections log in as the role rapport_app, and % may not let it log in.', current_user
      USING HINT = 'As a superuser: ALTER ROLE rapport_app LOGIN;';
  WHEN internal_error THEN
    IF NOT (SELECT rolcanlogin FROM pg_roles WHERE rolname = 'rapport_app') THEN
      RAISE;
    END IF;
END $$;--> statement-breakpoint
-- 2. The workspace a transaction works for comes with a proof only the owner can compute: a secret of this
-- database's own, made here once (gen_random_uuid() is built in and draws from the server's strong random
-- source: two give 244 random bits), readable by the owner alone. Without the secret, rapport_app cannot name
-- a workspace other than the one the app entered.
CREATE TABLE "workspace_proof_secret" (
	"only_row" boolean PRIMARY KEY DEFAULT true CHECK ("only_row"),
	"secret" text NOT NULL
);--> statement-breakpoint
INSERT INTO "workspace_proof_secret" ("secret") SELECT replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '');--> statement-breakpoint
-- Migration 0010's default privileges granted it to rapport_app, as to every new table.
REVOKE ALL ON "workspace_proof_secret" FROM PUBLIC, rapport_app;--> statement-breakpoint
ALTER TABLE "workspace_proof_secret" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
-- The workspace the transaction proved, else NULL (no row matches): rapport.team_id counts only with
-- rapport.team_proof = hex(sha256(secret || ':' || team_id)), which db/workspaceScope.ts sets beside it. SECURITY
-- DEFINER, so it reads the secret as the owner; its search_path is pinned (pg_catalog first, then this schema),
-- so no setting of the caller's puts another table or operator in place of these. The policies call it as
-- (select rapport_team()): once per table a statement reads (an InitPlan), its value used by index scans on
-- team_id like a constant. PL/pgSQL keeps its plan for the session: measured, 6-10 µs a call, against 30-38 µs
-- for a SQL function, which plans its body again at every call site (a Home tab's read has 19).
CREATE FUNCTION rapport_team() RETURNS text LANGUAGE plpgsql STABLE SECURITY DEFINER PARALLEL SAFE AS $$
BEGIN
  RETURN (SELECT current_setting('rapport.team_id', true) FROM workspace_proof_secret
          WHERE encode(sha256(convert_to(secret || ':' || current_setting('rapport.team_id', true), 'UTF8')), 'hex') = current_setting('rapport.team_proof', true));
END $$;--> statement-breakpoint
DO $$
BEGIN
  EXECUTE format('ALTER FUNCTION rapport_team() SET search_path = pg_catalog, %I, pg_temp', current_schema());
END $$;--> statement-breakpoint
REVOKE ALL ON FUNCTION rapport_team() FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION rapport_team() TO rapport_app;--> statement-breakpoint
-- 3. FORCE: the policies bind the tables' owner too, so no role but a superuser's (or one with BYPASSRLS) reads
-- past them. The owner, though, is the user of DATABASE_URL, which migrates and does what spans workspaces (the
-- request inbox, installations, the list of workspaces, the purge): a policy of its own lets it see every row.
-- Its name is known only now (current_user), hence the dynamic SQL; rapport_app is a member of no role, so this
-- policy never applies to it (checked at every start, db/client.ts).
ALTER TABLE "workspaces" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "channel_links" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "client_category_changes" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "clients" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "calls" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "incidents" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "trait_observations" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "warnings" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "digest_messages" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "digests" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "decisions" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "proposals" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "snoozes" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "audit_log" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "slack_requests" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "installations" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "next_steps" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "personal_digest_subscribers" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "personal_sends" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "client_rollups" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "decay_bases" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "workspace_proof_secret" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
DO $$
DECLARE
  owned text;
BEGIN
  FOREACH owned IN ARRAY ARRAY['workspaces', 'channel_links', 'client_category_changes', 'clients', 'calls', 'incidents', 'trait_observations', 'warnings', 'digest_messages', 'digests', 'decisions', 'proposals', 'snoozes', 'audit_log', 'slack_requests', 'installations', 'next_steps', 'personal_digest_subscribers', 'personal_sends', 'client_rollups', 'decay_bases', 'workspace_proof_secret'] LOOP
    EXECUTE format('CREATE POLICY owner_rows ON %I AS PERMISSIVE FOR ALL TO %I USING (true) WITH CHECK (true)', owned, current_user);
  END LOOP;
END $$;--> statement-breakpoint
-- 4. Nothing of rapport_app's own on the search path: a temporary table named like one of Rapport's would come
-- first, and take the rows of the next transactions on the same pooled connection, whichever their workspace; so
-- would objects it created in the schema. Rapport creates neither at run time. Databases let PUBLIC create
-- temporary tables (and, before PostgreSQL 15, create in schema public): revoked here where this user may, and
-- checked at every start (db/client.ts), which says what to run where it may not (REVOKE only warns).
DO $$
BEGIN
  EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC, rapport_app', current_database());
  EXECUTE format('REVOKE CREATE ON SCHEMA %I FROM PUBLIC, rapport_app', current_schema());
END $$;--> statement-breakpoint
ALTER POLICY "workspace_rows" ON "workspaces" TO rapport_app USING (team_id = (select rapport_team())) WITH CHECK (team_id = (select rapport_team()));--> statement-breakpoint
ALTER POLICY "workspace_rows" ON "channel_links" TO rapport_app USING (team_id = (select rapport_team())) WITH CHECK (team_id = (select rapport_team()));--> statement-breakpoint
ALTER POLICY "workspace_rows" ON "client_category_changes" TO rapport_app USING (team_id = (select rapport_team())) WITH CHECK (team_id = (select rapport_team()));--> statement-breakpoint
ALTER POLICY "workspace_rows" ON "clients" TO rapport_app USING (team_id = (select rapport_team())) WITH CHECK (team_id = (select rapport_team()));--> statement-breakpoint
ALTER POLICY "workspace_rows" ON "calls" TO rapport_app USING (team_id = (select rapport_team())) WITH CHECK (team_id = (select rapport_team()));--> statement-breakpoint
ALTER POLICY "workspace_rows" ON "incidents" TO rapport_app USING (team_id = (select rapport_team())) WITH CHECK (team_id = (select rapport_team()));--> statement-breakpoint
ALTER POLICY "workspace_rows" ON "trait_observations" TO rapport_app USING (team_id = (select rapport_team())) WITH CHECK (team_id = (select rapport_team()));--> statement-breakpoint
ALTER POLICY "workspace_rows" ON "warnings" TO rapport_app USING (team_id = (select rapport_team())) WITH CHECK (team_id = (select rapport_team()));--> statement-breakpoint
ALTER POLICY "workspace_rows" ON "digest_messages" TO rapport_app USING (team_id = (select rapport_team())) WITH CHECK (team_id = (select rapport_team()));--> statement-breakpoint
ALTER POLICY "workspace_rows" ON "digests" TO rapport_app USING (team_id = (select rapport_team())) WITH CHECK (team_id = (select rapport_team()));--> statement-breakpoint
ALTER POLICY "workspace_rows" ON "decisions" TO rapport_app USING (team_id = (select rapport_team())) WITH CHECK (team_id = (select rapport_team()));--> statement-breakpoint
ALTER POLICY "workspace_rows" ON "proposals" TO rapport_app USING (team_id = (select rapport_team())) WITH CHECK (team_id = (select rapport_team()));--> statement-breakpoint
ALTER POLICY "workspace_rows" ON "snoozes" TO rapport_app USING (team_id = (select rapport_team())) WITH CHECK (team_id = (select rapport_team()));--> statement-breakpoint
ALTER POLICY "workspace_rows" ON "audit_log" TO rapport_app USING (team_id = (select rapport_team())) WITH CHECK (team_id = (select rapport_team()));--> statement-breakpoint
ALTER POLICY "workspace_rows" ON "slack_requests" TO rapport_app USING (team_id = (select rapport_team())) WITH CHECK (team_id = (select rapport_team()));--> statement-breakpoint
ALTER POLICY "workspace_rows" ON "installations" TO rapport_app USING (team_id = (select rapport_team())) WITH CHECK (team_id = (select rapport_team()));--> statement-breakpoint
ALTER POLICY "workspace_rows" ON "next_steps" TO rapport_app USING (team_id = (select rapport_team())) WITH CHECK (team_id = (select rapport_team()));--> statement-breakpoint
ALTER POLICY "workspace_rows" ON "personal_digest_subscribers" TO rapport_app USING (team_id = (select rapport_team())) WITH CHECK (team_id = (select rapport_team()));--> statement-breakpoint
ALTER POLICY "workspace_rows" ON "personal_sends" TO rapport_app USING (team_id = (select rapport_team())) WITH CHECK (team_id = (select rapport_team()));--> statement-breakpoint
ALTER POLICY "workspace_rows" ON "client_rollups" TO rapport_app USING (team_id = (select rapport_team())) WITH CHECK (team_id = (select rapport_team()));--> statement-breakpoint
ALTER POLICY "workspace_rows" ON "decay_bases" TO rapport_app USING (team_id = (select rapport_team())) WITH CHECK (team_id = (select rapport_team()));