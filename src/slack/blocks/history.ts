/** A client's timeline (the digest's History button): everything logged and decided, newest first. */
import type { ClientTimeline } from '../../services/clients.js';
import { CATEGORY_LABELS, INCIDENT_KIND_LABELS, type Catalogue } from '../../domain/catalogue.js';
import { decisionLine, snoozeLine } from './digest.js';
import { context, section, type Block } from './kit.js';
import { incidentFacts, kindLabel, traitLabel } from './format.js';
import { escapeName, escapeText, formatDay, truncate } from './text.js';

const LIMIT = 40;

/** The Slack message an entry was logged from, as a link. */
const evidence = (url: string | null | undefined) => (url ? ` · <${url}|the message>` : '');

export function historyBlocks(catalogue: Catalogue, t: ClientTimeline, timeZone = 'UTC'): Block[] {
  const traitsByCall = new Map<string, string[]>();
  for (const o of t.record.observations) traitsByCall.set(o.callId, [...(traitsByCall.get(o.callId) ?? []), traitLabel(catalogue, o.trait)]);
  const events: { at: Date; line: string }[] = [
    ...t.record.calls.map((c) => ({
      at: c.occurredAt,
      line: `📞 Call by <@${c.loggedBy}>${traitsByCall.get(c.id) ? `: ${traitsByCall.get(c.id)!.join(', ')}` : ''}${c.notes ? ` — ${escapeText(truncate(c.notes, 100))}` : ''}${evidence(c.evidenceUrl)}`,
    })),
    ...t.record.incidents.map((i) => {
      const facts = incidentFacts(i);
      return {
        at: i.occurredAt,
        line: `❗ ${kindLabel(i.kind)}${facts ? ` (${facts})` : ''}, logged by <@${i.loggedBy}>${i.description ? ` — ${escapeText(truncate(i.description, 100))}` : ''}${evidence(i.evidenceUrl)}`,
      };
    }),
    ...t.record.warnings.map((w) => ({
      at: w.givenAt,
      line: `🗣️ <@${w.givenBy}> told the client that ${INCIDENT_KIND_LABELS[w.kind].toLowerCase()} is unacceptable`,
    })),
    ...t.decisions.map((d) => ({ at: d.decidedAt, line: decisionLine(d, timeZone) })),
    ...t.snoozes.map((s) => ({ at: s.snoozedAt, line: snoozeLine(s, timeZone) })),
    ...t.categoryChanges.map((c) => ({
      at: c.changedAt,
      line: `🏷️ Category ${CATEGORY_LABELS[c.fromCategory]} → ${CATEGORY_LABELS[c.toCategory]} by <@${c.changedBy}>`,
    })),
  ].sort((a, b) => b.at.getTime() - a.at.getTime());
  if (events.length === 0) return [section(`*${escapeName(t.client.name)}*: nothing logged yet.`)];
  const lines = events.slice(0, LIMIT).map((e) => `${formatDay(e.at, timeZone)} · ${e.line}`);
  const blocks: Block[] = [section(`*History of ${escapeName(t.client.name)}* (newest first)`)];
  for (let i = 0; i < lines.length; i += 10) blocks.push(section(lines.slice(i, i + 10).join('\n')));
  if (events.length > LIMIT)
    blocks.push(context(`…${events.length - LIMIT} older entries not shown. \`/client show ${escapeName(t.client.name)}\` has the summary.`));
  return blocks;
}
