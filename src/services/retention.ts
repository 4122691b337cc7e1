/**
 * The retention sweep: every rule of db/retention.ts applied across workspaces, in bounded batches, by whichever
 * instances run the scheduler (main.ts ticks it each minute). Instances sweeping at once take different rows
 * (`SKIP LOCKED`), so each row is deleted once and nobody waits; a tick with nothing past its rule costs one
 * index probe per rule.
 */
import type { Database } from '../db/client.js';
import { prunePastRetention } from '../db/queries/retention.js';
import { PRUNE_BOUNDS, RETENTION, retentionCutoff, type RetentionKey } from '../db/retention.js';
import type { Logger } from '../log.js';

/** Rows deleted by rule (only rules that deleted some). */
export async function pruneByRetention(
  owner: Database,
  now: Date,
  logger: Logger,
  bounds: { batch: number; batches: number } = PRUNE_BOUNDS,
): Promise<Partial<Record<RetentionKey, number>>> {
  const pruned: Partial<Record<RetentionKey, number>> = {};
  for (const rule of Object.keys(RETENTION) as RetentionKey[]) {
    const before = retentionCutoff(RETENTION[rule], now);
    let total = 0;
    for (let batch = 0; batch < bounds.batches; batch++) {
      const deleted = await prunePastRetention(owner, { rule, before, limit: bounds.batch });
      total += deleted;
      if (deleted < bounds.batch) break;
    }
    if (total > 0) pruned[rule] = total;
  }
  if (Object.keys(pruned).length > 0) logger.info('deleted rows past their retention rule', pruned);
  return pruned;
}
