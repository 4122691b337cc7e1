import { boolean, pgTable, text } from 'drizzle-orm/pg-core';
import { instant, recordedAt, workspaceRows } from './columns.js';

/**
 * One row per workspace that installed Rapport through "Add to Slack" (OAuth): its bot token, encrypted at rest
 * (AES-256-GCM under TOKEN_ENCRYPTION_KEYS, db/tokenCipher.ts), and who installed it. Removed when Rapport is
 * uninstalled.
 */
export const installations = pgTable(
  'installations',
  {
    /** The workspace the bot token is for (org-wide installs are refused; rows kept from before may name an org). */
    teamId: text('team_id').primaryKey(),
    /** The Enterprise Grid organisation of the workspace, if any. */
    enterpriseId: text('enterprise_id'),
    /** False for every install made now: org-wide installs are refused (slack/installations.ts). */
    isEnterpriseInstall: boolean('is_enterprise_install').notNull().default(false),
    /**
     * `v2:<key id>:<iv>:<tag>:<ciphertext>` (base64 parts, team_id bound as associated data), or `v1:<iv>:<tag>:<ciphertext>`
     * from before key ids, sealed again as v2 when used: never the token itself.
     */
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
