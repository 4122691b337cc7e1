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
ALTER TABLE "clients" ADD COLUMN "payment_terms" text;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_team_id_client_id_clients_team_id_id_fk" FOREIGN KEY ("team_id","client_id") REFERENCES "public"."clients"("team_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "payments_team_request_key" ON "payments" USING btree ("team_id","request_key");--> statement-breakpoint
CREATE INDEX "payments_client_paid" ON "payments" USING btree ("team_id","client_id","paid_at");--> statement-breakpoint
ALTER TABLE "clients" ADD CONSTRAINT "clients_payment_terms" CHECK ("clients"."payment_terms" in ('standard', 'shorter', 'prepayment'));--> statement-breakpoint
CREATE POLICY "workspace_rows" ON "payments" AS PERMISSIVE FOR ALL TO "rapport_app" USING (team_id = (select rapport_team())) WITH CHECK (team_id = (select rapport_team()));--> statement-breakpoint
-- By hand, as migration 0014 did for every other table (schema/columns.ts): the policies bind the owner too, and
-- the owner's own policy lets it see every row.
ALTER TABLE "payments" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
DO $$
BEGIN
  EXECUTE format('CREATE POLICY owner_rows ON payments AS PERMISSIVE FOR ALL TO %I USING (true) WITH CHECK (true)', current_user);
END $$;
