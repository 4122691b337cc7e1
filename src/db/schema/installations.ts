import { boolean, pgTable, text } from 'drizzle-orm/pg-core';
import { instant, recordedAt, workspaceRows } from './columns.js';

/**
 * One row per workspace that installed Rapport through "Add to Slack" (OAuth): its bot token, encrypted at rest
 * (AES-256-GCM with TOKEN_ENCRYPTION_KEY), and who installed it. Removed when Rapport is uninstalled.
 */
export const installations = pgTable(
  'installations',
  {
    /** The workspace (or, for an org-wide install, the Enterprise Grid org) the bot token is for. */
    teamId: text('team_id').primaryKey(),
    enterpriseId: text('enterprise_id'),
    isEnterpriseInstall: boolean('is_enterprise_install').notNull().default(false),
    /** `v1:<iv>:<tag>:<ciphertext>`, base64: never the token itself. */
    botToken: text('bot_token').notNull(),
    botUserId: text('bot_user_id'),
    botId: text('bot_id'),
    scopes: text('scopes').notNull().default(''),
    installerUserId: text('installer_user_id'),
    installedAt: recordedAt('installed_at'),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  () => [workspaceRows()],
);
