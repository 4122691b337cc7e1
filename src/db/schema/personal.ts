/** What Rapport keeps about one person of a workspace: the DMs it sent them on a schedule, their opt-ins. */
import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { instant, recordedAt, teamId, workspaceRows } from './columns.js';

/**
 * DMs Rapport sends a person on a schedule, once each: a next step reminder per day, a personal digest per
 * week. The instance that claims the row sends it; a claim whose sender died before `sent_at` is taken over
 * after a lease (as digest weeks are).
 */
export const personalSends = pgTable(
  'personal_sends',
  {
    teamId: teamId(),
    userId: text('user_id').notNull(),
    /** `reminder` (key: the due day), `digest` or `escalation` (key: the week). */
    kind: text('kind').notNull(),
    key: text('key').notNull(),
    claimedBy: text('claimed_by').notNull(),
    claimedAt: instant('claimed_at').notNull(),
    sentAt: instant('sent_at'),
  },
  (t) => [
    workspaceRows(),
    uniqueIndex('personal_sends_once').on(t.teamId, t.userId, t.kind, t.key),
    // The retention sweep (db/retention.ts): the oldest sends across workspaces.
    index('personal_sends_claimed').on(t.claimedAt),
  ],
);

/** Who gets their own clients' part of the weekly digest by DM (`/rapport settings me digest on`). */
export const personalDigestSubscribers = pgTable(
  'personal_digest_subscribers',
  {
    teamId: teamId(),
    userId: text('user_id').notNull(),
    subscribedAt: recordedAt('subscribed_at'),
  },
  (t) => [workspaceRows(), uniqueIndex('personal_digest_subscribers_user').on(t.teamId, t.userId)],
);

/** A person's own choices of how Rapport speaks to them (`/rapport settings me language tr`, the Home tab's select). */
export const personSettings = pgTable(
  'person_settings',
  {
    teamId: teamId(),
    userId: text('user_id').notNull(),
    /** Their language (i18n/locales.ts); null: the workspace's, else Slack's, else English. */
    language: text('language'),
    /** `gregory` or `persian`; null: their language's own calendar. */
    calendar: text('calendar'),
    updatedAt: recordedAt('updated_at'),
  },
  (t) => [
    workspaceRows(),
    uniqueIndex('person_settings_user').on(t.teamId, t.userId),
    check('person_settings_language', sql`${t.language} in ('en', 'tr', 'fa', 'fi')`),
    check('person_settings_calendar', sql`${t.calendar} in ('gregory', 'persian')`),
  ],
);
