CREATE TABLE "installations" (
	"team_id" text PRIMARY KEY NOT NULL,
	"enterprise_id" text,
	"is_enterprise_install" boolean DEFAULT false NOT NULL,
	"bot_token" text NOT NULL,
	"bot_user_id" text,
	"bot_id" text,
	"scopes" text DEFAULT '' NOT NULL,
	"installer_user_id" text,
	"installed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
