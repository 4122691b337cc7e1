/**
 * Keeping the decayed trait sums (schema/decay.ts) on the workspace's half-life. The triggers of migration 0012
 * keep them exact as observations come and go; a read first makes sure they are kept at all, on the catalogue's
 * half-life, against an epoch recent enough that 2^((t − epoch) / h) stays far from float8's range, and
 * otherwise rebuilds them from the observations.
 */
import { eq, sql } from 'drizzle-orm';
import type { Catalogue } from '../../domain/catalogue.js';
import { DAY_MS } from '../../domain/types.js';
import type { Database } from '../client.js';
import { decayBases, traitDecaySums, traitObservations } from '../schema/index.js';

/**
 * Half-lives between the epoch and a read past which the sums are re-based on a new epoch. float8 holds 2^1023:
 * 256 leaves a wide margin for observations dated ahead and for sums of many terms.
 */
const REBASE_AFTER_HALF_LIVES = 256;

/** 2^((observedAt − epoch) / half-life), clamped: the same SQL function the triggers use (migration 0012). */
export const decayTerm = (observedAt: unknown, epoch: unknown, halfLifeDays: unknown) => sql<number>`decay_term(${observedAt}, ${epoch}, ${halfLifeDays})`;

export const timestamp = (at: Date) => sql`${at.toISOString()}::timestamptz`;

/** Makes sure the workspace's sums are kept on the catalogue's half-life and a usable epoch; rebuilds them if not. */
export async function keepDecaySums(db: Database, teamId: string, catalogue: Catalogue, at: Date): Promise<void> {
  const { halfLifeDays } = catalogue.thresholds.health;
  const [basis] = await db.select().from(decayBases).where(eq(decayBases.teamId, teamId));
  const halfLivesFromEpoch = basis ? Math.abs(at.getTime() - basis.epoch.getTime()) / (halfLifeDays * DAY_MS) : Infinity;
  if (basis?.halfLifeDays === halfLifeDays && halfLivesFromEpoch < REBASE_AFTER_HALF_LIVES) return;
  await rebuildDecaySums(db, teamId, halfLifeDays, at);
}

/**
 * Recomputes a workspace's sums from its observations on `halfLifeDays`, with `epoch` as the new basis. Taking
 * the basis row first makes concurrent observation writes wait (their triggers hold it FOR SHARE), so the
 * rebuild sees every observation committed before it and those committed after add themselves on the new basis.
 */
export async function rebuildDecaySums(db: Database, teamId: string, halfLifeDays: number, epoch: Date): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(decayBases).values({ teamId, halfLifeDays, epoch }).onConflictDoUpdate({ target: decayBases.teamId, set: { halfLifeDays, epoch } });
    await tx.delete(traitDecaySums).where(eq(traitDecaySums.teamId, teamId));
    const o = traitObservations;
    await tx.insert(traitDecaySums).select(
      tx
        .select({
          teamId: o.teamId,
          clientId: o.clientId,
          trait: o.trait,
          observations: sql<number>`count(*)::int`.as('observations'),
          mass: sql<number>`sum(${decayTerm(o.observedAt, timestamp(epoch), sql`${halfLifeDays}::float8`)})`.as('mass'),
        })
        .from(o)
        .where(eq(o.teamId, teamId))
        .groupBy(o.teamId, o.clientId, o.trait),
    );
  });
}
