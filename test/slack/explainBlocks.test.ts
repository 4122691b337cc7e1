/** Health with its criteria beside it (issue 29): a healthy score with a firing criterion met never reads as plain green. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE } from '../../src/domain/catalogue.js';
import { firingCriteriaMet } from '../../src/domain/firingCriteria.js';
import { health } from '../../src/domain/health.js';
import { restoreGreen } from '../../src/domain/restoreGreen.js';
import { ENGLISH, readerIn } from '../../src/i18n/reader.js';
import type { JudgedStanding } from '../../src/services/portfolio.js';
import { clientLine } from '../../src/slack/blocks/clients.js';
import { healthWithCriteria, restoreText } from '../../src/slack/blocks/explain.js';
import { homeView } from '../../src/slack/blocks/home.js';
import { aClient, daysAgo, incident, NOW, observed } from '../support/builders.js';

const cat = DEFAULT_CATALOGUE;
const client = aClient({ name: 'Globex', ownerUserId: 'U0ALICE' });
const healthy = health(
  cat,
  client,
  { observations: ['excellent_communication', 'positive_attitude', 'shares_information'].map((t) => observed(t, daysAgo(2))) },
  NOW,
);
const lied = firingCriteriaMet(cat, [incident('lying', daysAgo(1))], [], NOW);
const lateAndDisputed = firingCriteriaMet(cat, [incident('invoice_dispute', daysAgo(20)), incident('invoice_dispute', daysAgo(3))], [], NOW);
const standing = (met: JudgedStanding['met']): JudgedStanding => ({
  client,
  health: healthy,
  criteriaMet: met.length,
  redFlags: met.filter((m) => m.criterion.class === 'red_flag').length,
  met,
});

describe('health with the criteria it meets', () => {
  it('a healthy score with a red flag says so beside the green', () => {
    expect(healthy.band).toBe('healthy');
    expect(healthWithCriteria(ENGLISH, healthy, lied)).toBe(`*${healthy.score}* 🟢 healthy · 🚩 meets a firing criterion: Lying`);
    expect(healthWithCriteria(ENGLISH, healthy, lateAndDisputed)).toBe(
      `*${healthy.score}* 🟢 healthy · ⚠️ meets a firing criterion: Constantly disputes invoices`,
    );
  });

  it('with nothing met, reads as health always did', () => {
    expect(healthWithCriteria(ENGLISH, healthy, [])).toBe(`*${healthy.score}* 🟢 healthy`);
  });

  it('in the reader’s language', () => {
    expect(healthWithCriteria(readerIn('tr'), healthy, lied)).toContain('🚩 bir ayrılık kriterini karşılıyor: Yalan söylüyor');
    expect(healthWithCriteria(readerIn('fi'), healthy, [...lied, ...lateAndDisputed])).toContain('täyttää 2 lopettamisen kriteeriä');
  });

  it('a list line and the Home tab name the criterion beside the green', () => {
    expect(clientLine(standing(lied), ENGLISH)).toBe(`🟢 *Globex* ${healthy.score} · Regular · <@U0ALICE> · 🚩 meets a firing criterion: Lying`);
    const home = JSON.stringify(homeView({ reader: ENGLISH, lines: [standing(lateAndDisputed)], now: NOW }).blocks);
    expect(home).toContain('⚠️ meets a firing criterion: Constantly disputes invoices');
  });
});

describe('the way back to healthy, in a sentence', () => {
  const deep = Array.from({ length: 12 }, (_, i) =>
    ['terrible_communication', 'negative_attitude', 'no_data_sharing'].map((t) => observed(t, daysAgo(i * 9), { callId: `c${i}` })),
  ).flat();

  it('several calls: how many, noting what, for how many weeks, by when, and that they were counted a week apart', () => {
    const r = restoreGreen(cat, client, { observations: deep }, NOW);
    if (r.kind !== 'plan') throw new Error(r.kind);
    const text = restoreText(ENGLISH, cat, r)!;
    expect(text).toContain('*Back to healthy*');
    expect(text).toMatch(
      new RegExp(
        `^${r.calls} calls noting _[^\\n]+_, and no new bad notes for ${r.weeks} weeks, would bring it back to healthy \\(\\d+\\) by [^\\n]+\\.$`,
        'm',
      ),
    );
    expect(text).toMatch(/^Counted with calls a week apart, the last on [^:]+: by then older bad notes count less\.$/m);
  });

  it('beyond the search: says so, and points to the relationship itself', () => {
    const r = restoreGreen(cat, client, { observations: deep }, NOW, { calls: 2, traitsPerCall: 1, extraWeeks: 2 });
    expect(restoreText(ENGLISH, cat, r)).toContain(
      'Even 2 good calls over 3 weeks would not bring it back to healthy: worth talking about the relationship itself.',
    );
  });

  it('nothing for a healthy client', () => {
    expect(restoreText(ENGLISH, cat, { kind: 'healthy' })).toBeUndefined();
  });
});
