/**
 * The team's part of an admin's Home, pure: however large the team, the tab stays within Slack's limits (100
 * blocks, 3,000 characters a text), every list says how many it left out and which command shows them, and the
 * lead's own part still follows, in every language.
 */
import { describe, expect, it } from 'vitest';
import { CRITERIA, DEFAULT_CATALOGUE } from '../../src/domain/catalogue.js';
import { health } from '../../src/domain/health.js';
import type { NextStep } from '../../src/domain/nextSteps.js';
import { homeView } from '../../src/slack/blocks/home.js';
import { TEAM_ROWS, teamBlocks } from '../../src/slack/blocks/teamHome.js';
import type { JudgedStanding } from '../../src/services/portfolio.js';
import type { TeamView } from '../../src/services/team.js';
import { LOCALES } from '../../src/i18n/locales.js';
import { ENGLISH, readerIn } from '../../src/i18n/reader.js';
import { aClient, daysAgo, NOW } from '../support/builders.js';
import { textOf } from '../support/slackHarness.js';

const TODAY = '2026-11-23';
const unknownHealth = health(DEFAULT_CATALOGUE, aClient(), { observations: [] }, NOW);
const redFlag = CRITERIA.find((c) => c.class === 'red_flag')!;

const standing = (i: number, extra: Partial<JudgedStanding> = {}): JudgedStanding => ({
  client: aClient({ name: `Client ${i} ${'ö'.repeat(60)}`, ownerUserId: `U0OWNER${i % 7}`, monthlyValue: 1000 + i, renewsOn: '2026-12-20' }),
  health: unknownHealth,
  criteriaMet: 1,
  redFlags: 1,
  met: [{ criterion: redFlag, summary: '1 incident', count: 1, windowDays: 365, newestLoggedAt: daysAgo(1) }],
  ...extra,
});

const step = (i: number, assignee: string, source: NextStep['source'] = 'client'): NextStep => ({
  id: `step-${i}`,
  clientId: `client-${i}`,
  clientName: `Client ${i}`,
  what: `Step ${i} ${'x'.repeat(200)}`,
  assigneeUserId: assignee,
  dueOn: '2026-11-10',
  source,
  createdBy: 'U0LEAD',
  createdAt: daysAgo(20),
  doneAt: null,
});

/** A large team: more of everything than the Home tab shows. */
function largeTeam(): Omit<TeamView, 'standings'> {
  const standings = Array.from({ length: 60 }, (_, i) => standing(i));
  return {
    undecided: standings,
    reviews: Array.from({ length: 12 }, (_, i) => step(100 + i, 'U0OWNER1', 'decision')),
    overdue: Array.from({ length: 15 }, (_, p) => ({
      assigneeUserId: `U0OWNER${p}`,
      steps: Array.from({ length: 4 }, (_, i) => step(p * 10 + i, `U0OWNER${p}`)),
    })),
    renewals: standings,
    quiet: Array.from({ length: 25 }, (_, i) => ({ userId: `U0QUIET${i}`, clients: i + 1, lastLoggedAt: i % 2 ? daysAgo(30) : null })),
  };
}

describe('the team part of an admin’s Home', () => {
  it.each(LOCALES)('a large team fits the Home tab in %s, each list saying how many more and where they are', (locale) => {
    const reader = readerIn(locale);
    const view = homeView({
      reader,
      lines: Array.from({ length: 300 }, (_, i) => standing(i, { redFlags: 0, criteriaMet: 0, met: [] })),
      now: NOW,
      // The lead's own overdue step is in the team's list too.
      steps: [step(0, 'U0OWNER0'), ...Array.from({ length: 30 }, (_, i) => step(500 + i, 'U0LEAD'))],
      today: TODAY,
      team: largeTeam(),
    });
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    for (const block of view.blocks as any[]) {
      if (block.text?.text) expect(block.text.text.length).toBeLessThanOrEqual(3000);
      for (const e of block.elements ?? []) if (e.text?.text && e.type === 'mrkdwn') expect(e.text.length).toBeLessThanOrEqual(3000);
      if (block.type === 'actions') expect(block.elements.length).toBeLessThanOrEqual(25);
    }
    const text = textOf({ blocks: view.blocks });
    expect(text).toContain('`/rapport digest preview`');
    expect(text).toContain('`/rapport export`');
    // The lead's own part follows the team's.
    const ids = (view.blocks as any[]).map((b) => b.block_id ?? '');
    expect(ids.filter((id) => id.startsWith('undecided:'))).toHaveLength(TEAM_ROWS.undecided);
    expect(ids.filter((id) => id.startsWith('renewal:'))).toHaveLength(TEAM_ROWS.renewals);
    expect(ids).toContain('next_step:step-500');
    // Slack refuses a view that has a block id twice.
    const named = ids.filter((id) => id !== '');
    expect(new Set(named).size).toBe(named.length);
    expect(ids).toContain('next_step:step-0');
    expect(ids).toContain('team_step:step-0');
  });

  it('counts what it left out: undecided, overdue steps across people, renewals, quiet owners', () => {
    const text = textOf({ blocks: teamBlocks(ENGLISH, largeTeam(), TODAY) });
    expect(text).toContain(`…and ${60 - TEAM_ROWS.undecided} more: \`/rapport digest preview\``);
    expect(text).toContain(`…and ${60 - TEAM_ROWS.overdue} more: \`/rapport digest preview\``);
    expect(text).toContain(`…and ${60 - TEAM_ROWS.renewals} more: \`/rapport export\``);
    expect(text).toContain(`…and ${25 - TEAM_ROWS.quiet} more: \`/client list\``);
    // Overdue steps under the person who has them, with how many they have in all.
    expect(text).toContain('<@U0OWNER0>: 4 overdue steps');
  });

  it('says so in one line when nothing needs the lead', () => {
    const blocks = teamBlocks(ENGLISH, { undecided: [], reviews: [], overdue: [], renewals: [], quiet: [] }, TODAY);
    expect(blocks).toHaveLength(2);
    expect(textOf({ blocks })).toContain('Nothing waits for you');
  });
});
