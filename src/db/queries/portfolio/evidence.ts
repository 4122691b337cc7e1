/** The rows behind a digest's verdicts (incidents, warnings, recent bad observations), for the clients it names alone. */
import { and, eq, gt, inArray, lte } from 'drizzle-orm';
import type { Catalogue } from '../../../domain/catalogue.js';
import { clientEvidence, type ClientEvidence } from '../../../domain/clientWeek.js';
import { daysBefore } from '../../../domain/types.js';
import type { Database } from '../../client.js';
import { incidents, traitObservations, warnings } from '../../schema/index.js';
import { incidentColumns, observationsWhere, warningColumns } from '../activity.js';
import { ruledIncidents } from './criteria.js';
import { groupBy } from './scope.js';

const o = traitObservations;

/** Clients evidence is read for per query (each id is a parameter). */
const EVIDENCE_BATCH = 1000;

/**
 * The rows behind the verdicts on the clients a digest names, for them alone: the incidents its rules look at,
 * the warnings, and the recent bad observations (`clientEvidence` picks, by client).
 */
export async function loadDigestEvidence(
  db: Database,
  named: { teamId: string; catalogue: Catalogue; weekEnd: Date; clientIds: readonly string[] },
): Promise<Map<string, ClientEvidence>> {
  const { teamId, catalogue, weekEnd, clientIds } = named;
  // The week's bad observations, and those of the flip rule's recent window (it may be longer).
  const from = new Date(Math.min(daysBefore(weekEnd, 7).getTime(), daysBefore(weekEnd, catalogue.thresholds.turnedBad.flipRecentDays).getTime()));
  const badTraits = catalogue.traits.filter((t) => t.polarity === 'bad').map((t) => t.key);
  const batches: string[][] = [];
  for (let k = 0; k < clientIds.length; k += EVIDENCE_BATCH) batches.push(clientIds.slice(k, k + EVIDENCE_BATCH));
  const read = await Promise.all(
    batches.map((ids) =>
      Promise.all([
        db
          .select(incidentColumns)
          .from(incidents)
          .where(and(eq(incidents.teamId, teamId), ruledIncidents(catalogue, weekEnd), inArray(incidents.clientId, ids))),
        db
          .select(warningColumns)
          .from(warnings)
          .where(and(eq(warnings.teamId, teamId), lte(warnings.givenAt, weekEnd), inArray(warnings.clientId, ids))),
        observationsWhere(
          db,
          and(eq(o.teamId, teamId), inArray(o.clientId, ids), inArray(o.trait, badTraits), gt(o.observedAt, from), lte(o.observedAt, weekEnd)),
        ),
      ]),
    ),
  );
  const incidentsBy = groupBy(read.flatMap(([rows]) => rows));
  const warningsBy = groupBy(read.flatMap(([, rows]) => rows));
  const observationsBy = groupBy(read.flatMap(([, , rows]) => rows));
  return new Map(
    clientIds.map((id) => [
      id,
      clientEvidence(
        catalogue,
        { observations: observationsBy.get(id) ?? [], incidents: incidentsBy.get(id) ?? [], warnings: warningsBy.get(id) ?? [] },
        weekEnd,
      ),
    ]),
  );
}
