/**
 * Everything a call's confirmation reads once the call is stored, in one statement: the client's weights around
 * the call (health with and without it, and at its previous call), its incidents and warnings (the firing
 * criteria), and the observations the call may dispute. Three statements beside each other cost three preludes,
 * three transactions and three round trips of the server's and this process's CPU; a `/call` paid them on
 * every confirmation.
 */
import { sql } from 'drizzle-orm';
import type { Catalogue } from '../../domain/catalogue.js';
import type { Incident, Observation, Warning } from '../../domain/types.js';
import type { Database } from '../client.js';
import type { Placeholders } from '../builtOnce.js';
import {
  incidentsJson,
  incidentsOf,
  observationsOf,
  warningsJson,
  warningsOf,
  type IncidentsJson,
  type ObservationsJson,
  type WarningsJson,
} from './activity.js';
import { readWithKeptSums } from './decay.js';
import { disputingJson, disputingOf, type Disputing } from './disagreements.js';
import { packedBuiltOnce } from './portfolio/packed.js';
import { weightsAroundCallOf, weightsAroundCallQuery, type AroundCall, type WeightsAroundCall } from './portfolio/weights.js';

export interface ReadAroundCall {
  weights: WeightsAroundCall;
  incidents: Incident[];
  warnings: Warning[];
  /** What the call's disagreements are judged on (disagreements.ts `disputingJson`); none when not asked. */
  disputing: Observation[];
}

type Values = AroundCall & Disputing & { loggedBy: string };

const readingAroundCall = packedBuiltOnce((p: Placeholders<Values>) =>
  weightsAroundCallQuery(p, {
    incidents: sql`${incidentsJson(p)}`.as('incidents'),
    warnings: sql`${warningsJson(p)}`.as('warnings'),
    disputing: sql`${disputingJson(p)}`.as('disputing'),
  }),
);

/**
 * The client's weights at `at` around `call`, its incidents and warnings, and, with `disputes`, what the call's
 * disagreements are judged on (an edited call makes none: its pairs were named when it was first logged).
 */
export async function readAroundCall(
  db: Database,
  {
    teamId,
    catalogue,
    call,
    at,
    disputes,
  }: {
    teamId: string;
    catalogue: Catalogue;
    call: { id: string; clientId: string; occurredAt: Date; loggedBy: string; traits: readonly string[] };
    at: Date;
    disputes: boolean;
  },
): Promise<ReadAroundCall> {
  const disputing = (disputes && disputingOf(catalogue, call)) || { own: [], opposite: [], from: at.toISOString(), to: at.toISOString() };
  const values: Values = {
    teamId,
    clientId: call.clientId,
    callId: call.id,
    at: at.toISOString(),
    halfLifeDays: catalogue.thresholds.health.halfLifeDays,
    loggedBy: call.loggedBy,
    ...disputing,
  };
  const packed = await readWithKeptSums(db, { teamId, catalogue, at, read: () => readingAroundCall(db, values) });
  const [incidents, warnings, observations] = packed.columns('incidents', 'warnings', 'disputing');
  return {
    weights: weightsAroundCallOf(packed, at),
    incidents: incidentsOf(incidents[0] as IncidentsJson | undefined),
    warnings: warningsOf(warnings[0] as WarningsJson | undefined),
    disputing: observationsOf(observations[0] as ObservationsJson | undefined),
  };
}
