-- Every primary and foreign key carries team_id, first, so a distributed Postgres can keep a workspace's rows and
-- the rows they reference on one shard (README, "Sharding by workspace"). Keys change only in their columns: ids
-- stay unique on their own (UUIDs, identities), so no row conflicts and no query finds more or fewer rows.
-- Order: references to a key go before it, and come back after it, naming (team_id, id).
-- 1. References naming a key by id alone, and those naming the clients' (team_id, id) unique constraint, which
--    the clients' new primary key replaces.
ALTER TABLE "trait_observations" DROP CONSTRAINT "trait_observations_call_id_calls_id_fk";
--> statement-breakpoint
ALTER TABLE "warnings" DROP CONSTRAINT "warnings_incident_id_incidents_id_fk";
--> statement-breakpoint
ALTER TABLE "digest_messages" DROP CONSTRAINT "digest_messages_digest_id_digests_id_fk";
--> statement-breakpoint
ALTER TABLE "decisions" DROP CONSTRAINT "decisions_digest_id_digests_id_fk";
--> statement-breakpoint
ALTER TABLE "snoozes" DROP CONSTRAINT "snoozes_digest_id_digests_id_fk";
--> statement-breakpoint
ALTER TABLE "channel_links" DROP CONSTRAINT "channel_links_team_id_client_id_clients_team_id_id_fk";
--> statement-breakpoint
ALTER TABLE "client_category_changes" DROP CONSTRAINT "client_category_changes_team_id_client_id_clients_team_id_id_fk";
--> statement-breakpoint
ALTER TABLE "calls" DROP CONSTRAINT "calls_team_id_client_id_clients_team_id_id_fk";
--> statement-breakpoint
ALTER TABLE "incidents" DROP CONSTRAINT "incidents_team_id_client_id_clients_team_id_id_fk";
--> statement-breakpoint
ALTER TABLE "trait_observations" DROP CONSTRAINT "trait_observations_team_id_client_id_clients_team_id_id_fk";
--> statement-breakpoint
ALTER TABLE "warnings" DROP CONSTRAINT "warnings_team_id_client_id_clients_team_id_id_fk";
--> statement-breakpoint
ALTER TABLE "decisions" DROP CONSTRAINT "decisions_team_id_client_id_clients_team_id_id_fk";
--> statement-breakpoint
ALTER TABLE "proposals" DROP CONSTRAINT "proposals_team_id_client_id_clients_team_id_id_fk";
--> statement-breakpoint
ALTER TABLE "snoozes" DROP CONSTRAINT "snoozes_team_id_client_id_clients_team_id_id_fk";
--> statement-breakpoint
ALTER TABLE "next_steps" DROP CONSTRAINT "next_steps_team_id_client_id_clients_team_id_id_fk";
--> statement-breakpoint
ALTER TABLE "client_rollups" DROP CONSTRAINT "client_rollups_team_id_client_id_clients_team_id_id_fk";
--> statement-breakpoint
ALTER TABLE "chart_files" DROP CONSTRAINT "chart_files_team_id_client_id_clients_team_id_id_fk";
--> statement-breakpoint
ALTER TABLE "payments" DROP CONSTRAINT "payments_team_id_client_id_clients_team_id_id_fk";
--> statement-breakpoint
ALTER TABLE "clients" DROP CONSTRAINT "clients_team_id";
--> statement-breakpoint
-- 2. Primary keys: (team_id, id).
ALTER TABLE "clients" DROP CONSTRAINT "clients_pkey", ADD CONSTRAINT "clients_pkey" PRIMARY KEY("team_id","id");
--> statement-breakpoint
ALTER TABLE "client_category_changes" DROP CONSTRAINT "client_category_changes_pkey", ADD CONSTRAINT "client_category_changes_pkey" PRIMARY KEY("team_id","id");
--> statement-breakpoint
ALTER TABLE "calls" DROP CONSTRAINT "calls_pkey", ADD CONSTRAINT "calls_pkey" PRIMARY KEY("team_id","id");
--> statement-breakpoint
ALTER TABLE "trait_observations" DROP CONSTRAINT "trait_observations_pkey", ADD CONSTRAINT "trait_observations_pkey" PRIMARY KEY("team_id","id");
--> statement-breakpoint
ALTER TABLE "incidents" DROP CONSTRAINT "incidents_pkey", ADD CONSTRAINT "incidents_pkey" PRIMARY KEY("team_id","id");
--> statement-breakpoint
ALTER TABLE "warnings" DROP CONSTRAINT "warnings_pkey", ADD CONSTRAINT "warnings_pkey" PRIMARY KEY("team_id","id");
--> statement-breakpoint
ALTER TABLE "decisions" DROP CONSTRAINT "decisions_pkey", ADD CONSTRAINT "decisions_pkey" PRIMARY KEY("team_id","id");
--> statement-breakpoint
ALTER TABLE "snoozes" DROP CONSTRAINT "snoozes_pkey", ADD CONSTRAINT "snoozes_pkey" PRIMARY KEY("team_id","id");
--> statement-breakpoint
ALTER TABLE "proposals" DROP CONSTRAINT "proposals_pkey", ADD CONSTRAINT "proposals_pkey" PRIMARY KEY("team_id","id");
--> statement-breakpoint
ALTER TABLE "next_steps" DROP CONSTRAINT "next_steps_pkey", ADD CONSTRAINT "next_steps_pkey" PRIMARY KEY("team_id","id");
--> statement-breakpoint
ALTER TABLE "payments" DROP CONSTRAINT "payments_pkey", ADD CONSTRAINT "payments_pkey" PRIMARY KEY("team_id","id");
--> statement-breakpoint
ALTER TABLE "digests" DROP CONSTRAINT "digests_pkey", ADD CONSTRAINT "digests_pkey" PRIMARY KEY("team_id","id");
--> statement-breakpoint
ALTER TABLE "digest_messages" DROP CONSTRAINT "digest_messages_pkey", ADD CONSTRAINT "digest_messages_pkey" PRIMARY KEY("team_id","id");
--> statement-breakpoint
ALTER TABLE "audit_log" DROP CONSTRAINT "audit_log_pkey", ADD CONSTRAINT "audit_log_pkey" PRIMARY KEY("team_id","id");
--> statement-breakpoint
ALTER TABLE "slack_requests" DROP CONSTRAINT "slack_requests_pkey", ADD CONSTRAINT "slack_requests_pkey" PRIMARY KEY("team_id","id");
--> statement-breakpoint
-- 3. References, as before, to (team_id, …). A reference forgotten when its row goes forgets only itself: team_id stays.
ALTER TABLE "channel_links" ADD CONSTRAINT "channel_links_team_id_client_id_clients_team_id_id_fk" FOREIGN KEY ("team_id","client_id") REFERENCES "public"."clients"("team_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "client_category_changes" ADD CONSTRAINT "client_category_changes_team_id_client_id_clients_team_id_id_fk" FOREIGN KEY ("team_id","client_id") REFERENCES "public"."clients"("team_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_team_id_client_id_clients_team_id_id_fk" FOREIGN KEY ("team_id","client_id") REFERENCES "public"."clients"("team_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_team_id_client_id_clients_team_id_id_fk" FOREIGN KEY ("team_id","client_id") REFERENCES "public"."clients"("team_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "trait_observations" ADD CONSTRAINT "trait_observations_team_id_client_id_clients_team_id_id_fk" FOREIGN KEY ("team_id","client_id") REFERENCES "public"."clients"("team_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "warnings" ADD CONSTRAINT "warnings_team_id_client_id_clients_team_id_id_fk" FOREIGN KEY ("team_id","client_id") REFERENCES "public"."clients"("team_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_team_id_client_id_clients_team_id_id_fk" FOREIGN KEY ("team_id","client_id") REFERENCES "public"."clients"("team_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_team_id_client_id_clients_team_id_id_fk" FOREIGN KEY ("team_id","client_id") REFERENCES "public"."clients"("team_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "snoozes" ADD CONSTRAINT "snoozes_team_id_client_id_clients_team_id_id_fk" FOREIGN KEY ("team_id","client_id") REFERENCES "public"."clients"("team_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "next_steps" ADD CONSTRAINT "next_steps_team_id_client_id_clients_team_id_id_fk" FOREIGN KEY ("team_id","client_id") REFERENCES "public"."clients"("team_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "client_rollups" ADD CONSTRAINT "client_rollups_team_id_client_id_clients_team_id_id_fk" FOREIGN KEY ("team_id","client_id") REFERENCES "public"."clients"("team_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "chart_files" ADD CONSTRAINT "chart_files_team_id_client_id_clients_team_id_id_fk" FOREIGN KEY ("team_id","client_id") REFERENCES "public"."clients"("team_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_team_id_client_id_clients_team_id_id_fk" FOREIGN KEY ("team_id","client_id") REFERENCES "public"."clients"("team_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "trait_observations" ADD CONSTRAINT "trait_observations_team_id_call_id_calls_team_id_id_fk" FOREIGN KEY ("team_id","call_id") REFERENCES "public"."calls"("team_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "warnings" ADD CONSTRAINT "warnings_team_id_incident_id_incidents_team_id_id_fk" FOREIGN KEY ("team_id","incident_id") REFERENCES "public"."incidents"("team_id","id") ON DELETE set null ("incident_id") ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "digest_messages" ADD CONSTRAINT "digest_messages_team_id_digest_id_digests_team_id_id_fk" FOREIGN KEY ("team_id","digest_id") REFERENCES "public"."digests"("team_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_team_id_digest_id_digests_team_id_id_fk" FOREIGN KEY ("team_id","digest_id") REFERENCES "public"."digests"("team_id","id") ON DELETE set null ("digest_id") ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "snoozes" ADD CONSTRAINT "snoozes_team_id_digest_id_digests_team_id_id_fk" FOREIGN KEY ("team_id","digest_id") REFERENCES "public"."digests"("team_id","id") ON DELETE set null ("digest_id") ON UPDATE no action;
--> statement-breakpoint
-- 4. The inbox's replay guard, per workspace (a delivery's signature covers the body that names its workspace).
DROP INDEX "slack_requests_signature";
--> statement-breakpoint
CREATE UNIQUE INDEX "slack_requests_signature" ON "slack_requests" USING btree ("team_id","signature");
