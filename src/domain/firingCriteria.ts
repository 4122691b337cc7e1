/**
 * Firing criteria (domain.md §4): which are met at a moment, and why. Each rule is judged on a tally of the
 * incidents that count toward it; the portfolio's reads count those in SQL (db/queries/portfolio/criteria.ts), one
 * row per client, and read the incidents themselves only for the clients the digest names. `criteriaTallies`
 * counts them from rows: the reference that SQL is tested against (test/db/foldEquivalence.test.ts).
 */
import { CRITERIA, type Catalogue, type CriterionDefinition, type IncidentKind } from './catalogue.js';
import { daysBefore, tallyOf, type Incident, type Tally, type Warning } from './types.js';
import { plural } from './words.js';

/**
 * What a criterion is judged on at a moment: the incidents of its kind in its window that count toward it
 * (criterion 2: those after the client was first told; criterion 9: those on agreed work), and for criterion 5
 * those among them paid `severeDaysLate` or more days late.
 */
export interface CriterionTally extends Tally {
  severe?: Tally;
}

export type CriteriaTallies = Partial<Record<IncidentKind, CriterionTally>>;

/** A criterion met, judged from its tally: what the digest decides on. */
export interface CriterionJudged {
  criterion: CriterionDefinition;
  /** Why, in words, e.g. "3 late payments in 180 days" (English: logs, tests; Slack words it from the fields below). */
  summary: string;
  /** What met it, as data: how many incidents in how many days (null: ever), or one payment this many days late. */
  count?: number;
  windowDays?: number | null;
  severeDaysLate?: number;
  /** When the newest of the incidents that meet it was logged (new evidence lifts a snooze or a decision). */
  newestLoggedAt: Date;
}

/** A criterion met, with the incidents that meet it. */
export interface CriterionMet extends CriterionJudged {
  /** Oldest first. */
  incidents: Incident[];
  /** Criterion 2 only: the warning the incidents came after. */
  warning?: Warning;
}

/** The incidents of `kind` in (at − windowDays, at], oldest first. */
function inWindow(incidents: readonly Incident[], kind: IncidentKind, at: Date, windowDays: number | null): Incident[] {
  // Compared as numbers: the digest checks every criterion of every client in the portfolio.
  const to = at.getTime();
  const from = windowDays === null ? -Infinity : daysBefore(at, windowDays).getTime();
  const found: Incident[] = [];
  for (const i of incidents) {
    const t = i.occurredAt.getTime();
    if (i.kind === kind && t <= to && t > from) found.push(i);
  }
  return found.length > 1 ? found.sort(byDate) : found;
}

function windowWords(windowDays: number | null): string {
  return windowDays === null ? 'ever' : `in ${windowDays} days`;
}

const NOUNS: Record<IncidentKind, string> = {
  physical_abuse: 'physical abuse incident',
  mental_abuse: 'mental abuse incident',
  lying: 'lie',
  unreasonable_demands: 'unreasonable demand',
  slow_payment: 'late payment',
  invoice_dispute: 'invoice dispute',
  changes_mind: 'change of mind',
  ignores_advice: 'ignored advice',
  competitor_play: 'competitor play',
  legal_exposure: 'legal exposure incident',
};

function byDate(a: Incident, b: Incident): number {
  return a.occurredAt.getTime() - b.occurredAt.getTime();
}

/** The incidents that count toward `criterion` at `at`, before its threshold is applied. */
function counted(
  criterion: CriterionDefinition,
  catalogue: Catalogue,
  incidents: readonly Incident[],
  warnings: readonly Warning[],
  at: Date,
): { incidents: Incident[]; severe: Incident[]; warning?: Warning } {
  const rules = catalogue.thresholds.criteria;
  const ofKind = inWindow(incidents, criterion.kind, at, rules[criterion.kind].windowDays);
  if (ofKind.length === 0) return { incidents: ofKind, severe: [] };
  switch (criterion.kind) {
    case 'mental_abuse': {
      // Only abuse repeated after the client was told it is unacceptable counts (criterion 2).
      const told = warnings.filter((w) => w.kind === 'mental_abuse' && w.givenAt <= at).sort((a, b) => a.givenAt.getTime() - b.givenAt.getTime())[0];
      return told ? { incidents: ofKind.filter((i) => i.occurredAt > told.givenAt), severe: [], warning: told } : { incidents: [], severe: [] };
    }
    case 'slow_payment':
      return { incidents: ofKind, severe: ofKind.filter((i) => i.details.kind === 'slow_payment' && i.details.daysLate >= rules.slow_payment.severeDaysLate) };
    case 'competitor_play':
      return { incidents: ofKind.filter((i) => i.details.kind === 'competitor_play' && i.details.onAgreedWork), severe: [] };
    default:
      return { incidents: ofKind, severe: [] };
  }
}

/** Whether `tally` meets the criterion's threshold, and by what: its count, or (criterion 5) one severe payment. */
function judge(
  criterion: CriterionDefinition,
  catalogue: Catalogue,
  tally: CriterionTally | undefined,
): { judged: CriterionJudged; by: 'count' | 'severe' } | undefined {
  if (!tally) return undefined;
  const rules = catalogue.thresholds.criteria;
  const rule = rules[criterion.kind];
  if (tally.count >= rule.count && tally.newestLoggedAt) {
    const counted = plural(tally.count, NOUNS[criterion.kind]);
    const summary =
      criterion.kind === 'mental_abuse'
        ? `${counted} after being told it is unacceptable`
        : criterion.kind === 'competitor_play'
          ? `${counted} on agreed work ${windowWords(rule.windowDays)}`
          : `${counted} ${windowWords(rule.windowDays)}`;
    return { judged: { criterion, summary, count: tally.count, windowDays: rule.windowDays, newestLoggedAt: tally.newestLoggedAt }, by: 'count' };
  }
  if (criterion.kind === 'slow_payment' && tally.severe?.newestLoggedAt) {
    const summary = `a payment ${rules.slow_payment.severeDaysLate}+ days late`;
    return { judged: { criterion, summary, severeDaysLate: rules.slow_payment.severeDaysLate, newestLoggedAt: tally.severe.newestLoggedAt }, by: 'severe' };
  }
  return undefined;
}

/** The criteria `tallies` meet, in domain order (red flags first). */
export function criteriaJudged(catalogue: Catalogue, tallies: CriteriaTallies): CriterionJudged[] {
  const met: CriterionJudged[] = [];
  for (const criterion of CRITERIA) {
    const j = judge(criterion, catalogue, tallies[criterion.kind]);
    if (j) met.push(j.judged);
  }
  return met;
}

/** What each criterion is judged on at `at`, counted from a client's incidents and warnings. */
export function criteriaTallies(catalogue: Catalogue, incidents: readonly Incident[], warnings: readonly Warning[], at: Date): CriteriaTallies {
  const tallies: CriteriaTallies = {};
  for (const criterion of CRITERIA) {
    const c = counted(criterion, catalogue, incidents, warnings, at);
    if (c.incidents.length > 0) tallies[criterion.kind] = { ...tallyOf(c.incidents), ...(c.severe.length > 0 ? { severe: tallyOf(c.severe) } : {}) };
  }
  return tallies;
}

/** The criteria a client meets at `at`, in domain order (red flags first), each with the incidents that meet it. */
export function firingCriteriaMet(catalogue: Catalogue, incidents: readonly Incident[], warnings: readonly Warning[], at: Date): CriterionMet[] {
  const met: CriterionMet[] = [];
  if (incidents.length === 0) return met;
  for (const criterion of CRITERIA) {
    const c = counted(criterion, catalogue, incidents, warnings, at);
    if (c.incidents.length === 0) continue;
    const j = judge(criterion, catalogue, { ...tallyOf(c.incidents), severe: tallyOf(c.severe) });
    if (j) met.push({ ...j.judged, incidents: j.by === 'count' ? c.incidents : c.severe, ...(c.warning ? { warning: c.warning } : {}) });
  }
  return met;
}

/** Criteria met now that were not met before: what a newly logged incident triggered (red flags → DM the owner). */
export function newlyMetCriteria(before: readonly CriterionMet[], after: readonly CriterionMet[]): CriterionMet[] {
  const was = new Set(before.map((m) => m.criterion.kind));
  return after.filter((m) => !was.has(m.criterion.kind));
}
