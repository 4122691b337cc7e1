/** `/client show` and `/client list`. */
import { CATEGORY_LABELS, type Catalogue } from '../../domain/catalogue.js';
import type { ClientOverview } from '../../services/clientActivity.js';
import type { ClientStanding } from '../../services/portfolio.js';
import { context, divider, fields, header, section, type Block } from './kit.js';
import { BAND_LABEL, criterionLine, healthText, incidentFacts, kindLabel, traitLabel } from './format.js';
import { escapeText, formatDay, formatMoney, mention, truncate } from './text.js';

const SPARK = '▁▂▃▄▅▆▇█';
export function sparkline(scores: { score: number; known: boolean }[]): string {
  return scores.map((s) => (s.known ? SPARK[Math.min(7, Math.floor(s.score / 12.5))]! : '·')).join('');
}

const DECISION_WORDS = { acknowledge: 'acknowledged', keep: 'decided to keep', require_prepayment: 'required full prepayment', start_exit: 'started the exit' } as const;

export function clientOverviewBlocks(catalogue: Catalogue, o: ClientOverview, now: Date, timeZone = 'UTC'): Block[] {
  const c = o.client;
  const blocks: Block[] = [
    header(c.name),
    fields([
      `*Health*\n${healthText(o.health)}`,
      `*8-week trend*\n\`${sparkline(o.trend)}\` ${o.trend[0]!.known ? o.trend[0]!.score : '?'} → ${o.health.known ? o.health.score : '?'}`,
      `*Category*\n${CATEGORY_LABELS[c.category]}`,
      `*Relationship*\n${c.relationship.replace('_', '-')}`,
      `*Owner*\n${mention(c.ownerUserId)}`,
      `*Status*\n${c.status.replace('_', ' ')}`,
      `*Monthly value*\n${c.monthlyValue === null ? '—' : formatMoney(c.monthlyValue)}`,
      `*Last call*\n${o.record.lastCallAt ? formatDay(o.record.lastCallAt, timeZone) : 'never'}`,
    ]),
  ];
  const signals: string[] = o.criteria.map((m) => criterionLine(m, timeZone));
  if (o.drift) signals.push(`↘️ Behaving like a stepping-stone client: ${o.drift.latePayments.length} late payments in ${o.drift.windowDays} days. Consider \`/client set ${escapeText(c.name)} relationship stepping-stone\`.`);
  if (o.quiet) signals.push(`🔕 Gone quiet: no call for ${o.quiet.daysSilent} days.`);
  blocks.push(section(signals.length > 0 ? `*Signals*\n${signals.join('\n')}` : '*Signals*\nNo firing criteria met.'));

  const evidence = o.health.evidence.slice(0, 5).map((e) => `${traitLabel(catalogue, e.observation.trait)} · ${formatDay(e.observation.observedAt, timeZone)} · <@${e.observation.loggedBy}>`);
  if (evidence.length > 0) blocks.push(section(`*What moves the score most*\n${evidence.join('\n')}`));

  const calls = o.record.calls.slice(0, 5).map((call) => `• ${formatDay(call.occurredAt, timeZone)} <@${call.loggedBy}>${call.notes ? `: ${escapeText(truncate(call.notes, 120))}` : ''}`);
  blocks.push(section(`*Last calls*\n${calls.join('\n') || '_none yet_'}`));
  const incidents = [...o.record.incidents].reverse().slice(0, 5).map((i) => {
    const facts = incidentFacts(i);
    return `• ${formatDay(i.occurredAt, timeZone)} ${kindLabel(i.kind)}${facts ? ` (${facts})` : ''}${i.description ? `: ${escapeText(truncate(i.description, 120))}` : ''}`;
  });
  blocks.push(section(`*Last incidents*\n${incidents.join('\n') || '_none_'}`));
  if (o.decisions.length > 0) {
    blocks.push(section(`*Decisions*\n${o.decisions.slice(0, 5).map((d) => `• ${formatDay(d.decidedAt, timeZone)} <@${d.decidedBy}> ${DECISION_WORDS[d.kind]}${d.reason ? `: ${escapeText(d.reason)}` : ''}`).join('\n')}`));
  }
  blocks.push(context(`As of ${formatDay(now, timeZone)}. Log with \`/call ${escapeText(c.name)} +trait …\` or \`/incident ${escapeText(c.name)} <kind>\`.`));
  return blocks;
}


/** Worst first: criteria met, then lowest health; unknown health after known. */
export function worstFirst(a: ClientStanding, b: ClientStanding): number {
  return b.criteriaMet - a.criteriaMet || Number(a.health.known === false) - Number(b.health.known === false) || a.health.score - b.health.score || a.client.name.localeCompare(b.client.name);
}

export function clientLine(l: ClientStanding): string {
  const criteria = l.criteriaMet > 0 ? ` · ⚠️ ${l.criteriaMet} firing criteri${l.criteriaMet === 1 ? 'on' : 'a'}` : '';
  const score = l.health.known ? `${l.health.score}` : '?';
  return `${BAND_LABEL[l.health.known ? l.health.band : 'unknown'].split(' ')[0]} *${escapeText(l.client.name)}* ${score} · ${CATEGORY_LABELS[l.client.category]} · ${mention(l.client.ownerUserId)}${criteria}`;
}

export function clientListBlocks(lines: ClientStanding[], title: string): Block[] {
  if (lines.length === 0) return [section(`${title}: no clients. \`/client add <name>\` registers one.`)];
  const sorted = [...lines].sort(worstFirst);
  const blocks: Block[] = [section(`*${escapeText(title)}* (${lines.length}, worst first)`), divider()];
  // Several clients per section keeps long portfolios within the block limit.
  for (let i = 0; i < sorted.length; i += 10) blocks.push(section(sorted.slice(i, i + 10).map(clientLine).join('\n')));
  return blocks;
}
