/** Firing criteria (domain.md §4): which are met at a moment, each with the incidents that meet it. */
import { CRITERIA, type Catalogue, type CriterionDefinition, type IncidentKind } from './catalogue.js';
import { daysBefore, type Incident, type Warning } from './types.js';
import { plural } from './words.js';

export interface CriterionMet {
  criterion: CriterionDefinition;
  /** The incidents that meet it, oldest first. */
  incidents: Incident[];
  /** Criterion 2 only: the warning the incidents came after. */
  warning?: Warning;
  /** Why, in words, e.g. "3 late payments in 180 days". */
  summary: string;
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

function check(
  criterion: CriterionDefinition,
  catalogue: Catalogue,
  incidents: readonly Incident[],
  warnings: readonly Warning[],
  at: Date,
): CriterionMet | undefined {
  const rules = catalogue.thresholds.criteria;
  const rule = rules[criterion.kind];
  const ofKind = inWindow(incidents, criterion.kind, at, rule.windowDays);
  // Every rule needs at least one incident of its kind in its window (counts are at least 1).
  if (ofKind.length === 0) return undefined;

  switch (criterion.kind) {
    case 'mental_abuse': {
      // Only abuse repeated after the client was told it is unacceptable counts (criterion 2).
      const told = warnings.filter((w) => w.kind === 'mental_abuse' && w.givenAt <= at).sort((a, b) => a.givenAt.getTime() - b.givenAt.getTime())[0];
      if (!told) return undefined;
      const after = ofKind.filter((i) => i.occurredAt > told.givenAt);
      if (after.length < rule.count) return undefined;
      return {
        criterion,
        incidents: after,
        warning: told,
        summary: `${plural(after.length, NOUNS.mental_abuse)} after being told it is unacceptable`,
      };
    }
    case 'slow_payment': {
      const severe = ofKind.filter((i) => i.details.kind === 'slow_payment' && i.details.daysLate >= rules.slow_payment.severeDaysLate);
      if (ofKind.length >= rule.count) {
        return { criterion, incidents: ofKind, summary: `${plural(ofKind.length, NOUNS.slow_payment)} ${windowWords(rule.windowDays)}` };
      }
      if (severe.length > 0) {
        return {
          criterion,
          incidents: severe,
          summary: `a payment ${rules.slow_payment.severeDaysLate}+ days late`,
        };
      }
      return undefined;
    }
    case 'competitor_play': {
      const onAgreedWork = ofKind.filter((i) => i.details.kind === 'competitor_play' && i.details.onAgreedWork);
      if (onAgreedWork.length < rule.count) return undefined;
      return {
        criterion,
        incidents: onAgreedWork,
        summary: `${plural(onAgreedWork.length, NOUNS.competitor_play)} on agreed work ${windowWords(rule.windowDays)}`,
      };
    }
    default:
      if (ofKind.length < rule.count) return undefined;
      return {
        criterion,
        incidents: ofKind,
        summary: `${plural(ofKind.length, NOUNS[criterion.kind])} ${windowWords(rule.windowDays)}`,
      };
  }
}

/** The criteria a client meets at `at`, in domain order (red flags first). */
export function firingCriteriaMet(catalogue: Catalogue, incidents: readonly Incident[], warnings: readonly Warning[], at: Date): CriterionMet[] {
  const met: CriterionMet[] = [];
  if (incidents.length === 0) return met;
  for (const criterion of CRITERIA) {
    const m = check(criterion, catalogue, incidents, warnings, at);
    if (m) met.push(m);
  }
  return met;
}

/** Criteria met now that were not met before: what a newly logged incident triggered (red flags → DM the owner). */
export function newlyMetCriteria(before: readonly CriterionMet[], after: readonly CriterionMet[]): CriterionMet[] {
  const was = new Set(before.map((m) => m.criterion.kind));
  return after.filter((m) => !was.has(m.criterion.kind));
}
