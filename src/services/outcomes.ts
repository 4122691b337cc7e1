/**
 * What came of decisions (issue 30): the answer to a review, stored once, and the reports over a window
 * (`/rapport outcomes`, the monthly digest section), each client's health weighed when it left.
 */
import { localDate, noonIn } from '../domain/calendar.js';
import { health } from '../domain/health.js';
import { DAY_MS } from '../domain/types.js';
import {
  leftAt,
  outcomeStatistics,
  previousMonth,
  type DecisionOutcomeEntry,
  type DecisionReason,
  type Outcome,
  type OutcomesReport,
  type OutcomeWindow,
} from '../domain/outcomes.js';
import type { Database } from '../db/client.js';
import { incidentsAndWarnings, loadClientRecord } from '../db/queries/activity.js';
import { firingCriteriaMet } from '../domain/firingCriteria.js';
import { getClient } from '../db/queries/clients.js';
import { answerOutcome, decisionsBetween, type ReviewedDecisionRow } from '../db/queries/outcomes.js';
import { authorOf, type Act, type ActIn } from './act.js';

/**
 * Stores the answer to a decision's review once: `answered` false when someone had answered it before (the
 * decision says who and what); undefined when the decision (its client) is gone.
 */
export function answerDecisionOutcome(
  db: Database,
  act: Act,
  decisionId: string,
  outcome: Outcome,
): Promise<{ decision: ReviewedDecisionRow; answered: boolean } | undefined> {
  return answerOutcome(db, { teamId: act.teamId, by: authorOf(act), decisionId, outcome });
}

type ReportAct = Pick<ActIn, 'teamId' | 'catalogue' | 'timeZone'>;

/**
 * The decisions of a window counted (domain/outcomes.ts): taken in it (`decided`, `/rapport outcomes`), or answered
 * in it (`answered`, with the exits started in it: the monthly digest section). Days are the workspace's.
 */
export async function outcomesReport(db: Database, act: ReportAct, window: OutcomeWindow, by: 'decided' | 'answered' = 'decided'): Promise<OutcomesReport> {
  const { teamId, catalogue, timeZone } = act;
  // A day and a half either side of the days' noons covers any zone; the days themselves are checked below.
  const rows = await decisionsBetween(db, {
    teamId,
    window: {
      from: new Date(noonIn(window.from, timeZone).getTime() - 1.5 * DAY_MS),
      until: new Date(noonIn(window.to, timeZone).getTime() + 1.5 * DAY_MS),
      by,
    },
  });
  const within = (at: Date | null) => at !== null && localDate(at, timeZone) >= window.from && localDate(at, timeZone) <= window.to;
  const counted = rows.filter((r) => (by === 'decided' ? within(r.decidedAt) : within(r.outcomeAt) || (r.kind === 'start_exit' && within(r.decidedAt))));
  const entries: DecisionOutcomeEntry[] = [];
  const records = new Map<string, Promise<Awaited<ReturnType<typeof loadClientRecord>>>>();
  for (const row of counted) {
    const entry: DecisionOutcomeEntry = {
      decisionId: row.id,
      clientId: row.clientId,
      clientName: row.clientName,
      category: row.category,
      kind: row.kind,
      reasons: row.reasons,
      decidedAt: row.decidedAt,
      outcome: row.outcome,
      outcomeAt: row.outcomeAt,
    };
    const left = leftAt(entry);
    if (left) {
      // The health it left with, weighed on its observations up to that moment.
      const client = await getClient(db, { teamId, clientId: row.clientId });
      if (!records.has(row.clientId)) records.set(row.clientId, loadClientRecord(db, { teamId, clientId: row.clientId }));
      const record = await records.get(row.clientId)!;
      if (client) entry.healthAtLeave = health(catalogue, client, { observations: record.observations }, left);
    }
    entries.push(entry);
  }
  return { window, statistics: outcomeStatistics(entries) };
}

/**
 * The monthly digest section's data: last calendar month (before `today`'s, the workspace's date), the answers
 * given in it and the exits started in it.
 */
export function monthlyOutcomes(db: Database, act: ReportAct, today: string): Promise<OutcomesReport> {
  return outcomesReport(db, act, previousMonth(today), 'answered');
}

/** The reasons a decision form suggests: the firing criteria the client meets now (domain.md §4), in their order. */
export async function suggestedReasons(db: Database, act: Pick<ActIn, 'teamId' | 'catalogue' | 'at'>, clientId: string): Promise<DecisionReason[]> {
  const { incidents, warnings } = await incidentsAndWarnings(db, { teamId: act.teamId, clientId });
  return firingCriteriaMet(act.catalogue, incidents, warnings, act.at).map((m) => m.criterion.kind);
}
