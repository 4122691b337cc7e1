/** Where each client stands now: the input of `/client list`, `/client find` and the App Home. */
import { criteriaJudged, type CriterionJudged } from '../domain/firingCriteria.js';
import { healthOfTotals, type Health } from '../domain/health.js';
import type { ClientProfile } from '../domain/types.js';
import type { Database } from '../db/client.js';
import { loadStandingInputs } from '../db/queries/portfolio/standings.js';
import type { ActIn } from './act.js';

export interface ClientStanding {
  client: ClientProfile;
  health: Health;
  criteriaMet: number;
  /** Red-flag criteria met (domain.md §4): these clients are always listed first, whatever was decided. */
  redFlags: number;
}

/** A standing with the criteria it meets (a lead's Home asks whether they were decided about since). */
export interface JudgedStanding extends ClientStanding {
  met: CriterionJudged[];
}

export interface StandingsScope {
  /** Only this account manager's clients (App Home, `/client list mine`). */
  ownerUserId?: string | undefined;
  /** Exited clients too (`/client list exited`, `/client find`); otherwise they are off the books. */
  includeExited?: boolean;
}

/** Every client (optionally one owner's) with its health now and the criteria it meets. */
export async function clientStandings(db: Database, act: Pick<ActIn, 'teamId' | 'catalogue' | 'at'>, scope: StandingsScope = {}): Promise<JudgedStanding[]> {
  const { teamId, catalogue, at: now } = act;
  const inputs = await loadStandingInputs(db, { teamId, catalogue, at: now, scope: { ownerUserId: scope.ownerUserId } });
  return inputs
    .filter((w) => scope.includeExited || w.client.status !== 'exited')
    .map((w) => {
      const met = criteriaJudged(catalogue, w.criteria);
      return {
        client: w.client,
        health: healthOfTotals(catalogue, w.weighted),
        criteriaMet: met.length,
        redFlags: met.filter((m) => m.criterion.class === 'red_flag').length,
        met,
      };
    });
}
