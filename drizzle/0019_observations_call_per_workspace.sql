-- A call's observations are found by (team_id, call_id), like every key since 0018 (README, "Sharding by workspace"):
-- the cascade from calls' (team_id, id) and a call's own reads name both, so the index leads with team_id too.
DROP INDEX "observations_call";
--> statement-breakpoint
CREATE INDEX "observations_call" ON "trait_observations" USING btree ("team_id","call_id");
