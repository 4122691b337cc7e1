/**
 * The team's part of an admin's App Home (issue 28: a lead's Monday), in their words: what waits for a decision,
 * overdue next steps by person, renewals coming up with what each client is worth, and who has logged nothing
 * lately. Every row carries its buttons (the digest's on a client, Done and Snooze on a step); each list is
 * bounded, and says how many more there are and which command shows them.
 */
import type { NextStep } from '../../domain/nextSteps.js';
import type { JudgedStanding } from '../../services/portfolio.js';
import { QUIET_OWNER_DAYS, TEAM_RENEWAL_DAYS, type OverdueOf, type QuietOwner, type TeamView } from '../../services/team.js';
import { DIGEST_ACTIONS } from '../ids.js';
import { actions, button, context, divider, header, section, type Block } from './kit.js';
import { clientActions, decideMenu } from './clientButtons.js';
import { nextStepLine, stepButtons, stepRow } from './nextSteps.js';
import { blocksFor, mentionFor } from './text.js';
import { md, t, tPlain, type Mrkdwn } from '../../i18n/messages.js';
import { criterionLabel } from '../../i18n/labels.js';
import { healthWithCriteria } from './explain.js';
import { formatCalendarDay, formatDay, formatList, formatMoney } from '../../i18n/format.js';
import type { Reader } from '../../i18n/reader.js';

/**
 * Rows shown per list before the rest is counted: with two blocks a row, the team's part stays within about 55
 * of the Home tab's 100 blocks, leaving the lead's own steps and clients room below it.
 */
export const TEAM_ROWS = { undecided: 5, reviews: 3, overdue: 6, renewals: 6, quiet: 10 } as const;

const PREVIEW = md('`/rapport digest preview`');
const EXPORT = md('`/rapport export`');

/** "…and 12 more: `/rapport digest preview`", when a list left some out. */
const more = (reader: Reader, count: number, command: Mrkdwn): Block[] => (count > 0 ? [context(t(reader, 'home.team.more', { count, command }))] : []);

function undecidedBlocks(reader: Reader, undecided: readonly JudgedStanding[]): Block[] {
  if (undecided.length === 0) return [];
  return [
    section(t(reader, 'home.team.undecided', { count: undecided.length })),
    ...undecided.slice(0, TEAM_ROWS.undecided).flatMap((s) => [
      section(
        t(reader, 'home.team.undecidedRow', {
          redFlag: s.redFlags > 0 ? 'yes' : 'no',
          name: s.client.name,
          owner: md(mentionFor(reader, s.client.ownerUserId)),
          criteria: formatList(
            s.met.map((m) => criterionLabel(reader, m.criterion.kind)),
            reader,
          ),
        }),
        { block_id: `undecided:${s.client.id}` },
      ),
      clientActions(reader, s.client.id),
    ]),
    ...more(reader, undecided.length - TEAM_ROWS.undecided, PREVIEW),
  ];
}

/** A keep decision due for review: decide again, or mark the review done or snooze it. */
function reviewBlocks(reader: Reader, reviews: readonly NextStep[], today: string): Block[] {
  if (reviews.length === 0) return [];
  return [
    section(t(reader, 'home.team.reviews', { count: reviews.length })),
    ...reviews
      .slice(0, TEAM_ROWS.reviews)
      .flatMap((step) => [
        section(nextStepLine(step, today, true, reader), { block_id: `review:${step.id}` }),
        actions([decideMenu(reader, step.clientId), ...stepButtons(step, reader)]),
      ]),
    ...more(reader, reviews.length - TEAM_ROWS.reviews, PREVIEW),
  ];
}

/** Overdue steps under each person, those with the most first, TEAM_ROWS.overdue rows in all. */
function overdueBlocks(reader: Reader, overdue: readonly OverdueOf[], today: string): Block[] {
  const total = overdue.reduce((n, o) => n + o.steps.length, 0);
  if (total === 0) return [];
  const blocks: Block[] = [section(t(reader, 'home.team.overdue', { count: total }))];
  let shown = 0;
  for (const person of overdue) {
    const steps = person.steps.slice(0, TEAM_ROWS.overdue - shown);
    if (steps.length === 0) break;
    blocks.push(context(t(reader, 'home.team.overdueOf', { who: md(mentionFor(reader, person.assigneeUserId)), count: person.steps.length })));
    blocks.push(...steps.flatMap((step) => stepRow(step, today, reader, `team_step:${step.id}`)));
    shown += steps.length;
  }
  return [...blocks, ...more(reader, total - shown, PREVIEW)];
}

/** Each renewal with its own monthly value (never a running total), and its History. */
function renewalBlocks(reader: Reader, renewals: readonly JudgedStanding[]): Block[] {
  if (renewals.length === 0) return [];
  return [
    section(t(reader, 'home.team.renewals', { days: TEAM_RENEWAL_DAYS, count: renewals.length })),
    ...renewals.slice(0, TEAM_ROWS.renewals).map((s) => {
      const args = {
        name: s.client.name,
        day: md(formatCalendarDay(s.client.renewsOn!, reader)),
        health: md(healthWithCriteria(reader, s.health, s.met)),
        owner: md(mentionFor(reader, s.client.ownerUserId)),
      };
      return section(
        s.client.monthlyValue === null
          ? t(reader, 'home.team.renewalNoValue', args)
          : t(reader, 'home.team.renewal', { ...args, amount: md(formatMoney(s.client.monthlyValue, reader)) }),
        { block_id: `renewal:${s.client.id}`, accessory: button(tPlain(reader, 'digest.button.history'), DIGEST_ACTIONS.history, s.client.id) },
      );
    }),
    ...more(reader, renewals.length - TEAM_ROWS.renewals, EXPORT),
  ];
}

function quietBlocks(reader: Reader, quiet: readonly QuietOwner[]): Block[] {
  if (quiet.length === 0) return [];
  const lines = quiet.slice(0, TEAM_ROWS.quiet).map((o) => {
    const args = { who: md(`<@${o.userId}>`), clients: o.clients };
    return o.lastLoggedAt
      ? t(reader, 'home.team.quietOwner', { ...args, day: md(formatDay(o.lastLoggedAt, reader)) })
      : t(reader, 'home.team.quietNever', args);
  });
  return [
    section([t(reader, 'home.team.quiet', { days: QUIET_OWNER_DAYS, count: quiet.length }), ...lines].join('\n')),
    ...more(reader, quiet.length - TEAM_ROWS.quiet, md('`/client list`')),
  ];
}

/** The team's part, led by its header; one line when nothing needs the lead. */
export function teamBlocks(reader: Reader, team: Omit<TeamView, 'standings'>, today: string): Block[] {
  const parts = [
    undecidedBlocks(reader, team.undecided),
    reviewBlocks(reader, team.reviews, today),
    overdueBlocks(reader, team.overdue, today),
    renewalBlocks(reader, team.renewals),
    quietBlocks(reader, team.quiet),
  ].filter((p) => p.length > 0);
  const body =
    parts.length === 0 ? [section(t(reader, 'home.team.allClear', { days: TEAM_RENEWAL_DAYS }))] : parts.flatMap((p, i) => (i ? [divider(), ...p] : p));
  return blocksFor(reader, [header(tPlain(reader, 'home.team.title')), ...body]);
}
