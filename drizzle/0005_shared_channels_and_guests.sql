ALTER TABLE "workspaces" ADD COLUMN "digest_channel_refusal" text;--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "digest_channel_refused_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "allow_guests" boolean DEFAULT false NOT NULL;