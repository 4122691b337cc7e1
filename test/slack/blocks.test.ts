import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE, resolveCatalogue } from '../../src/domain/catalogue.js';
import { health } from '../../src/domain/health.js';
import { clientListBlocks } from '../../src/slack/blocks/clients.js';
import { callConfirmation, healthChangeText } from '../../src/slack/blocks/confirmations.js';
import { helpBlocks } from '../../src/slack/blocks/help.js';
import { homeView } from '../../src/slack/blocks/home.js';
import { fitBlocks, section } from '../../src/slack/blocks/kit.js';
import { callModal, incidentModal } from '../../src/slack/blocks/modals.js';
import { ENGLISH, readerIn } from '../../src/i18n/reader.js';
import { escapeText, truncate } from '../../src/slack/blocks/text.js';
import { aClient, NOW } from '../support/builders.js';

/** Slack's limits (slack-contract.md), checked on any block list. */
function expectWithinLimits(blocks: any[], maxBlocks = 50) {
  expect(blocks.length).toBeLessThanOrEqual(maxBlocks);
  for (const b of blocks) {
    if (b.text?.text) expect(b.text.text.length).toBeLessThanOrEqual(3000);
    if (b.fields) {
      expect(b.fields.length).toBeLessThanOrEqual(10);
      for (const f of b.fields) expect(f.text.length).toBeLessThanOrEqual(2000);
    }
    if (b.type === 'actions') expect(b.elements.length).toBeLessThanOrEqual(25);
    if (b.element?.type === 'checkboxes') expect(b.element.options.length).toBeLessThanOrEqual(10);
    if (b.element?.options) for (const o of b.element.options) expect(o.text.text.length).toBeLessThanOrEqual(75);
  }
}

const unknownHealth = health(DEFAULT_CATALOGUE, aClient(), { observations: [] }, NOW);

describe('Block Kit builders keep within Slack’s limits and say when they cut', () => {
  it('truncates long text and says so', () => {
    const cut = truncate('x'.repeat(5000), 3000);
    expect(cut).toHaveLength(3000);
    expect(cut.endsWith('… (truncated)')).toBe(true);
    expect(truncate('short', 3000)).toBe('short');
    expect(truncate('😀'.repeat(2000), 100)).not.toMatch(/[\uD800-\uDBFF]… \(truncated\)$/); // no half emoji
  });

  it('escapes mrkdwn control characters in user text', () => {
    expect(escapeText('<!channel> & <@U1>')).toBe('&lt;!channel&gt; &amp; &lt;@U1&gt;');
  });

  it('caps a message at 50 blocks with a line saying how many were left out', () => {
    const blocks = fitBlocks(Array.from({ length: 80 }, (_, i) => section(`b${i}`)));
    expect(blocks).toHaveLength(50);
    expect(JSON.stringify(blocks[49])).toContain('31 more blocks not shown');
  });

  it('a list of 1,000 clients fits one message and names the cut', () => {
    const lines = Array.from({ length: 1000 }, (_, i) => ({ client: aClient({ name: `Client ${i}` }), health: unknownHealth, criteriaMet: 0, redFlags: 0 }));
    const blocks = fitBlocks(clientListBlocks(lines, 'All clients', ENGLISH));
    expectWithinLimits(blocks);
    expect(JSON.stringify(blocks)).toContain('more blocks not shown');
  });

  it('a confirmation with 3,000 characters of notes stays within limits', () => {
    const client = aClient({ name: 'N'.repeat(80) });
    const rendered = callConfirmation(
      DEFAULT_CATALOGUE,
      {
        logged: {
          client,
          duplicate: false,
          entry: {
            id: 'c1',
            teamId: 'T',
            clientId: client.id,
            occurredAt: NOW,
            loggedBy: 'U1',
            loggedAt: NOW,
            notes: '<'.repeat(3000),
            ourSide: [],
            requestKey: null,
            evidenceUrl: null,
            traits: ['positive_attitude'],
          },
        },
        before: unknownHealth,
        after: unknownHealth,
      },
      ENGLISH,
    );
    expectWithinLimits(rendered.blocks);
    expect(JSON.stringify(rendered.blocks)).toContain('(truncated)');
  });

  it('dates a confirmation in the workspace’s time zone', () => {
    const client = aClient({ name: 'Acme' });
    const lateEvening = new Date('2026-11-23T02:30:00Z'); // 21:30 on Sunday in New York
    const rendered = callConfirmation(
      DEFAULT_CATALOGUE,
      {
        logged: {
          client,
          duplicate: false,
          entry: {
            id: 'c1',
            teamId: 'T',
            clientId: client.id,
            occurredAt: lateEvening,
            loggedBy: 'U1',
            loggedAt: lateEvening,
            notes: '',
            ourSide: [],
            requestKey: null,
            evidenceUrl: null,
            traits: [],
          },
        },
        before: unknownHealth,
        after: unknownHealth,
      },
      readerIn('en', { timeZone: 'America/New_York' }),
    );
    expect(JSON.stringify(rendered.blocks[0])).toContain('on Sun, 22 Nov 2026 logged');
  });

  it('modals: titles ≤ 24, checkbox groups ≤ 10 even with many extra traits', () => {
    const extraTraits = Array.from({ length: 15 }, (_, i) => ({ key: `extra_${i}`, dimension: 'extra', polarity: 'good' as const, label: `Extra ${i}` }));
    const catalogue = resolveCatalogue({ extraTraits });
    const call = callModal({ reader: ENGLISH, catalogue, metadata: { channelId: 'C1', entryId: '00000000-0000-4000-8000-000000000000' }, today: '2026-11-23' });
    expect(call.title.text.length).toBeLessThanOrEqual(24);
    expectWithinLimits(call.blocks, 100);
    expect(call.blocks.filter((b: any) => b.block_id.startsWith('traits_good'))).toHaveLength(2);
    for (const kind of ['slow_payment', 'invoice_dispute', 'competitor_play', 'mental_abuse'] as const) {
      const modal = incidentModal({ reader: ENGLISH, metadata: { channelId: null }, today: '2026-11-23', kind });
      expectWithinLimits(modal.blocks, 100);
      expect(modal.private_metadata?.length).toBeLessThanOrEqual(3000);
    }
  });

  it('App Home holds many clients within 100 blocks', () => {
    const lines = Array.from({ length: 2000 }, (_, i) => ({
      client: aClient({ name: `C${i}` }),
      health: unknownHealth,
      criteriaMet: i % 3,
      redFlags: i % 5 === 0 ? 1 : 0,
    }));
    expectWithinLimits(homeView({ reader: ENGLISH, lines, now: NOW }).blocks, 100);
  });

  it('help lists every trait and kind', () => {
    const text = JSON.stringify([...helpBlocks('call', DEFAULT_CATALOGUE, ENGLISH), ...helpBlocks('incident', DEFAULT_CATALOGUE, ENGLISH)]);
    for (const t of DEFAULT_CATALOGUE.traits) expect(text).toContain(t.label);
    expect(text).toContain('10. Legal exposure');
  });
});

describe('a call’s health line explains itself', () => {
  const scored = (score: number) => ({ ...unknownHealth, score, known: true, band: 'at_risk' as const });
  const outcome = (previous: number | undefined, before: number, after: number) =>
    ({
      before: scored(before),
      after: scored(after),
      ...(previous === undefined ? {} : { previous: { at: new Date('2026-11-16T10:00:00Z'), health: scored(previous) } }),
    }) as never;

  it('a bad call that still raises health says older bad traits faded', () => {
    expect(healthChangeText(outcome(31, 33, 32), ENGLISH)).toBe(
      'Health now: *32* 🔴 at risk (31 after the previous call on Mon, 16 Nov 2026: +2 as older bad traits faded, −1 from this call)',
    );
    expect(healthChangeText(outcome(80, 78, 81), ENGLISH)).toContain('−2 as older good traits faded, +3 from this call');
    expect(healthChangeText(outcome(undefined, 50, 40), ENGLISH)).toBe('Health now: *40* 🔴 at risk (−10 from this call)');
    expect(healthChangeText(outcome(40, 40, 40), ENGLISH)).toBe('Health now: *40* 🔴 at risk');
  });
});
