-- Written by hand, before drizzle-kit's part: the per-trait sums of 0012 give way to one rollup per client
-- (schema/decay.ts), weighed at write time; their trigger goes first.
DROP TRIGGER trait_decay_sums_insert ON trait_observations;--> statement-breakpoint
DROP TRIGGER trait_decay_sums_update ON trait_observations;--> statement-breakpoint
DROP TRIGGER trait_decay_sums_delete ON trait_observations;--> statement-breakpoint
DROP FUNCTION trait_decay_sums_follow();--> statement-breakpoint
CREATE TABLE "client_rollups" (
	"team_id" text NOT NULL,
	"client_id" uuid NOT NULL,
	"observations" integer DEFAULT 0 NOT NULL,
	"good_mass" double precision DEFAULT 0 NOT NULL,
	"bad_mass" double precision DEFAULT 0 NOT NULL,
	"last_call_at" timestamp with time zone,
	"incident_tallies" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "client_rollups_team_id_client_id_pk" PRIMARY KEY("team_id","client_id")
);
--> statement-breakpoint
ALTER TABLE "client_rollups" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "trait_decay_sums" DISABLE ROW LEVEL SECURITY;--> statement-breakpoint
DROP POLICY "workspace_rows" ON "trait_decay_sums" CASCADE;--> statement-breakpoint
DROP TABLE "trait_decay_sums" CASCADE;--> statement-breakpoint
ALTER TABLE "decay_bases" ADD COLUMN "traits" jsonb;--> statement-breakpoint
ALTER TABLE "client_rollups" ADD CONSTRAINT "client_rollups_team_id_client_id_clients_team_id_id_fk" FOREIGN KEY ("team_id","client_id") REFERENCES "public"."clients"("team_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "observations_client_trait_time" ON "trait_observations" USING btree ("team_id","client_id","trait","observed_at");--> statement-breakpoint
CREATE POLICY "workspace_rows" ON "client_rollups" AS PERMISSIVE FOR ALL TO "rapport_app" USING (team_id = current_setting('rapport.team_id', true)) WITH CHECK (team_id = current_setting('rapport.team_id', true));--> statement-breakpoint
-- Written by hand, after drizzle-kit's part. One observation's part of its client's rollup: its polarity (null
-- for a trait outside the basis's catalogue) and its weight (the client's own, else the catalogue's) times its
-- decay term against `epoch`. A set-returning SQL function of one SELECT, so the planner inlines it.
CREATE FUNCTION rollup_term(traits jsonb, epoch timestamptz, half_life_days float8, client_weights jsonb, trait text, observed_at timestamptz)
  RETURNS TABLE (polarity text, mass float8) LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT traits -> trait ->> 'polarity', coalesce((client_weights ->> trait)::float8, (traits -> trait ->> 'weight')::float8) * decay_term(observed_at, epoch, half_life_days) $$;--> statement-breakpoint
-- Recomputes the sums of some clients of a workspace (all of them when p_client_ids is null) from their
-- observations on the workspace's basis; their last call stays. A rebuild and a change of a client's weights use it.
CREATE FUNCTION client_rollups_recompute(p_team_id text, p_client_ids uuid[]) RETURNS void LANGUAGE sql AS $$
  UPDATE client_rollups SET observations = 0, good_mass = 0, bad_mass = 0
  WHERE team_id = p_team_id AND (p_client_ids IS NULL OR client_id = ANY (p_client_ids));
  INSERT INTO client_rollups AS r (team_id, client_id, observations, good_mass, bad_mass)
  SELECT o.team_id, o.client_id, count(t.polarity)::int,
    coalesce(sum(t.mass) FILTER (WHERE t.polarity = 'good'), 0), coalesce(sum(t.mass) FILTER (WHERE t.polarity = 'bad'), 0)
  FROM trait_observations o
  JOIN decay_bases b ON b.team_id = o.team_id
  JOIN clients c ON c.team_id = o.team_id AND c.id = o.client_id
  CROSS JOIN LATERAL rollup_term(b.traits, b.epoch, b.half_life_days, c.trait_weights, o.trait, o.observed_at) t
  WHERE o.team_id = p_team_id AND (p_client_ids IS NULL OR o.client_id = ANY (p_client_ids))
  GROUP BY o.team_id, o.client_id
  ON CONFLICT (team_id, client_id) DO UPDATE SET observations = excluded.observations, good_mass = excluded.good_mass, bad_mass = excluded.bad_mass;
$$;--> statement-breakpoint
-- The lock order of every writer of client_rollups: the workspace's basis first, FOR SHARE (a rebuild, or a change
-- of a client's weights, takes it FOR UPDATE first), then the rollup rows; otherwise a rebuild holding the basis
-- and waiting for a rollup row would deadlock with a transaction holding that row and waiting for the basis (a
-- call's last-call update, then its observations). Writes that add rows create the basis if need be.
CREATE FUNCTION client_rollups_hold_basis(p_team_ids text[], p_create boolean) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF p_create THEN
    INSERT INTO decay_bases (team_id) SELECT unnest(p_team_ids) ON CONFLICT DO NOTHING;
  END IF;
  PERFORM 1 FROM decay_bases WHERE team_id = ANY (p_team_ids) FOR SHARE;
END $$;--> statement-breakpoint
-- Keeps the sums equal to trait_observations: statement-level, with transition tables, so a bulk write adds its
-- part in one statement. A workspace whose basis is not kept yet is skipped (its next read rebuilds it).
CREATE FUNCTION client_rollups_follow_observations() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    -- Hold each basis so a rebuild running now waits for this transaction (or this waits for the rebuild).
    PERFORM client_rollups_hold_basis(ARRAY(SELECT DISTINCT team_id FROM old_rows), false);
    WITH gone AS (
      SELECT o.team_id, o.client_id, count(t.polarity)::int AS n,
        coalesce(sum(t.mass) FILTER (WHERE t.polarity = 'good'), 0) AS good, coalesce(sum(t.mass) FILTER (WHERE t.polarity = 'bad'), 0) AS bad
      FROM old_rows o
      JOIN decay_bases b ON b.team_id = o.team_id AND b.half_life_days IS NOT NULL
      JOIN clients c ON c.team_id = o.team_id AND c.id = o.client_id
      CROSS JOIN LATERAL rollup_term(b.traits, b.epoch, b.half_life_days, c.trait_weights, o.trait, o.observed_at) t
      GROUP BY o.team_id, o.client_id
    )
    -- No observation left: exactly zero (float subtraction leaves dust; a count of 0 is exact).
    UPDATE client_rollups r SET observations = r.observations - g.n,
      good_mass = CASE WHEN r.observations > g.n THEN r.good_mass - g.good ELSE 0 END,
      bad_mass = CASE WHEN r.observations > g.n THEN r.bad_mass - g.bad ELSE 0 END
    FROM gone g WHERE r.team_id = g.team_id AND r.client_id = g.client_id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    -- A workspace's first observation creates its basis (unkept until a read rebuilds it).
    PERFORM client_rollups_hold_basis(ARRAY(SELECT DISTINCT team_id FROM new_rows), true);
    INSERT INTO client_rollups AS r (team_id, client_id, observations, good_mass, bad_mass)
    SELECT o.team_id, o.client_id, count(t.polarity)::int,
      coalesce(sum(t.mass) FILTER (WHERE t.polarity = 'good'), 0), coalesce(sum(t.mass) FILTER (WHERE t.polarity = 'bad'), 0)
    FROM new_rows o
    JOIN decay_bases b ON b.team_id = o.team_id AND b.half_life_days IS NOT NULL
    JOIN clients c ON c.team_id = o.team_id AND c.id = o.client_id
    CROSS JOIN LATERAL rollup_term(b.traits, b.epoch, b.half_life_days, c.trait_weights, o.trait, o.observed_at) t
    GROUP BY o.team_id, o.client_id
    ON CONFLICT (team_id, client_id) DO UPDATE SET observations = r.observations + excluded.observations,
      good_mass = r.good_mass + excluded.good_mass, bad_mass = r.bad_mass + excluded.bad_mass;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER client_rollups_observations_insert AFTER INSERT ON trait_observations
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION client_rollups_follow_observations();--> statement-breakpoint
CREATE TRIGGER client_rollups_observations_update AFTER UPDATE ON trait_observations
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION client_rollups_follow_observations();--> statement-breakpoint
CREATE TRIGGER client_rollups_observations_delete AFTER DELETE ON trait_observations
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION client_rollups_follow_observations();--> statement-breakpoint
-- A client's own trait weights changed: its sums are weighed again. The basis is taken FOR UPDATE first, as a
-- rebuild takes it, so observation writes in flight finish before and later ones see the new weights.
CREATE FUNCTION client_rollups_follow_weights() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM decay_bases b WHERE b.team_id = NEW.team_id AND b.half_life_days IS NOT NULL FOR UPDATE;
  IF FOUND THEN
    PERFORM client_rollups_recompute(NEW.team_id, ARRAY[NEW.id]);
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER client_rollups_weights AFTER UPDATE OF trait_weights ON clients
  FOR EACH ROW WHEN (OLD.trait_weights IS DISTINCT FROM NEW.trait_weights) EXECUTE FUNCTION client_rollups_follow_weights();--> statement-breakpoint
-- Keeps each client's last call. An insert only moves it later; an edit or a delete reads the calls left, after
-- locking the rollups it changes, so a call committed meanwhile is seen and one still in flight adds itself after.
CREATE FUNCTION client_rollups_follow_calls() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM client_rollups_hold_basis(ARRAY(SELECT DISTINCT team_id FROM old_rows), false);
  ELSE
    PERFORM client_rollups_hold_basis(ARRAY(SELECT DISTINCT team_id FROM new_rows), true);
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    PERFORM 1 FROM client_rollups r WHERE (r.team_id, r.client_id) IN (SELECT team_id, client_id FROM old_rows) FOR UPDATE;
    UPDATE client_rollups r
    SET last_call_at = (SELECT max(c.occurred_at) FROM calls c WHERE c.team_id = r.team_id AND c.client_id = r.client_id)
    WHERE (r.team_id, r.client_id) IN (SELECT team_id, client_id FROM old_rows);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO client_rollups AS r (team_id, client_id, last_call_at)
    SELECT team_id, client_id, max(occurred_at) FROM new_rows GROUP BY team_id, client_id
    ON CONFLICT (team_id, client_id) DO UPDATE SET last_call_at = greatest(r.last_call_at, excluded.last_call_at);
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER client_rollups_calls_insert AFTER INSERT ON calls
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION client_rollups_follow_calls();--> statement-breakpoint
CREATE TRIGGER client_rollups_calls_update AFTER UPDATE ON calls
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION client_rollups_follow_calls();--> statement-breakpoint
CREATE TRIGGER client_rollups_calls_delete AFTER DELETE ON calls
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION client_rollups_follow_calls();--> statement-breakpoint
-- Keeps each client's incident tallies: a write recounts the tallies of the clients it touched from their
-- incidents (a client's few), after locking their rollups, so writes for one client follow each other.
CREATE FUNCTION client_rollups_tally_incidents(p_team_id text, p_client_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM client_rollups WHERE team_id = p_team_id AND client_id = ANY (p_client_ids) FOR UPDATE;
  UPDATE client_rollups r SET incident_tallies = coalesce((
    SELECT jsonb_object_agg(k.kind, jsonb_build_object('n', k.n, 'newest', k.newest, 'last', k.last))
    FROM (
      SELECT i.kind, count(*) AS n, max(i.logged_at) AS newest, max(i.occurred_at) AS last FROM incidents i
      WHERE i.team_id = r.team_id AND i.client_id = r.client_id AND (i.kind <> 'competitor_play' OR i.details ->> 'onAgreedWork' = 'true')
      GROUP BY i.kind
    ) k), '{}')
  WHERE r.team_id = p_team_id AND r.client_id = ANY (p_client_ids);
END $$;--> statement-breakpoint
CREATE FUNCTION client_rollups_follow_incidents() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    -- A client being erased is gone already, with its rollup: nothing to create.
    PERFORM client_rollups_hold_basis(ARRAY(SELECT DISTINCT team_id FROM old_rows), false);
    PERFORM client_rollups_tally_incidents(o.team_id, array_agg(DISTINCT o.client_id)) FROM old_rows o GROUP BY o.team_id;
    RETURN NULL;
  END IF;
  PERFORM client_rollups_hold_basis(ARRAY(SELECT DISTINCT team_id FROM new_rows), true);
  INSERT INTO client_rollups (team_id, client_id) SELECT DISTINCT team_id, client_id FROM new_rows ON CONFLICT DO NOTHING;
  IF TG_OP = 'INSERT' THEN
    PERFORM client_rollups_tally_incidents(n.team_id, array_agg(DISTINCT n.client_id)) FROM new_rows n GROUP BY n.team_id;
  ELSE
    PERFORM client_rollups_tally_incidents(x.team_id, array_agg(DISTINCT x.client_id))
    FROM (SELECT team_id, client_id FROM old_rows UNION SELECT team_id, client_id FROM new_rows) x GROUP BY x.team_id;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER client_rollups_incidents_insert AFTER INSERT ON incidents
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION client_rollups_follow_incidents();--> statement-breakpoint
CREATE TRIGGER client_rollups_incidents_update AFTER UPDATE ON incidents
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION client_rollups_follow_incidents();--> statement-breakpoint
CREATE TRIGGER client_rollups_incidents_delete AFTER DELETE ON incidents
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION client_rollups_follow_incidents();--> statement-breakpoint
-- What is there already: every client's last call and incident tallies, and every basis unkept, so the next
-- read weighs the sums.
INSERT INTO client_rollups (team_id, client_id, last_call_at) SELECT team_id, client_id, max(occurred_at) FROM calls GROUP BY team_id, client_id;--> statement-breakpoint
INSERT INTO client_rollups (team_id, client_id) SELECT DISTINCT team_id, client_id FROM incidents ON CONFLICT DO NOTHING;--> statement-breakpoint
SELECT client_rollups_tally_incidents(team_id, array_agg(client_id)) FROM client_rollups GROUP BY team_id;--> statement-breakpoint
UPDATE decay_bases SET half_life_days = NULL;
