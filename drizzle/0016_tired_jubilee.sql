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
CREATE INDEX "decisions_review_due" ON "decisions" USING btree ("team_id","review_on") WHERE "decisions"."review_sent_at" is null;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_outcome" CHECK ("decisions"."outcome" in ('better', 'same', 'worse', 'left'));