CREATE TABLE "decay_bases" (
	"team_id" text PRIMARY KEY NOT NULL,
	"half_life_days" double precision,
	"epoch" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "decay_bases" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "trait_decay_sums" (
	"team_id" text NOT NULL,
	"client_id" uuid NOT NULL,
	"trait" text NOT NULL,
	"observations" integer NOT NULL,
	"mass" double precision NOT NULL,
	CONSTRAINT "trait_decay_sums_team_id_client_id_trait_pk" PRIMARY KEY("team_id","client_id","trait")
);
--> statement-breakpoint
ALTER TABLE "trait_decay_sums" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "decay_bases" ADD CONSTRAINT "decay_bases_team_id_workspaces_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."workspaces"("team_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trait_decay_sums" ADD CONSTRAINT "trait_decay_sums_team_id_client_id_clients_team_id_id_fk" FOREIGN KEY ("team_id","client_id") REFERENCES "public"."clients"("team_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE POLICY "workspace_rows" ON "decay_bases" AS PERMISSIVE FOR ALL TO "rapport_app" USING (team_id = current_setting('rapport.team_id', true)) WITH CHECK (team_id = current_setting('rapport.team_id', true));--> statement-breakpoint
CREATE POLICY "workspace_rows" ON "trait_decay_sums" AS PERMISSIVE FOR ALL TO "rapport_app" USING (team_id = current_setting('rapport.team_id', true)) WITH CHECK (team_id = current_setting('rapport.team_id', true));--> statement-breakpoint
-- Written by hand, after drizzle-kit's part: the decay term both the triggers and the rebuild use (one formula,
-- clamped so power() never overflows or underflows), and the triggers that keep trait_decay_sums equal to
-- trait_observations. Statement-level with transition tables: a bulk insert adds its sums in one statement.
CREATE FUNCTION decay_term(observed_at timestamptz, epoch timestamptz, half_life_days float8) RETURNS float8
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN power(2::float8, least(greatest(extract(epoch FROM observed_at - epoch)::float8 / (half_life_days * 86400), -1000), 1000));--> statement-breakpoint
CREATE FUNCTION trait_decay_sums_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    -- Hold each basis so a rebuild running now waits for this transaction (or this waits for the rebuild).
    PERFORM 1 FROM decay_bases b WHERE b.team_id IN (SELECT DISTINCT team_id FROM old_rows) FOR SHARE;
    WITH gone AS (
      SELECT o.team_id, o.client_id, o.trait, count(*)::int AS n, sum(decay_term(o.observed_at, b.epoch, b.half_life_days)) AS mass
      FROM old_rows o JOIN decay_bases b ON b.team_id = o.team_id AND b.half_life_days IS NOT NULL
      GROUP BY o.team_id, o.client_id, o.trait
    )
    UPDATE trait_decay_sums s SET observations = s.observations - g.n, mass = s.mass - g.mass
    FROM gone g WHERE s.team_id = g.team_id AND s.client_id = g.client_id AND s.trait = g.trait;
    -- No observation left: no row (float subtraction leaves dust; a count of 0 is exact).
    DELETE FROM trait_decay_sums s
    USING (SELECT DISTINCT team_id, client_id, trait FROM old_rows) o
    WHERE s.team_id = o.team_id AND s.client_id = o.client_id AND s.trait = o.trait AND s.observations <= 0;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    -- A workspace's first observation creates its basis (unkept until a read rebuilds it).
    INSERT INTO decay_bases (team_id) SELECT DISTINCT team_id FROM new_rows ON CONFLICT DO NOTHING;
    PERFORM 1 FROM decay_bases b WHERE b.team_id IN (SELECT DISTINCT team_id FROM new_rows) FOR SHARE;
    INSERT INTO trait_decay_sums AS s (team_id, client_id, trait, observations, mass)
    SELECT o.team_id, o.client_id, o.trait, count(*)::int, sum(decay_term(o.observed_at, b.epoch, b.half_life_days))
    FROM new_rows o JOIN decay_bases b ON b.team_id = o.team_id AND b.half_life_days IS NOT NULL
    GROUP BY o.team_id, o.client_id, o.trait
    ON CONFLICT (team_id, client_id, trait)
      DO UPDATE SET observations = s.observations + excluded.observations, mass = s.mass + excluded.mass;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER trait_decay_sums_insert AFTER INSERT ON trait_observations
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION trait_decay_sums_follow();--> statement-breakpoint
CREATE TRIGGER trait_decay_sums_update AFTER UPDATE ON trait_observations
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION trait_decay_sums_follow();--> statement-breakpoint
CREATE TRIGGER trait_decay_sums_delete AFTER DELETE ON trait_observations
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION trait_decay_sums_follow();
