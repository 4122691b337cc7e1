-- Existing names get a placeholder key unique per row (U+0001, never in a real key); the app computes the
-- real keys in TypeScript at startup (keyUnkeyedClientNames), the one place names are folded.
ALTER TABLE "clients" ADD COLUMN "name_key" text;--> statement-breakpoint
UPDATE "clients" SET "name_key" = chr(1) || "id"::text;--> statement-breakpoint
ALTER TABLE "clients" ALTER COLUMN "name_key" SET NOT NULL;--> statement-breakpoint
DROP INDEX "clients_team_name";--> statement-breakpoint
CREATE UNIQUE INDEX "clients_team_name_key" ON "clients" USING btree ("team_id","name_key");
