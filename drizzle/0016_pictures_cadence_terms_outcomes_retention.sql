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
CREATE TABLE "payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" text NOT NULL,
	"client_id" uuid NOT NULL,
	"amount" numeric(14, 2),
	"invoice_ref" text,
	"paid_at" timestamp with time zone NOT NULL,
	"logged_by" text NOT NULL,
	"logged_at" timestamp with time zone DEFAULT now() NOT NULL,
	"request_key" text,
	CONSTRAINT "payments_amount" CHECK ("payments"."amount" >= 0)
);
--> statement-breakpoint
ALTER TABLE "payments" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "cadence_days" integer;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "payment_terms" text;--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "reasons" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "review_on" date;--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "review_claimed_by" text;--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "review_claimed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "review_sent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "review_sent_to" text;--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "outcome" text;--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "outcome_by" text;--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "outcome_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "outcome_request_key" text;--> statement-breakpoint
ALTER TABLE "chart_files" ADD CONSTRAINT "chart_files_team_id_client_id_clients_team_id_id_fk" FOREIGN KEY ("team_id","client_id") REFERENCES "public"."clients"("team_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_team_id_client_id_clients_team_id_id_fk" FOREIGN KEY ("team_id","client_id") REFERENCES "public"."clients"("team_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "chart_files_client" ON "chart_files" USING btree ("team_id","client_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_team_request_key" ON "payments" USING btree ("team_id","request_key");--> statement-breakpoint
CREATE INDEX "payments_client_paid" ON "payments" USING btree ("team_id","client_id","paid_at");--> statement-breakpoint
CREATE INDEX "digest_messages_posted" ON "digest_messages" USING btree ("posted_at");--> statement-breakpoint
CREATE INDEX "decisions_review_due" ON "decisions" USING btree ("team_id","review_on") WHERE "decisions"."review_sent_at" is null;--> statement-breakpoint
CREATE INDEX "snoozes_until" ON "snoozes" USING btree ("until");--> statement-breakpoint
CREATE INDEX "audit_at" ON "audit_log" USING btree ("at") WHERE "audit_log"."entity_type" <> 'workspace';--> statement-breakpoint
CREATE INDEX "personal_sends_claimed" ON "personal_sends" USING btree ("claimed_at");--> statement-breakpoint
ALTER TABLE "clients" ADD CONSTRAINT "clients_payment_terms" CHECK ("clients"."payment_terms" in ('standard', 'shorter', 'prepayment'));--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_outcome" CHECK ("decisions"."outcome" in ('better', 'same', 'worse', 'left'));--> statement-breakpoint
CREATE POLICY "workspace_rows" ON "chart_files" AS PERMISSIVE FOR ALL TO "rapport_app" USING (team_id = (select rapport_team())) WITH CHECK (team_id = (select rapport_team()));--> statement-breakpoint
CREATE POLICY "workspace_rows" ON "payments" AS PERMISSIVE FOR ALL TO "rapport_app" USING (team_id = (select rapport_team())) WITH CHECK (team_id = (select rapport_team()));--> statement-breakpoint
-- By hand, as migration 0014 did for every other table (schema/columns.ts): the policies bind the owner too, and
-- the owner's own policy lets it see every row.
ALTER TABLE "chart_files" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "payments" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
DO $$
BEGIN
  EXECUTE format('CREATE POLICY owner_rows ON chart_files AS PERMISSIVE FOR ALL TO %I USING (true) WITH CHECK (true)', current_user);
  EXECUTE format('CREATE POLICY owner_rows ON payments AS PERMISSIVE FOR ALL TO %I USING (true) WITH CHECK (true)', current_user);
END $$;
