/**
 * The portfolio read model: what the digest, `/client list`, the Home tab and the health after a log read of a
 * workspace's clients, in a fixed number of queries, each returning one narrow row per client (plus the few
 * dimensions that could flip) whatever the portfolio's history: the decayed weights from the sums kept at write
 * time (schema/decay.ts) less the observations after each moment judged (weights.ts), the incidents counted toward
 * each firing criterion (criteria.ts), the dimensions that flipped (flips.ts), the last call. `standings.ts` reads
 * a client's standing now, `weekRows.ts` the digest's row per client for a week; rows of incidents and
 * observations travel only as evidence, for the clients a digest names (evidence.ts). Wide reads come back packed
 * (packed.ts).
 *
 * Which implementation is the authority: these SQL folds are what production runs for every portfolio read. The
 * pure functions of domain/ (`health` over raw observations, `dimensionFlips`, `criteriaTallies`, `clientWeekOf`)
 * are their reference: they define the rules in domain.md's words, `/client show` applies them to one client's raw
 * history, and test/db/foldEquivalence.test.ts keeps the two equal over random histories on both databases.
 *
 * This module: which clients a read covers.
 */
import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Catalogue } from '../../../domain/catalogue.js';
import { clients } from '../../schema/index.js';

/** Rows by the client they are of, in the order read. */
export function groupBy<T extends { clientId: string }>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const list = out.get(row.clientId);
    if (list) list.push(row);
    else out.set(row.clientId, [row]);
  }
  return out;
}

export interface ClientScope {
  /** Only this account manager's clients (App Home). */
  ownerUserId?: string | undefined;
  /** Only this client (health right after a log). */
  clientId?: string | undefined;
  /** Leaves one call's observations out (a confirmation's health before that call). */
  exceptCallId?: string | undefined;
}

/** Whose portfolio a read is of, judged by which catalogue, over which of its clients (all unless narrowed). */
export interface PortfolioRead {
  teamId: string;
  catalogue: Catalogue;
  scope?: ClientScope;
}

/** Restricts a table with a client_id column to the scope's clients. */
export function inScope(clientId: AnyPgColumn, teamId: string, scope: ClientScope) {
  if (scope.clientId) return eq(clientId, scope.clientId);
  if (!scope.ownerUserId) return undefined;
  return inArray(clientId, sql`(select ${clients.id} from ${clients} where ${clients.teamId} = ${teamId} and ${clients.ownerUserId} = ${scope.ownerUserId})`);
}

/** The workspace's clients (or one owner's, or one) that existed at `at`. */
export function clientsAt(teamId: string, at: Date, scope: ClientScope) {
  return and(
    eq(clients.teamId, teamId),
    lte(clients.createdAt, at),
    scope.ownerUserId ? eq(clients.ownerUserId, scope.ownerUserId) : undefined,
    scope.clientId ? eq(clients.id, scope.clientId) : undefined,
  );
}
