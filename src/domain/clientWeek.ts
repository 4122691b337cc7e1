/**
 * A client's week as digest selection judges it: numbers, not rows. The repository computes them in SQL, one
 * narrow row per client whatever its history (db/queries/portfolio/weekRows.ts); `clientWeekOf` computes the same from
 * a client's rows, the reference that SQL is tested against. The rows themselves are read only for the clients
 * a digest names, as their evidence (`clientEvidence`).
 */
import type { Catalogue } from './catalogue.js';
import type { LastContact } from './cadence.js';
import { criteriaTallies, firingCriteriaMet, type CriteriaTallies, type CriterionMet } from './firingCriteria.js';
import { health } from './health.js';
import { latePaymentsAt } from './signals.js';
import { recentBadAt, weekBadOf, weekFlipsOf, type DimensionFlip } from './turnedBad.js';
import {
  daysBefore,
  tallyOf,
  type ClientProfile,
  type Decision,
  type Incident,
  type Observation,
  type ObservationHistory,
  type Snooze,
  type Tally,
  type Warning,
  type WeightedTotals,
} from './types.js';

export interface ClientWeek {
  client: ClientProfile;
  /** Decayed, weighted good and bad weight at the week's start and end; undefined when nothing was observed by then. */
  weighted: { atStart: WeightedTotals | undefined; atEnd: WeightedTotals | undefined };
  /** The dimensions that flipped during the week. */
  flips: readonly DimensionFlip[];
  /** Bad observations made during the week. */
  weekBad: Tally;
  /** What each firing criterion is judged on at the week's end. */
  criteria: CriteriaTallies;
  /** Late payments in the stepping-stone window at the week's start and end. */
  latePayments: { atStart: number; atEnd: Tally };
  snoozes: readonly Snooze[];
  decisions: readonly Decision[];
  lastCallAt: Date | null;
  /** Who made the last call and how it was logged: read for the clients that may be overdue for contact. */
  lastContact?: LastContact;
  /** Calls and incidents logged during the week (for the portfolio summary). */
  loggedThisWeek: { calls: number; incidents: number };
}

/** A client's rows up to the week's end: what `clientWeekOf` and `clientEvidence` read. */
export interface ClientWeekRows extends Pick<ClientWeek, 'client' | 'snoozes' | 'decisions' | 'lastCallAt' | 'lastContact' | 'loggedThisWeek'> {
  history: ObservationHistory;
  incidents: readonly Incident[];
  warnings: readonly Warning[];
}

/** The client's week, computed from its rows (domain.md §3–4). */
export function clientWeekOf(catalogue: Catalogue, rows: ClientWeekRows, weekEnd: Date): ClientWeek {
  const { client, history, incidents, warnings } = rows;
  const weekStart = daysBefore(weekEnd, 7);
  const weightedAt = (at: Date): WeightedTotals | undefined => {
    const h = health(catalogue, client, history, at);
    return h.known ? { good: h.good, bad: h.bad } : undefined;
  };
  return {
    client,
    weighted: { atStart: weightedAt(weekStart), atEnd: weightedAt(weekEnd) },
    flips: weekFlipsOf(catalogue, history.observations, weekEnd),
    weekBad: tallyOf(weekBadOf(catalogue, history.observations, weekEnd)),
    criteria: criteriaTallies(catalogue, incidents, warnings, weekEnd),
    latePayments: { atStart: latePaymentsAt(catalogue, incidents, weekStart).length, atEnd: tallyOf(latePaymentsAt(catalogue, incidents, weekEnd)) },
    snoozes: rows.snoozes,
    decisions: rows.decisions,
    lastCallAt: rows.lastCallAt,
    ...(rows.lastContact ? { lastContact: rows.lastContact } : {}),
    loggedThisWeek: rows.loggedThisWeek,
  };
}

/** What the digest shows of a client it names: the rows behind its verdicts, oldest first. */
export interface ClientEvidence {
  criteria: CriterionMet[];
  /** Bad observations made during the week. */
  weekBad: Observation[];
  /** Bad observations in the flip rule's recent window at the week's end (a flipped dimension's: `recentBadAt`). */
  recentBad: Observation[];
  /** Late payments in the stepping-stone window at the week's end. */
  latePayments: Incident[];
}

export function clientEvidence(
  catalogue: Catalogue,
  rows: { observations: readonly Observation[]; incidents: readonly Incident[]; warnings: readonly Warning[] },
  weekEnd: Date,
): ClientEvidence {
  return {
    criteria: firingCriteriaMet(catalogue, rows.incidents, rows.warnings, weekEnd),
    weekBad: weekBadOf(catalogue, rows.observations, weekEnd),
    recentBad: recentBadAt(catalogue, rows.observations, weekEnd),
    latePayments: latePaymentsAt(catalogue, rows.incidents, weekEnd),
  };
}
