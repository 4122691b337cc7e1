/**
 * How long Rapport keeps what grows with traffic, not with the portfolio: one rule per kind of row, read by the
 * retention sweep (services/retention.ts, every minute, in bounded batches through a time index) and stated in
 * the README ("Growth, bounded"). Pure: the moment is an argument.
 *
 * What is NOT here is the workspace's own record (clients, calls and their traits, incidents, warnings,
 * decisions, proposals, next steps, category changes, the digests' one row a week): it grows with what people
 * log, is what Rapport is for, and goes when its client is erased or its workspace purged after uninstalling.
 */
import { DAY_MS } from '../domain/types.js';

export interface RetentionRule {
  /** The table the rows are in. */
  table: 'slack_requests' | 'audit_log' | 'personal_sends' | 'digest_messages' | 'snoozes';
  /** Days a row is kept after the moment its rule counts from. */
  days: number;
}

export const RETENTION = {
  /**
   * Requests answered: only a retry of Slack's (minutes) or a replayed delivery (5 minutes) is ever matched
   * against them; a day leaves yesterday's for whoever looks into a complaint. Counted from `finished_at`.
   */
  requestsDone: { table: 'slack_requests', days: 1 },
  /** Requests given up on: kept for a month, for diagnosing what failed. Counted from `finished_at`. */
  requestsFailed: { table: 'slack_requests', days: 30 },
  /**
   * The audit trail, and with it a client's History of changes: a year and a month, so last year's same month
   * can still be compared (what a yearly review asks). Counted from `at`. The workspace's own settings changes
   * are kept (a handful a workspace): the digest's channel names who set it, to tell them when Slack refuses it.
   */
  audit: { table: 'audit_log', days: 400 },
  /**
   * Scheduled DMs sent (reminders, personal digests, escalations): the once-per-day or per-week mark only matters
   * while its day or week can still come due; ninety days is far past that. Counted from `claimed_at`.
   */
  personalSends: { table: 'personal_sends', days: 90 },
  /**
   * The digest's messages as posted (their blocks, so a decision rewrites them in place): a year. A button on an
   * older digest finds no stored message and answers without rewriting it. Counted from `posted_at`; a page never
   * posted (its digest abandoned) has no moment and stays, at most a digest's few pages.
   */
  digestMessages: { table: 'digest_messages', days: 365 },
  /** Snoozes, once ended for as long as the audit is kept (History lists them). Counted from `until`. */
  snoozes: { table: 'snoozes', days: 400 },
} as const satisfies Record<string, RetentionRule>;

export type RetentionKey = keyof typeof RETENTION;

/** Rows counted from before this moment are past their rule. */
export function retentionCutoff(rule: RetentionRule, now: Date): Date {
  return new Date(now.getTime() - rule.days * DAY_MS);
}

/**
 * A sweep deletes at most `batch` rows per statement and `batches` statements per rule per tick: a backlog (the
 * first sweep of an old database) is worked off over minutes, never in one long transaction holding locks.
 */
export const PRUNE_BOUNDS = { batch: 1000, batches: 20 };
