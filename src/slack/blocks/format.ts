/** How domain values read in Slack. */
import { CATEGORY_LABELS, criterionFor, traitByKey, type Catalogue, type Category, type IncidentKind } from '../../domain/catalogue.js';
import type { CriterionMet } from '../../domain/firingCriteria.js';
import type { Band, Health } from '../../domain/health.js';
import type { Incident } from '../../domain/types.js';
import { escapeText, formatDay, formatMoney } from './text.js';

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

export function kindLabel(kind: IncidentKind): string {
  const c = criterionFor(kind);
  return `${c.class === 'red_flag' ? '🚩 ' : ''}${c.label}`;
}

export const categoryLabel = (category: Category) => CATEGORY_LABELS[category];

export function incidentFacts(incident: Pick<Incident, 'details'>): string {
  const d = incident.details;
  const parts: string[] = [];
  if (d.kind === 'slow_payment') parts.push(`${d.daysLate} days late`);
  if ('invoiceRef' in d && d.invoiceRef) parts.push(`invoice ${escapeText(d.invoiceRef)}`);
  if (d.kind === 'slow_payment' && d.amount !== undefined) parts.push(`amount ${formatMoney(d.amount)}`);
  if (d.kind === 'invoice_dispute' && d.amountDisputed !== undefined) parts.push(`disputed ${formatMoney(d.amountDisputed)}`);
  if (d.kind === 'competitor_play') {
    if (d.competitor) parts.push(`with ${escapeText(d.competitor)}`);
    if (!d.onAgreedWork) parts.push('not on agreed work');
  }
  return parts.join(', ');
}

export function criterionLine(m: CriterionMet, timeZone = 'UTC'): string {
  const dates = m.incidents.map((i) => formatDay(i.occurredAt, timeZone)).join(', ');
  const flag = m.criterion.class === 'red_flag' ? '🚩' : '⚠️';
  return `${flag} *${m.criterion.number}. ${m.criterion.label}*: ${m.summary} (${dates})`;
}

export const PROBLEM_REMINDER = '💰 This is a *problem* client: work with them only on *full prepayment*.';
