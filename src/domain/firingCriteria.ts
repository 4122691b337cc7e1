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

function inWindow(incident: Incident, at: Date, windowDays: number | null): boolean {
  if (incident.occurredAt > at) return false;
  return windowDays === null || incident.occurredAt > daysBefore(at, windowDays);
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
  const ofKind = incidents.filter((i) => i.kind === criterion.kind && inWindow(i, at, rule.windowDays)).sort(byDate);

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
  return CRITERIA.map((c) => check(c, catalogue, incidents, warnings, at)).filter((m): m is CriterionMet => !!m);
}

/** Criteria met now that were not met before: what a newly logged incident triggered (red flags → DM the owner). */
export function newlyMetCriteria(before: readonly CriterionMet[], after: readonly CriterionMet[]): CriterionMet[] {
  const was = new Set(before.map((m) => m.criterion.kind));
  return after.filter((m) => !was.has(m.criterion.kind));
}
