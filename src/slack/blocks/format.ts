/**
 * How the firing criteria and an incident's facts read in Slack, in the reader's words (the labels of the
 * domain's values are i18n/labels.ts): one set of builders for confirmations, client cards, the digest and DMs.
 */
import type { CriterionJudged } from '../../domain/firingCriteria.js';
import type { Incident } from '../../domain/types.js';
import { escapeText } from './text.js';
import { md, t } from '../../i18n/messages.js';
import { criterionLabel } from '../../i18n/labels.js';
import type { Reader } from '../../i18n/reader.js';
import { formatMoney as formatMoneyFor } from '../../i18n/format.js';

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
