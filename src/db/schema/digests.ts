import type { KnownBlock } from '@slack/types';
import { date, foreignKey, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { digestStatusEnum } from './enums.js';
import { instant, recordedAt, teamId, workspaceKey, workspaceRows } from './columns.js';
import { workspaces } from './workspaces.js';

/**
 * One row per workspace-week: claiming the week is inserting this row, so replicas and restarts can never
 * post twice (shared/slack-contract.md, scheduling). `message_ts` records the post, so a retry can tell.
 */
export const digests = pgTable(
  'digests',
  {
    id: uuid('id').notNull().defaultRandom(),
    teamId: teamId().references(() => workspaces.teamId, { onDelete: 'cascade' }),
    /** The local date (workspace time zone) of the week's scheduled post. */
    week: date('week', { mode: 'string' }).notNull(),
    channelId: text('channel_id').notNull(),
    status: digestStatusEnum('status').notNull().default('claimed'),
    claimedAt: recordedAt('claimed_at'),
    /** Which app instance claimed it (diagnostics). */
    claimedBy: text('claimed_by').notNull(),
    postedAt: instant('posted_at'),
    messageTs: text('message_ts'),
    /** Failed posting attempts (e.g. the bot is not in the channel); the claim is retried after its lease. */
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
  },
  (t) => [
    workspaceRows(),
    workspaceKey('digests', t),
    uniqueIndex('digests_team_week').on(t.teamId, t.week),
    // Recovery: claimed but never posted.
    index('digests_status').on(t.status, t.claimedAt),
  ],
);

/**
 * Each Slack message a digest is posted as: the first in the channel, the rest in its thread (plus any forced
 * re-post), with the blocks as posted, so a decision updates the message naming the client in place. The
 * thread's pages are written with the first message and get their `ts` once posted: an instance that stops
 * mid-thread leaves the rest for the next tick to finish.
 */
export const digestMessages = pgTable(
  'digest_messages',
  {
    id: uuid('id').notNull().defaultRandom(),
    teamId: teamId(),
    digestId: uuid('digest_id').notNull(),
    channelId: text('channel_id').notNull(),
    /** Null while the page waits to be posted. */
    ts: text('ts'),
    /** The thread's first message; null for the first message itself. */
    threadTs: text('thread_ts'),
    /** Position in the thread: 0 for the first message. */
    page: integer('page').notNull().default(0),
    /** The notification text posted with the blocks. */
    text: text('text').notNull().default(''),
    /** Clients the message names, so a decision finds the messages to update. */
    clientIds: jsonb('client_ids').$type<string[]>().notNull().default([]),
    blocks: jsonb('blocks').$type<KnownBlock[]>().notNull(),
    postedAt: instant('posted_at'),
  },
  (t) => [
    workspaceRows(),
    workspaceKey('digest_messages', t),
    foreignKey({ columns: [t.teamId, t.digestId], foreignColumns: [digests.teamId, digests.id] }).onDelete('cascade'),
    // Button clicks arrive with the message's channel and ts.
    uniqueIndex('digest_messages_team_ts').on(t.teamId, t.channelId, t.ts),
    index('digest_messages_digest').on(t.teamId, t.digestId),
    // The retention sweep (db/retention.ts): messages posted longest ago, across workspaces.
    index('digest_messages_posted').on(t.postedAt),
  ],
);
