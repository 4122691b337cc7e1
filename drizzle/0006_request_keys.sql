ALTER TABLE "clients" ADD COLUMN "request_key" text;--> statement-breakpoint
ALTER TABLE "warnings" ADD COLUMN "request_key" text;--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "request_key" text;--> statement-breakpoint
ALTER TABLE "proposals" ADD COLUMN "request_key" text;--> statement-breakpoint
ALTER TABLE "snoozes" ADD COLUMN "request_key" text;--> statement-breakpoint
CREATE UNIQUE INDEX "clients_team_request_key" ON "clients" USING btree ("team_id","request_key");--> statement-breakpoint
CREATE UNIQUE INDEX "warnings_team_request_key" ON "warnings" USING btree ("team_id","request_key");--> statement-breakpoint
CREATE UNIQUE INDEX "decisions_team_request_key" ON "decisions" USING btree ("team_id","request_key");--> statement-breakpoint
CREATE UNIQUE INDEX "proposals_team_request_key" ON "proposals" USING btree ("team_id","request_key");--> statement-breakpoint
CREATE UNIQUE INDEX "snoozes_team_request_key" ON "snoozes" USING btree ("team_id","request_key");