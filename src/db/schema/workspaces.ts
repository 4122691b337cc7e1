import { sql } from 'drizzle-orm';
import { boolean, check, jsonb, pgTable, smallint, text } from 'drizzle-orm/pg-core';
import { DEFAULT_DIGEST_SCHEDULE, type WorkspaceOverrides } from '../../domain/catalogue.js';
import { instant, recordedAt, workspaceRows } from './columns.js';

/** One row per Slack workspace (team). */
export const workspaces = pgTable(
  'workspaces',
  {
    teamId: text('team_id').primaryKey(),
    name: text('name'),
    /** Where the weekly digest is posted; null until an admin sets it. */
    digestChannelId: text('digest_channel_id'),
    /** IANA zone; the digest runs at `digest_day` `digest_time` there (domain.md §5). */
    timeZone: text('time_zone').notNull().default(DEFAULT_DIGEST_SCHEDULE.timeZone),
    /** 0 = Sunday … 6 = Saturday; null until an admin chooses: the first day of the week where the workspace's language is spoken (`digestDayOf`). */
    digestDay: smallint('digest_day'),
    /** HH:MM, 24-hour. */
    digestTime: text('digest_time').notNull().default(DEFAULT_DIGEST_SCHEDULE.time),
    /**
     * Why Rapport stopped posting to the digest channel (it became shared outside the organisation), or null.
     * Cleared when an admin sets a channel again; the scheduler skips the workspace meanwhile.
     */
    digestChannelRefusal: text('digest_channel_refusal'),
    digestChannelRefusedAt: instant('digest_channel_refused_at'),
    /** The language Rapport speaks in the workspace's channels and to whoever chose none (i18n/locales.ts); null: none chosen. */
    language: text('language'),
    /** ISO 4217 code every money value is shown with; null: amounts are shown as plain numbers. */
    currency: text('currency'),
    /** Admins may let single- and multi-channel guests use Rapport; external (Slack Connect) people never. */
    allowGuests: boolean('allow_guests').notNull().default(false),
    /** Threshold overrides, extra traits, weight changes: validated by `resolveCatalogue`. */
    settings: jsonb('settings').$type<WorkspaceOverrides>().notNull().default({}),
    createdAt: recordedAt('created_at'),
    updatedAt: instant('updated_at').notNull().defaultNow(),
    /**
     * When Slack said Rapport was uninstalled (or its bot token revoked). The workspace's data is purged once
     * the grace period has passed; a request from the workspace before then (it installed Rapport again) clears it.
     */
    uninstalledAt: instant('uninstalled_at'),
  },
  (t) => [
    workspaceRows(),
    check('workspaces_digest_day', sql`${t.digestDay} between 0 and 6`),
    check('workspaces_language', sql`${t.language} in ('en', 'tr', 'fa', 'fi')`),
    check('workspaces_currency', sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check('workspaces_digest_time', sql`${t.digestTime} ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`),
  ],
);
