/** Where each client stands now (`/client list`, the Home tab, the export): one narrow row per client. */
import { and, eq } from 'drizzle-orm';
import type { CriteriaTallies } from '../../../domain/firingCriteria.js';
import type { ClientProfile, WeightedTotals } from '../../../domain/types.js';
import type { Database } from '../../client.js';
import { clientRollups, clients, decayBases } from '../../schema/index.js';
import { profileColumns } from '../clients.js';
import { readWithKeptSums } from '../decay.js';
import { criteriaParts, talliesReader } from './criteria.js';
import { packedRows, profileReader } from './packed.js';
import { clientsAt, type PortfolioRead } from './scope.js';
import { observationsAfter, totalsReader, weightedAt } from './weights.js';

/** What a client's standing now needs (`/client list`, the Home tab): its decayed weights and what its criteria are judged on. */
export interface ClientStandingInputs {
  client: ClientProfile;
  weighted: WeightedTotals | undefined;
  criteria: CriteriaTallies;
}

/** The standings' one row per client in scope: its profile, its weights at `at` and its criteria (the sums must be kept). */
export function standingsQuery(db: Database, read: PortfolioRead & { at: Date }) {
  const { teamId, catalogue, at, scope = {} } = read;
  const unseen = observationsAfter(db, { read, moments: [at] });
  const criteria = criteriaParts(db, read);
  return db
    .select({ ...profileColumns, ...weightedAt(unseen, 0, at, catalogue, 'at'), ...criteria.columns })
    .from(clients)
    .leftJoin(clientRollups, and(eq(clientRollups.teamId, clients.teamId), eq(clientRollups.clientId, clients.id)))
    .leftJoin(decayBases, eq(decayBases.teamId, clients.teamId))
    .leftJoin(unseen, eq(unseen.clientId, clients.id))
    .leftJoin(criteria.counted, eq(criteria.counted.clientId, clients.id))
    .leftJoin(criteria.told, eq(criteria.told.clientId, clients.id))
    .where(clientsAt(teamId, at, scope));
}

/** The standing of every client in scope at `at`: one narrow row per client. */
export async function loadStandingInputs(db: Database, read: PortfolioRead & { at: Date }): Promise<ClientStandingInputs[]> {
  const { teamId, catalogue, at } = read;
  const packed = await readWithKeptSums(db, { teamId, catalogue, at, read: () => packedRows(db, standingsQuery(db, read)) });
  const [profile, weighted, tallies] = [profileReader(packed), totalsReader(packed, 'at'), talliesReader(packed)];
  return Array.from({ length: packed.length }, (_, row) => ({ client: profile(row), weighted: weighted(row), criteria: tallies(row).criteria }));
}
