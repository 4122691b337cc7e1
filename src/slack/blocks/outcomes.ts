/**
 * What came of decisions, in the reader's words (issue 30): the review DM with its four answers, the answer's
 * confirmation, `/rapport outcomes`, and the monthly digest section.
 */
import type { Category } from '../../domain/catalogue.js';
import type { Health } from '../../domain/health.js';
import {
  leftAt,
  OUTCOMES,
  REVIEWED_DECISIONS,
  shareOf,
  type DecisionOutcomeEntry,
  type DecisionReason,
  type Outcome,
  type OutcomesReport,
  type OutcomeTally,
  type ReviewedDecision,
} from '../../domain/outcomes.js';
import type { Incident } from '../../domain/types.js';
import { OUTCOME_ACTIONS } from '../ids.js';
import { actions, button, context, divider, section, type Block } from './kit.js';
import { escapeText, joinParts, truncate } from './text.js';
import { md, t, tPlain } from '../../i18n/messages.js';
import { categoryLabel, healthLabel, incidentLabel } from '../../i18n/labels.js';
import { formatCalendarDay, formatDay } from '../../i18n/format.js';
import type { Reader } from '../../i18n/reader.js';

/** Incidents listed in a review DM before the rest is only counted. */
const LISTED_INCIDENTS = 8;

/** What a review DM says about its decision. */
export interface ReviewedDecisionFacts {
  id: string;
  clientName: string;
  kind: ReviewedDecision;
  reasons: readonly DecisionReason[];
  reason: string | null;
  decidedBy: string;
  decidedAt: Date;
}

export const reasonLabel = (reader: Reader, reason: DecisionReason): string =>
  reason === 'other' ? tPlain(reader, 'outcomes.reason.other') : incidentLabel(reader, reason);

const outcomeWord = (reader: Reader, outcome: Outcome) => tPlain(reader, `outcomes.outcome.${outcome}`);

/**
 * The one DM its owner gets on a decision's review day: what was decided, by whom and why, the health then and
 * now, the incidents logged since, and four buttons (better, the same, worse, they left us).
 */
export function outcomeReviewMessage(
  m: { decision: ReviewedDecisionFacts; healthThen: Health; healthNow: Health; incidentsSince: readonly Incident[] },
  reader: Reader,
): { text: string; blocks: Block[] } {
  const { decision } = m;
  const ask = t(reader, `outcomes.review.ask.${decision.kind}`, {
    day: md(formatDay(decision.decidedAt, reader)),
    who: md(`<@${decision.decidedBy}>`),
    name: decision.clientName,
  });
  const facts: string[] = [];
  if (decision.reasons.length > 0)
    facts.push(
      t(reader, 'outcomes.review.reasons', {
        reasons: joinParts(
          reader,
          decision.reasons.map((r) => reasonLabel(reader, r)),
        ),
      }),
    );
  if (decision.reason) facts.push(t(reader, 'outcomes.review.note', { note: md(escapeText(truncate(decision.reason, 500, '…'))) }));
  facts.push(t(reader, 'outcomes.review.health', { then: md(healthLabel(reader, m.healthThen)), now: md(healthLabel(reader, m.healthNow)) }));
  const incidents = m.incidentsSince;
  const lines = [t(reader, 'outcomes.review.incidents', { count: incidents.length })];
  for (const incident of incidents.slice(0, LISTED_INCIDENTS)) {
    const args = { day: md(formatDay(incident.occurredAt, reader)), kind: incidentLabel(reader, incident.kind) };
    lines.push(
      `• ${
        incident.description
          ? t(reader, 'outcomes.review.incidentSaid', { ...args, description: md(escapeText(truncate(incident.description, 200, '…'))) })
          : t(reader, 'outcomes.review.incident', args)
      }`,
    );
  }
  if (incidents.length > LISTED_INCIDENTS) lines.push(t(reader, 'outcomes.review.moreIncidents', { count: incidents.length - LISTED_INCIDENTS }));
  return {
    text: tPlain(reader, 'outcomes.review.text', { name: decision.clientName }),
    blocks: [
      section(ask),
      context(facts.join('\n')),
      section(lines.join('\n')),
      actions(
        OUTCOMES.map((o) => button(tPlain(reader, `outcomes.answer.${o}`), OUTCOME_ACTIONS[o], decision.id, o === 'better' ? 'primary' : undefined)),
        `outcome:${decision.id}`,
      ),
      context(t(reader, 'outcomes.review.counted')),
    ],
  };
}

/** The answer, in place of the question. */
export function outcomeAnsweredText(m: { clientName: string; outcome: Outcome }, reader: Reader): string {
  return t(reader, 'outcomes.answered', { name: m.clientName, outcome: outcomeWord(reader, m.outcome) });
}

/** A kind's or a category's line: its answered decisions by outcome (with how many await an answer), or only those awaiting one. */
function tallyLine(reader: Reader, label: string, tally: OutcomeTally): string[] {
  const answered = tally.decisions - tally.unanswered;
  const lines: string[] = [];
  if (answered > 0) {
    lines.push(
      t(reader, 'outcomes.report.row', {
        label: md(`*${escapeText(label)}*`),
        decisions: answered,
        better: tally.better,
        betterShare: shareOf(tally, 'better'),
        same: tally.same,
        sameShare: shareOf(tally, 'same'),
        worse: tally.worse,
        worseShare: shareOf(tally, 'worse'),
        left: tally.left,
        leftShare: shareOf(tally, 'left'),
        unanswered: tally.unanswered,
      }),
    );
  } else if (tally.unanswered > 0) lines.push(t(reader, 'outcomes.report.unanswered', { label: md(`*${escapeText(label)}*`), count: tally.unanswered }));
  return lines;
}

function greenLine(reader: Reader, entry: DecisionOutcomeEntry): string {
  const args = { name: entry.clientName, day: md(formatDay(leftAt(entry)!, reader)), health: md(healthLabel(reader, entry.healthAtLeave as Health)) };
  return entry.kind === 'start_exit' ? t(reader, 'outcomes.report.greenExited', args) : t(reader, 'outcomes.report.greenLeft', args);
}

/** Clients listed as having left while green before the rest is only counted. */
const LISTED_GREEN = 15;

function greenBlocks(reader: Reader, entries: readonly DecisionOutcomeEntry[]): Block[] {
  if (entries.length === 0) return [context(t(reader, 'outcomes.report.greenNone'))];
  const lines = entries.slice(0, LISTED_GREEN).map((e) => `• ${greenLine(reader, e)}`);
  if (entries.length > LISTED_GREEN) lines.push(t(reader, 'outcomes.review.moreIncidents', { count: entries.length - LISTED_GREEN }));
  return [section(`${t(reader, 'outcomes.report.green')}\n${lines.join('\n')}`)];
}

const windowArgs = (report: OutcomesReport, reader: Reader) => ({
  from: md(formatCalendarDay(report.window.from, reader)),
  to: md(formatCalendarDay(report.window.to, reader)),
});

/** `/rapport outcomes`: per decision kind and per category, how often each worked; the reasons counted; who left while green. */
export function outcomesReportMessage(report: OutcomesReport, reader: Reader): { text: string; blocks: Block[] } {
  const { statistics } = report;
  const text = tPlain(reader, 'outcomes.report.text', windowArgs(report, reader));
  const blocks: Block[] = [section(t(reader, 'outcomes.report.title', windowArgs(report, reader)))];
  if (statistics.total.decisions === 0) {
    blocks.push(section(t(reader, 'outcomes.report.none')), context(t(reader, 'outcomes.report.windows')));
    return { text, blocks };
  }
  const byKind = REVIEWED_DECISIONS.flatMap((k) => tallyLine(reader, tPlain(reader, `outcomes.kind.${k}`), statistics.byKind[k]));
  const byCategory = (Object.entries(statistics.byCategory) as [Category, OutcomeTally][])
    .filter(([, tally]) => tally.decisions > 0)
    .flatMap(([category, tally]) => tallyLine(reader, categoryLabel(reader, category), tally));
  blocks.push(
    section(`${t(reader, 'outcomes.report.byKind')}\n${byKind.join('\n')}`),
    section(`${t(reader, 'outcomes.report.byCategory')}\n${byCategory.join('\n')}`),
    context(t(reader, 'outcomes.report.shares')),
    divider(),
  );
  const reasons = statistics.reasons.map((r) =>
    t(reader, 'outcomes.report.reason', {
      reason: md(`*${escapeText(reasonLabel(reader, r.reason))}*`),
      total: r.total,
      exits: r.byKind.start_exit,
      prepay: r.byKind.require_prepayment,
      kept: r.byKind.keep,
    }),
  );
  blocks.push(
    reasons.length > 0 ? section(`${t(reader, 'outcomes.report.reasons')}\n${reasons.join('\n')}`) : context(t(reader, 'outcomes.report.noReasons')),
    divider(),
    ...greenBlocks(reader, statistics.leftWhileGreen),
    context(t(reader, 'outcomes.report.windows')),
  );
  return { text, blocks };
}

/**
 * The monthly digest section: last month's answers summed up, and the clients that left while green. Nothing
 * when no decision of the month was answered and nobody left while green (a quiet month says nothing).
 */
export function outcomesDigestSection(report: OutcomesReport, reader: Reader): Block[] {
  const { total, leftWhileGreen } = report.statistics;
  const answered = total.decisions - total.unanswered;
  if (answered === 0 && leftWhileGreen.length === 0) return [];
  return [
    section(
      `${t(reader, 'outcomes.digest.title', windowArgs(report, reader))}\n${t(reader, 'outcomes.digest.summary', {
        answered,
        better: total.better,
        same: total.same,
        worse: total.worse,
        left: total.left,
      })}`,
    ),
    ...(leftWhileGreen.length > 0 ? greenBlocks(reader, leftWhileGreen) : []),
    context(t(reader, 'outcomes.digest.more')),
  ];
}
