ALTER TABLE "digest_messages" ALTER COLUMN "ts" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "digest_messages" ALTER COLUMN "posted_at" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "digest_messages" ALTER COLUMN "posted_at" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "digest_messages" ADD COLUMN "thread_ts" text;--> statement-breakpoint
ALTER TABLE "digest_messages" ADD COLUMN "page" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "digest_messages" ADD COLUMN "text" text DEFAULT '' NOT NULL;