/** Plain-data builders for engine tests: a client, observations and incidents dated relative to a fixed day. */
import type { IncidentDetails, IncidentKind } from '../../src/domain/catalogue.js';
import type { Catalogue } from '../../src/domain/catalogue.js';
import { clientEvidence, clientWeekOf, type ClientEvidence, type ClientWeekRows } from '../../src/domain/clientWeek.js';
import { selectDigest, type DigestSelection } from '../../src/domain/digestSelection.js';
import { DAY_MS, type ClientProfile, type Incident, type Observation, type Warning } from '../../src/domain/types.js';

/** Monday 2026-11-23 09:00 UTC: the "now" of every engine test unless it says otherwise. */
export const NOW = new Date('2026-11-23T09:00:00Z');

export const daysAgo = (days: number, from: Date = NOW) => new Date(from.getTime() - days * DAY_MS);

let seq = 0;
const nextId = () => `id-${++seq}`;

export function aClient(overrides: Partial<ClientProfile> = {}): ClientProfile {
  return {
    id: nextId(),
    name: 'Acme',
    category: 'regular',
    relationship: 'unknown',
    status: 'active',
    ownerUserId: 'U0OWNER',
    monthlyValue: null,
    traitWeights: {},
    createdAt: daysAgo(400),
    exitedAt: null,
    ...overrides,
  };
}

export function observed(trait: string, at: Date, overrides: Partial<Observation> = {}): Observation {
  return { id: nextId(), clientId: 'c', trait, observedAt: at, loggedAt: at, loggedBy: 'U0LOGGER', callId: 'call', ...overrides };
}

/** `count` observations of a trait, one a day ending at `at`. */
export function observedTimes(trait: string, count: number, at: Date): Observation[] {
  return Array.from({ length: count }, (_, i) => observed(trait, daysAgo(i, at)));
}

export function incident(kind: IncidentKind, at: Date, details: Partial<IncidentDetails> = {}, overrides: Partial<Incident> = {}): Incident {
  const base = kind === 'slow_payment' ? { daysLate: 10 } : kind === 'competitor_play' ? { onAgreedWork: true } : {};
  return {
    id: nextId(),
    clientId: 'c',
    kind,
    occurredAt: at,
    loggedAt: at,
    loggedBy: 'U0LOGGER',
    description: '',
    details: { kind, ...base, ...details } as IncidentDetails,
    ...overrides,
  };
}

export function warning(at: Date, kind: IncidentKind = 'mental_abuse'): Warning {
  return { id: nextId(), clientId: 'c', kind, givenAt: at, givenBy: 'U0OWNER' };
}

/** A client's rows up to the week's end: nothing logged, last call yesterday. */
export function aClientWeek(client: ClientProfile, parts: Partial<ClientWeekRows> = {}): ClientWeekRows {
  return {
    client,
    history: { observations: [] },
    incidents: [],
    warnings: [],
    snoozes: [],
    decisions: [],
    lastCallAt: daysAgo(1),
    loggedThisWeek: { calls: 0, incidents: 0 },
    ...parts,
  };
}

/** The digest selection of clients' rows, each judged as the repository judges it (`clientWeekOf`). */
export function selectFromRows(catalogue: Catalogue, rows: readonly ClientWeekRows[], weekEnd: Date, timeZone = 'UTC'): DigestSelection {
  return selectDigest(
    catalogue,
    rows.map((r) => clientWeekOf(catalogue, r, weekEnd)),
    weekEnd,
    timeZone,
  );
}

/** The evidence of each client, from its rows. */
export function evidenceOfRows(catalogue: Catalogue, rows: readonly ClientWeekRows[], weekEnd: Date): Map<string, ClientEvidence> {
  return new Map(
    rows.map((r) => [r.client.id, clientEvidence(catalogue, { observations: r.history.observations, incidents: r.incidents, warnings: r.warnings }, weekEnd)]),
  );
}
