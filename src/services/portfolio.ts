/** Where each client stands now: the input of `/client list` and the App Home. */
import type { Catalogue } from '../domain/catalogue.js';
import { firingCriteriaMet } from '../domain/firingCriteria.js';
import { health, type Health } from '../domain/health.js';
import type { ClientProfile } from '../domain/types.js';
import type { Database } from '../db/client.js';
import { loadDigestWeek } from '../db/queries/digestWeek.js';

export interface ClientStanding {
  client: ClientProfile;
  health: Health;
  criteriaMet: number;
}

/** Every client not exited (optionally one owner's) with its health now and how many criteria it meets. */
export async function clientStandings(db: Database, teamId: string, catalogue: Catalogue, now: Date, ownerUserId?: string): Promise<ClientStanding[]> {
  const weeks = await loadDigestWeek(db, teamId, catalogue, now, { ownerUserId });
  return weeks
    .filter((w) => w.client.status !== 'exited')
    .map((w) => ({
      client: w.client,
      health: health(catalogue, w.client, w.history, now),
      criteriaMet: firingCriteriaMet(catalogue, w.incidents, w.warnings, now).length,
    }));
}
