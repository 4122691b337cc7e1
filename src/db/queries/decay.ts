/**
 * Keeping the clients' decayed sums (schema/decay.ts) on the workspace's catalogue. The triggers of migration
 * 0013 keep them exact as observations come and go and as a client's own weights change; a read first makes sure
 * they are weighed with the catalogue's half-life and trait weights, against an epoch recent enough that
 * 2^((t − epoch) / h) stays far from float8's range, and otherwise rebuilds them from the observations.
 */
import { eq, sql, type SQL } from 'drizzle-orm';
import type { Catalogue } from '../../domain/catalogue.js';
import { DAY_MS } from '../../domain/types.js';
import { writerFor, type Database } from '../client.js';
import { decayBases, type TraitWeighing } from '../schema/index.js';

/**
 * Half-lives between the epoch and a read past which the sums are re-based on a new epoch. float8 holds 2^1023:
 * 256 leaves a wide margin for observations dated ahead and for sums of many terms.
 */
const REBASE_AFTER_HALF_LIVES = 256;

/** 2^((observedAt − epoch) / half-life), clamped: the SQL function the triggers use (migration 0012). */
export const decayTerm = (observedAt: unknown, epoch: unknown, halfLifeDays: unknown) => sql<number>`decay_term(${observedAt}, ${epoch}, ${halfLifeDays})`;

/** An instant as SQL: a moment the app knows, or one the statement itself finds (a subquery). */
export const timestamp = (at: Date | SQL) => (at instanceof Date ? sql`${at.toISOString()}::timestamptz` : at);

/** The catalogue's traits as the sums weigh them. */
function traitWeighing(catalogue: Catalogue): TraitWeighing {
  return Object.fromEntries(catalogue.traits.map((t) => [t.key, { polarity: t.polarity, weight: t.weight }]));
}

function sameWeighing(a: TraitWeighing | null, b: TraitWeighing): boolean {
  if (!a || Object.keys(a).length !== Object.keys(b).length) return false;
  return Object.entries(b).every(([key, t]) => a[key]?.polarity === t.polarity && a[key]?.weight === t.weight);
}

/**
 * Makes sure the workspace's sums are kept on the catalogue's half-life and weights and a usable epoch; rebuilds
 * them if not, and then says so.
 */
export async function keepDecaySums(db: Database, { teamId, catalogue, at }: { teamId: string; catalogue: Catalogue; at: Date }): Promise<boolean> {
  const { halfLifeDays } = catalogue.thresholds.health;
  const known = keptRecently(db).get(teamId);
  if (
    known &&
    known.catalogue === catalogue &&
    known.until > Date.now() &&
    Math.abs(at.getTime() - known.epoch) < (REBASE_AFTER_HALF_LIVES / 2) * halfLifeDays * DAY_MS
  )
    return false;
  const [basis] = await db.select().from(decayBases).where(eq(decayBases.teamId, teamId));
  const halfLivesFromEpoch = basis ? Math.abs(at.getTime() - basis.epoch.getTime()) / (halfLifeDays * DAY_MS) : Infinity;
  if (basis?.halfLifeDays === halfLifeDays && sameWeighing(basis.traits, traitWeighing(catalogue)) && halfLivesFromEpoch < REBASE_AFTER_HALF_LIVES) {
    remember(db, teamId, catalogue, basis.epoch);
    return false;
  }
  // Read on a replica, the sums are still kept on the primary (the replica then has them once it catches up).
  await rebuildDecaySums(writerFor(db), { teamId, catalogue, epoch: at });
  remember(db, teamId, catalogue, at);
  return true;
}

/**
 * Workspaces whose sums were found kept on a catalogue lately, per handle: most reads of a request's path need the
 * check, and it almost always finds them kept, so for a short while the answer is taken as known. A catalogue
 * changed meanwhile is another object (workspaces.ts resolves one per distinct settings), so it is checked at
 * once; a rebuild by another process on a newer catalogue is found by this one's next check, a minute later at
 * most, and reads meanwhile use whatever basis the database holds (they join it), so their sums stay consistent.
 */
const KEPT_FOR_MS = 60_000;
const kept = new WeakMap<Database, Map<string, { catalogue: Catalogue; epoch: number; until: number }>>();
function keptRecently(db: Database) {
  const primary = writerFor(db);
  let teams = kept.get(primary);
  if (!teams) kept.set(primary, (teams = new Map()));
  return teams;
}
function remember(db: Database, teamId: string, catalogue: Catalogue, epoch: Date) {
  const teams = keptRecently(db);
  if (teams.size > 10_000) teams.clear();
  teams.set(teamId, { catalogue, epoch: epoch.getTime(), until: Date.now() + KEPT_FOR_MS });
}

/**
 * Runs a read of the sums while making sure they are kept (at `at`), and once more if they had to be rebuilt:
 * they almost always are kept, so the check costs the read no round trip of its own.
 */
export async function readWithKeptSums<T>(
  db: Database,
  { teamId, catalogue, at, read }: { teamId: string; catalogue: Catalogue; at: Date; read: () => Promise<T> },
): Promise<T> {
  const [rebuilt, result] = await Promise.all([keepDecaySums(db, { teamId, catalogue, at }), read()]);
  return rebuilt ? read() : result;
}

/**
 * Recomputes a workspace's sums from its observations on the catalogue, with `epoch` as the new basis. Taking
 * the basis row first makes concurrent observation writes wait (their triggers hold it FOR SHARE), so the
 * rebuild sees every observation committed before it and those committed after add themselves on the new basis.
 */
export async function rebuildDecaySums(db: Database, { teamId, catalogue, epoch }: { teamId: string; catalogue: Catalogue; epoch: Date }): Promise<void> {
  keptRecently(db).delete(teamId);
  const basis = { halfLifeDays: catalogue.thresholds.health.halfLifeDays, traits: traitWeighing(catalogue), epoch };
  await db.transaction(async (tx) => {
    await tx
      .insert(decayBases)
      .values({ teamId, ...basis })
      .onConflictDoUpdate({ target: decayBases.teamId, set: basis });
    await tx.execute(sql`select client_rollups_recompute(${teamId}, null)`);
  });
}
