CREATE TABLE "digest_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" text NOT NULL,
	"digest_id" uuid NOT NULL,
	"channel_id" text NOT NULL,
	"ts" text NOT NULL,
	"client_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"blocks" jsonb NOT NULL,
	"posted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "digests" ADD COLUMN "attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "digests" ADD COLUMN "last_error" text;--> statement-breakpoint
ALTER TABLE "digest_messages" ADD CONSTRAINT "digest_messages_digest_id_digests_id_fk" FOREIGN KEY ("digest_id") REFERENCES "public"."digests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "digest_messages_team_ts" ON "digest_messages" USING btree ("team_id","channel_id","ts");--> statement-breakpoint
CREATE INDEX "digest_messages_digest" ON "digest_messages" USING btree ("team_id","digest_id");