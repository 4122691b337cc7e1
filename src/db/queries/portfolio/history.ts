/**
 * The portfolio week by week, for the digest's pictures: each client's weights at the end of each of the weeks
 * asked for, and what its firing criteria are judged on at each, by the same folds as the digest's row per client
 * (weights.ts, criteria.ts), so the last week's figures are the digest's own. Bounded whatever the portfolio's
 * size and age: one read of the weights (one row per client, a column per week) and one narrow read of the criteria
 * per week; and, for the few clients pictured, their incidents and decisions of those weeks.
 */
import { and, eq, gt, inArray, lte } from 'drizzle-orm';
import type { CriteriaTallies } from '../../../domain/firingCriteria.js';
import { daysBefore, type ClientProfile, type WeightedTotals } from '../../../domain/types.js';
import type { Database } from '../../client.js';
import { clientRollups, clients, decayBases, decisions, incidents } from '../../schema/index.js';
import { profileColumns } from '../clients.js';
import { readWithKeptSums } from '../decay.js';
import { criteriaQuery, talliesReader } from './criteria.js';
import { packedRows, profileReader } from './packed.js';
import { clientsAt, groupBy, type PortfolioRead } from './scope.js';
import { observationsAfter, totalsReader, weightedAt } from './weights.js';

/** A client through the weeks: its weights and what its criteria are judged on at each week's end (oldest first). */
export interface ClientThroughWeeks {
  client: ClientProfile;
  /** Undefined in a week by whose end nothing was observed. */
  weighted: (WeightedTotals | undefined)[];
  criteria: CriteriaTallies[];
}

const NO_CRITERIA: CriteriaTallies = {};

/**
 * Every client that existed by the last of `weekEnds` (ascending), with its weights and criteria at each week's
 * end. Which weeks count a client (created by then, not exited) is the caller's rule (charts/portfolio.ts).
 */
export async function loadPortfolioWeeks(db: Database, read: PortfolioRead & { weekEnds: readonly Date[] }): Promise<ClientThroughWeeks[]> {
  const { teamId, catalogue, weekEnds, scope = {} } = read;
  if (weekEnds.length === 0) return [];
  const unseen = observationsAfter(db, { read, moments: weekEnds });
  const weights = Object.assign({}, ...weekEnds.map((at, i) => weightedAt(unseen, i, at, catalogue, `w${i}`)));
  const query = db
    .select({ ...profileColumns, ...weights })
    .from(clients)
    .leftJoin(clientRollups, and(eq(clientRollups.teamId, clients.teamId), eq(clientRollups.clientId, clients.id)))
    .leftJoin(decayBases, eq(decayBases.teamId, clients.teamId))
    .leftJoin(unseen, eq(unseen.clientId, clients.id))
    .where(clientsAt(teamId, weekEnds.at(-1)!, scope));
  const packed = await readWithKeptSums(db, { teamId, catalogue, at: weekEnds[0]!, read: () => packedRows(db, query) });
  // Each week's criteria in turn: narrow reads of the clients with incidents, one connection at a time.
  const criteriaByWeek: Map<string, CriteriaTallies>[] = [];
  for (const at of weekEnds) {
    const rows = await packedRows(db, criteriaQuery(db, { ...read, at, driftAlsoAt: at }));
    const [ids] = rows.columns('client_id');
    const tallies = talliesReader(rows);
    criteriaByWeek.push(new Map(ids.map((id, row) => [String(id), tallies(row).criteria])));
  }
  const profile = profileReader(packed);
  const totals = weekEnds.map((_, i) => totalsReader(packed, `w${i}`));
  return Array.from({ length: packed.length }, (_, row) => {
    const client = profile(row);
    return {
      client,
      weighted: totals.map((at) => at(row)),
      criteria: criteriaByWeek.map((week) => week.get(client.id) ?? NO_CRITERIA),
    };
  });
}

/** When a pictured client's incidents happened and its decisions were taken, within the weeks ending `from`…`to`. */
export interface ClientMarks {
  incidents: { occurredAt: Date }[];
  decisions: { decidedAt: Date }[];
}

/** The incidents and decisions of `clientIds` after a week before `from` and by `to` (two reads, whatever the count). */
export async function loadClientMarks(
  db: Database,
  read: { teamId: string; clientIds: readonly string[]; from: Date; to: Date },
): Promise<Map<string, ClientMarks>> {
  const { teamId, clientIds, to } = read;
  const out = new Map<string, ClientMarks>(clientIds.map((id) => [id, { incidents: [], decisions: [] }]));
  if (clientIds.length === 0) return out;
  const from = daysBefore(read.from, 7);
  const [incidentRows, decisionRows] = await Promise.all([
    db
      .select({ clientId: incidents.clientId, occurredAt: incidents.occurredAt })
      .from(incidents)
      .where(and(eq(incidents.teamId, teamId), inArray(incidents.clientId, [...clientIds]), gt(incidents.occurredAt, from), lte(incidents.occurredAt, to))),
    db
      .select({ clientId: decisions.clientId, decidedAt: decisions.decidedAt })
      .from(decisions)
      .where(and(eq(decisions.teamId, teamId), inArray(decisions.clientId, [...clientIds]), gt(decisions.decidedAt, from), lte(decisions.decidedAt, to))),
  ]);
  for (const [id, rows] of groupBy(incidentRows)) out.get(id)!.incidents.push(...rows.map((r) => ({ occurredAt: r.occurredAt })));
  for (const [id, rows] of groupBy(decisionRows)) out.get(id)!.decisions.push(...rows.map((r) => ({ decidedAt: r.decidedAt })));
  return out;
}
