/**
 * Deleting rows past their retention rule (db/retention.ts), across workspaces (the owner's database), a bounded
 * batch per statement. Each batch finds its rows through the rule's time index, locks them `SKIP LOCKED` (two
 * instances sweeping at once each take other rows, and neither waits) and deletes them by their physical address
 * (a TID scan: no second index lookup).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../client.js';
import type { RetentionKey } from '../retention.js';

/** Which rows each rule counts, and from which moment (`before`: the rule's cutoff, as SQL). */
const PAST: Record<RetentionKey, { table: SQL; past: (before: SQL) => SQL }> = {
  requestsDone: { table: sql`slack_requests`, past: (before) => sql`state = 'done' and finished_at < ${before}` },
  requestsFailed: { table: sql`slack_requests`, past: (before) => sql`state = 'failed' and finished_at < ${before}` },
  audit: { table: sql`audit_log`, past: (before) => sql`entity_type <> 'workspace' and at < ${before}` },
  personalSends: { table: sql`personal_sends`, past: (before) => sql`claimed_at < ${before}` },
  digestMessages: { table: sql`digest_messages`, past: (before) => sql`posted_at < ${before}` },
  snoozes: { table: sql`snoozes`, past: (before) => sql`until < ${before}` },
};

/** Deletes at most `limit` rows of `rule` counted from before `before`; returns how many went. */
export async function prunePastRetention(db: Database, { rule, before, limit }: { rule: RetentionKey; before: Date; limit: number }): Promise<number> {
  const { table, past } = PAST[rule];
  // postgres.js cannot bind a Date in raw SQL (it goes as ISO text).
  const cutoff = sql`${before.toISOString()}::timestamptz`;
  const result = await db.execute(sql`
    delete from ${table} where ctid = any(array(
      select ctid from ${table} where ${past(cutoff)} limit ${limit} for update skip locked))
    returning 1`);
  // postgres.js answers the rows themselves, PGlite an object holding them.
  return ((result as { rows?: unknown[] }).rows ?? (result as unknown as unknown[])).length;
}
