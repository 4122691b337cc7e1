/**
 * How domain values read in Slack. The English-only helpers (BAND_LABEL, healthText, traitLabel, kindLabel,
 * incidentFacts, criterionLine, PROBLEM_REMINDER) are kept for the callers not yet written for a reader: their
 * reader's versions are i18n/labels.ts (bandLabel, healthLabel, traitLabel, incidentLabel) and, here,
 * criterionLineFor, criterionSummary, incidentFactsFor and problemReminder.
 */
import { INCIDENT_KIND_LABELS, criterionFor, traitByKey, type Catalogue, type IncidentKind } from '../../domain/catalogue.js';
import type { CriterionJudged } from '../../domain/firingCriteria.js';
import type { Band, Health } from '../../domain/health.js';
import type { Incident } from '../../domain/types.js';
import { escapeText, formatMoney, plural } from './text.js';
import { md, t } from '../../i18n/messages.js';
import { criterionLabel } from '../../i18n/labels.js';
import type { Reader } from '../../i18n/reader.js';
import { formatMoney as formatMoneyFor } from '../../i18n/format.js';

export const BAND_LABEL: Record<Band | 'unknown', string> = {
  healthy: '🟢 healthy',
  watch: '🟡 watch',
  at_risk: '🔴 at risk',
  unknown: '⚪ unknown (nothing observed yet)',
};

export function healthText(h: Health): string {
  return h.known ? `*${h.score}* ${BAND_LABEL[h.band]}` : BAND_LABEL.unknown;
}

export function traitLabel(catalogue: Catalogue, key: string): string {
  const trait = traitByKey(catalogue, key);
  return trait ? `${trait.polarity === 'good' ? '👍' : '👎'} ${trait.label}` : key;
}

/** An incident as logged (never the criterion's wording, which says when it is met). */
export function kindLabel(kind: IncidentKind): string {
  return `${criterionFor(kind).class === 'red_flag' ? '🚩 ' : ''}${INCIDENT_KIND_LABELS[kind]}`;
}

export function incidentFacts(incident: Pick<Incident, 'details'>): string {
  const d = incident.details;
  const parts: string[] = [];
  if (d.kind === 'slow_payment') parts.push(`${plural(d.daysLate, 'day')} late`);
  if ('invoiceRef' in d && d.invoiceRef) parts.push(`invoice ${escapeText(d.invoiceRef)}`);
  if (d.kind === 'slow_payment' && d.amount !== undefined) parts.push(`amount ${formatMoney(d.amount)}`);
  if (d.kind === 'invoice_dispute' && d.amountDisputed !== undefined) parts.push(`disputed ${formatMoney(d.amountDisputed)}`);
  if (d.kind === 'competitor_play') {
    if (d.competitor) parts.push(`with ${escapeText(d.competitor)}`);
    if (!d.onAgreedWork) parts.push('not on agreed work');
  }
  return parts.join(', ');
}

/** A criterion met, with its incidents' dates when they are at hand (`day` formats them: full in a reply, compact in the digest). */
export function criterionLine(m: CriterionJudged & { incidents?: readonly Incident[] }, day: (d: Date) => string): string {
  // An incident logged from a Slack message links to it: the evidence is one click away.
  const dates = (m.incidents ?? []).map((i) => (i.evidenceUrl ? `<${i.evidenceUrl}|${day(i.occurredAt)}>` : day(i.occurredAt))).join(', ');
  const flag = m.criterion.class === 'red_flag' ? '🚩' : '⚠️';
  return `${flag} *${m.criterion.number}. ${m.criterion.label}*: ${m.summary}${dates ? ` (${dates})` : ''}`;
}

export const PROBLEM_REMINDER = '💰 This is a *problem* client: work with them only on *full prepayment*.';

/**
 * Why a criterion is met, in the reader's words: "3 late payments in 180 days", "a payment 60+ days late". A
 * criterion judged before the domain gave its figures keeps its English summary.
 */
export function criterionSummary(reader: Reader, m: CriterionJudged): string {
  if (m.severeDaysLate !== undefined) return t(reader, 'notify.criterion.severe', { days: m.severeDaysLate });
  if (m.count === undefined || m.windowDays === undefined) return escapeText(m.summary);
  const counted = md(t(reader, `notify.criterion.count.${m.criterion.kind}`, { count: m.count }));
  const days = m.windowDays;
  if (m.criterion.kind === 'mental_abuse') return t(reader, 'notify.criterion.afterWarning', { counted });
  if (m.criterion.kind === 'competitor_play')
    return days === null ? t(reader, 'notify.criterion.onAgreedWorkEver', { counted }) : t(reader, 'notify.criterion.onAgreedWork', { counted, days });
  return days === null ? t(reader, 'notify.criterion.ever', { counted }) : t(reader, 'notify.criterion.inWindow', { counted, days });
}

/** A criterion met, in the reader's words, with its incidents' dates when they are at hand (each linked to its evidence). */
export function criterionLineFor(reader: Reader, m: CriterionJudged & { incidents?: readonly Incident[] }, day: (d: Date) => string): string {
  const dates = (m.incidents ?? [])
    .map((i) => (i.evidenceUrl ? `<${i.evidenceUrl}|${day(i.occurredAt)}>` : day(i.occurredAt)))
    .join(reader.locale === 'fa' ? '، ' : ', ');
  const args = {
    flag: md(m.criterion.class === 'red_flag' ? '🚩' : '⚠️'),
    number: m.criterion.number,
    label: criterionLabel(reader, m.criterion.kind),
    summary: md(criterionSummary(reader, m)),
  };
  return dates ? t(reader, 'notify.criterion.lineDates', { ...args, dates: md(dates) }) : t(reader, 'notify.criterion.line', args);
}

/** An incident's facts in the reader's words: "45 days late, invoice INV-7, amount 1,200". */
export function incidentFactsFor(reader: Reader, incident: Pick<Incident, 'details'>): string {
  const d = incident.details;
  const parts: string[] = [];
  if (d.kind === 'slow_payment') parts.push(t(reader, 'notify.facts.daysLate', { days: d.daysLate }));
  if ('invoiceRef' in d && d.invoiceRef) parts.push(t(reader, 'notify.facts.invoice', { ref: md(escapeText(d.invoiceRef)) }));
  if (d.kind === 'slow_payment' && d.amount !== undefined) parts.push(t(reader, 'notify.facts.amount', { amount: md(formatMoneyFor(d.amount, reader)) }));
  if (d.kind === 'invoice_dispute' && d.amountDisputed !== undefined)
    parts.push(t(reader, 'notify.facts.disputed', { amount: md(formatMoneyFor(d.amountDisputed, reader)) }));
  if (d.kind === 'competitor_play') {
    if (d.competitor) parts.push(t(reader, 'notify.facts.with', { competitor: md(escapeText(d.competitor)) }));
    if (!d.onAgreedWork) parts.push(t(reader, 'notify.facts.notOnAgreedWork'));
  }
  return parts.join(reader.locale === 'fa' ? '، ' : ', ');
}

/** Said with every mention of a *problem* client. */
export const problemReminder = (reader: Reader): string => t(reader, 'notify.problemReminder');
