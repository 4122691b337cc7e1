import { describe, expect, it } from 'vitest';
import { ENGLISH, readerIn } from '../../src/i18n/reader.js';
import { context } from '../../src/slack/blocks/kit.js';
import { DEFAULT_CATALOGUE } from '../../src/domain/catalogue.js';
import type { ClientWeekRows } from '../../src/domain/clientWeek.js';
import { composeDigest, digestPageWithout, digestRefusalAdvice, withClientStatus, statusBlockId } from '../../src/slack/blocks/digest.js';
import { aClient, aClientWeek, daysAgo, evidenceOfRows, incident, NOW, observedTimes, selectFromRows } from '../support/builders.js';
import type { ClientProfile } from '../../src/domain/types.js';
import { outcomeStatistics } from '../../src/domain/outcomes.js';

const cat = DEFAULT_CATALOGUE;
/** Each client had one call logged this week. */
const week = (client: ClientProfile, parts: Partial<ClientWeekRows> = {}): ClientWeekRows =>
  aClientWeek(client, { loggedThisWeek: { calls: 1, incidents: 0 }, ...parts });
const options = { timeZone: 'UTC', interactive: true };
/** The digest of these clients' rows, with their evidence, as the runner composes it. */
const compose = (weeks: ClientWeekRows[], o: Parameters<typeof composeDigest>[3] = options) =>
  composeDigest(cat, selectFromRows(cat, weeks, NOW), evidenceOfRows(cat, weeks, NOW), o);
const allText = (blocks: unknown[]) => JSON.stringify(blocks);

describe('digest composition', () => {
  it('says an empty week in one friendly line', () => {
    const pages = compose([week(aClient())]);
    expect(pages).toHaveLength(1);
    expect(pages[0]!.blocks).toHaveLength(1);
    expect(pages[0]!.text).toContain('nothing to act on');
  });

  it('names each client with category, owner, health then and now, dated evidence and the four actions', () => {
    const liar = aClient({ id: 'c-liar', name: 'Liar <Co>', category: 'vip', ownerUserId: 'U0ALICE', monthlyValue: 5000 });
    const sour = aClient({ id: 'c-sour', name: 'Sour', relationship: 'long_term' });
    const weeks = [
      week(liar, { incidents: [incident('lying', new Date('2026-11-20T10:00:00Z'))] }),
      week(sour, { history: { observations: observedTimes('negative_attitude', 3, daysAgo(1)) } }),
    ];
    const [page] = compose(weeks);
    const text = allText(page!.blocks);
    expect(text).toContain('Rapport digest — 16 Nov to 23 Nov');
    // It opens with what to decide and whose it is.
    expect(text).toContain(
      '*2 clients need a decision* (🚩 1 with a red flag) · 5,000/month at risk\\nBy owner: <@U0ALICE> 1: Liar &lt;Co&gt; · <@U0OWNER> 1: Sour',
    );
    expect(text).toContain('*Liar &lt;Co&gt;* · VIP / critical · <@U0ALICE> · 5,000/month');
    expect(text).toContain('3. Lying*: 1 lie ever (20 Nov)');
    expect(text).toContain('Health unknown → *21* 🔴 at risk\\n🔴 Now at risk: health went from 50 to 21 this week');
    expect(text).toContain('Negative attitude · 22 Nov · <@U0LOGGER>');
    expect(text.indexOf('Meet firing criteria')).toBeLessThan(text.indexOf('Turned bad this week'));
    expect(text).toContain('Portfolio this week');
    expect(text).toContain('Revenue at risk: 5,000/month');
    const actions = page!.blocks.filter((b) => b.type === 'actions');
    expect(actions).toHaveLength(2);
    expect(actions[0]!.elements.map((e: any) => e.action_id)).toEqual(['digest_acknowledge', 'digest_snooze', 'digest_history', 'digest_decide']);
    expect(page!.clientIds).toEqual(['c-liar', 'c-sour']);
  });

  it('shown to one reader (the preview), it counts their clients and lists them first', () => {
    const mine = aClient({ id: 'c-mine', name: 'Zed Mine', ownerUserId: 'U0READER' });
    const theirs = aClient({ id: 'c-theirs', name: 'Abe Theirs' });
    const weeks = [week(theirs, { incidents: [incident('lying', daysAgo(2))] }), week(mine, { incidents: [incident('lying', daysAgo(2))] })];
    const text = allText(compose(weeks, { ...options, interactive: false, reader: 'U0READER' })[0]!.blocks);
    expect(text).toContain('2 clients need a decision* (1 yours)');
    expect(text.indexOf('*Zed Mine*')).toBeLessThan(text.indexOf('*Abe Theirs*'));
  });

  it('continues in further pages within Slack’s limits, never dropping a client', () => {
    const weeks = Array.from({ length: 120 }, (_, i) =>
      week(aClient({ id: `c${i}`, name: `Client ${i} ${'x'.repeat(60)}` }), {
        incidents: [incident('lying', daysAgo(2)), incident('legal_exposure', daysAgo(3))],
      }),
    );
    const pages = compose(weeks);
    expect(pages.length).toBeGreaterThan(3);
    for (const p of pages) {
      expect(p.blocks.length).toBeLessThanOrEqual(50);
      expect(allText(p.blocks).length).toBeLessThan(13_000);
    }
    expect([...new Set(pages.flatMap((p) => p.clientIds))].sort()).toEqual(weeks.map((w) => w.client.id).sort());
    expect(allText(pages[0]!.blocks)).toContain(`120 clients: continued in the thread (${pages.length - 1} more messages)`);
    expect(allText(pages.at(-1)!.blocks)).toContain('Portfolio this week');
  });

  it('preview pages have no buttons', () => {
    const pages = compose([week(aClient(), { incidents: [incident('lying', daysAgo(2))] })], { ...options, interactive: false });
    expect(pages[0]!.blocks.some((b) => b.type === 'actions')).toBe(false);
  });

  it('replaces only the client’s status line', () => {
    const blocks = [
      { ...context('a'), block_id: statusBlockId('a') },
      { ...context('b'), block_id: statusBlockId('b') },
    ];
    const out = withClientStatus(blocks, 'b', 'Kept');
    expect(out[0]).toBe(blocks[0]);
    expect(out[1]).toMatchObject({ block_id: 'status:b', elements: [{ text: 'Kept' }] });
  });
});

describe('a refused digest, explained', () => {
  it('gives the remedy for a channel Rapport cannot post to, and quotes any other error', () => {
    expect(digestRefusalAdvice('not_in_channel', 'C1', ENGLISH)).toMatch(/^Rapport is not a member of <#C1>: invite it there \(`\/invite @Rapport`\)/);
    expect(digestRefusalAdvice('channel_not_found', 'C1', ENGLISH)).toContain('<#C1> was not found');
    expect(digestRefusalAdvice('is_archived', 'C1', ENGLISH)).toContain('<#C1> is archived');
    for (const error of ['not_in_channel', 'channel_not_found', 'is_archived']) {
      expect(digestRefusalAdvice(error, 'C1', ENGLISH)).toContain('`/rapport settings channel #channel`');
    }
    expect(digestRefusalAdvice('fatal_error', 'C1', ENGLISH)).toBe('Slack answered `fatal_error` when Rapport posted to <#C1>.');
  });
});

describe('digest composition: renewals and overdue next steps (issue 14)', () => {
  const atRisk = { history: { observations: observedTimes('negative_attitude', 4, daysAgo(1)) } };

  it('lists clients in trouble renewing soon, soonest first, each with its own value at stake, then the total once', () => {
    const weeks = [
      week(aClient({ name: 'Later Co', renewsOn: '2027-01-10', monthlyValue: 1000, ownerUserId: 'U0BOB' }), atRisk),
      week(aClient({ name: 'Soon Co', renewsOn: '2026-12-01', monthlyValue: 4000, ownerUserId: 'U0ALICE' }), atRisk),
      week(aClient({ name: 'Unvalued Co', renewsOn: '2026-12-05' }), atRisk),
    ];
    const blocks = compose(weeks).flatMap((p) => p.blocks);
    const text = allText(blocks);
    expect(text).toContain('🔁 Renewing within 60 days* (3)');
    const line = (name: string) => JSON.stringify(blocks.find((b) => b.block_id?.startsWith('renewal:') && JSON.stringify(b).includes(`*${name}* · renews`)));
    expect(text.indexOf('*Soon Co* · renews Tue, 1 Dec 2026')).toBeLessThan(text.indexOf('*Later Co* · renews'));
    expect(line('Soon Co')).toContain('<@U0ALICE> · 4,000/month at stake');
    expect(line('Later Co')).toContain('<@U0BOB> · 1,000/month at stake');
    expect(line('Unvalued Co')).not.toContain('at stake');
    expect(text).not.toContain('by then');
    const total = blocks.filter((b) => JSON.stringify(b).includes('Total at stake'));
    expect(total).toHaveLength(1);
    expect(JSON.stringify(total[0])).toContain('Total at stake in the next 60 days: 5,000/month');
  });

  it('says no total when no renewing client has a value', () => {
    const text = allText(compose([week(aClient({ name: 'Unvalued Co', renewsOn: '2026-12-05' }), atRisk)]).flatMap((p) => p.blocks));
    expect(text).toContain('*Unvalued Co* · renews');
    expect(text).not.toContain('Total at stake');
  });

  it('shows an overdue next step under its client, or in a part of its own for a client not otherwise named', () => {
    const liar = aClient({ id: 'c-liar', name: 'Liar', ownerUserId: 'U0ALICE' });
    const calm = aClient({ id: 'c-calm', name: 'Calm' });
    const step = (clientId: string, clientName: string, what: string) => ({
      id: `s-${what}`,
      clientId,
      clientName,
      what,
      assigneeUserId: 'U0ALICE',
      dueOn: '2026-11-20',
      source: 'client' as const,
      createdBy: 'U0ALICE',
      createdAt: NOW,
      doneAt: null,
    });
    const weeks = [week(liar, { incidents: [incident('lying', daysAgo(2))] }), week(calm)];
    const pages = compose(weeks, {
      ...options,
      overdueSteps: [step('c-liar', 'Liar', 'Ask for proof'), step('c-calm', 'Calm', 'Send the deck')],
    });
    const text = allText(pages.flatMap((p) => p.blocks));
    const liarBlock = pages[0]!.blocks.find((b) => b.block_id === 'client:c-liar');
    expect(JSON.stringify(liarBlock)).toContain('⏰ Overdue next step: Ask for proof · <@U0ALICE> · due 20 Nov');
    expect(text).toContain('⏰ Overdue next steps* (1)');
    expect(text).toContain('*Calm*\\n⏰ Overdue next step: Send the deck');
    // A quiet week with an overdue step is not "nothing to act on".
    const quiet = compose([week(calm)], { ...options, overdueSteps: [step('c-calm', 'Calm', 'Send the deck')] });
    expect(quiet[0]!.text).not.toContain('nothing to act on');
  });
});

describe('the digest’s opening (issue 28)', () => {
  const lie = { incidents: [incident('lying', daysAgo(20))] };
  const atRisk = { history: { observations: observedTimes('negative_attitude', 4, daysAgo(1)) } };
  const red = aClient({ id: 'c-red', name: 'Red Co', ownerUserId: 'U0ALICE', monthlyValue: 5000 });
  const sour = aClient({ id: 'c-sour', name: 'Sour Co', ownerUserId: 'U0ALICE', monthlyValue: 2000 });
  const quiet = aClient({ id: 'c-quiet', name: 'Quiet Co', ownerUserId: 'U0BOB', relationship: 'long_term', monthlyValue: 1000 });
  const weeks = [week(red, lie), week(sour, atRisk), week(quiet, { lastCallAt: daysAgo(40) })];
  const openingOf = (blocks: readonly any[]) => blocks.find((b) => b.block_id?.startsWith('opening')).text.text as string;

  it('counts only clients still needing a decision: one kept leaves the count, the owner line and the revenue at risk it names', () => {
    const keep = { id: 'd', clientId: 'c-red', kind: 'keep' as const, reason: 'Biggest account', decidedBy: 'U0ALICE', decidedAt: daysAgo(10) };
    const [page] = compose([week(red, { ...lie, decisions: [keep] }), week(sour, atRisk), week(quiet, { lastCallAt: daysAgo(40) })]);
    expect(openingOf(page!.blocks)).toBe(
      '*1 client needs a decision* · 2,000/month at risk · 1 overdue for contact\nBy owner: <@U0ALICE> 1: Sour Co · <@U0BOB> 1: Quiet Co',
    );
    const text = allText(page!.blocks);
    // Still first in its section (a red flag), its decision beside it; the portfolio says how much of its revenue at risk is kept.
    expect(text.indexOf('*Red Co*')).toBeLessThan(text.indexOf('*Sour Co*'));
    expect(text).toContain('✅ Kept by <@U0ALICE> on Fri, 13 Nov 2026: “Biggest account”');
    expect(text).toContain('Revenue at risk: 7,000/month, of which 5,000/month is kept by a decision');
  });

  it('lists every owner with their count, the names of each bounded, and counts the owners beyond eight', () => {
    const many = Array.from({ length: 6 }, (_, i) => week(aClient({ id: `c-a${i}`, name: `Alpha ${i}`, ownerUserId: 'U0ALICE' }), lie));
    const others = Array.from({ length: 9 }, (_, i) => week(aClient({ id: `c-o${i}`, name: `Other ${i}`, ownerUserId: `U0OWNER${i}` }), lie));
    const line = openingOf(compose([...many, ...others])[0]!.blocks).split('\n')[1]!;
    expect(line).toMatch(/^By owner: <@U0ALICE> 6: Alpha 0, Alpha 1, Alpha 2, Alpha 3, … · <@U0OWNER\d> 1: Other \d · /);
    expect(line.split(' · ').filter((owner) => /^(By owner: )?<@U0[A-Z0-9]+> \d+: /.test(owner))).toHaveLength(8);
    expect(line).toMatch(/ · 2 more owners$/);
    // One owner is still named, with their count.
    expect(openingOf(compose([week(red, lie)])[0]!.blocks)).toContain('By owner: <@U0ALICE> 1: Red Co');
  });

  it('counts again in place as clients are answered on the message: a decision or a snooze, not an acknowledgement', () => {
    const [page] = compose(weeks);
    expect(openingOf(page!.blocks)).toBe(
      '*2 clients need a decision* (🚩 1 with a red flag) · 7,000/month at risk · 1 overdue for contact\nBy owner: <@U0ALICE> 2: Red Co, Sour Co · <@U0BOB> 1: Quiet Co',
    );
    const answer = (blocks: any[], client: typeof red, kind: 'acknowledge' | 'keep' | 'snooze' | 'start_exit') =>
      withClientStatus(blocks, client.id, `status of ${client.name}`, { kind, client, clientIds: page!.clientIds, reader: ENGLISH });
    const acknowledged = answer(page!.blocks, red, 'acknowledge');
    expect(openingOf(acknowledged)).toBe(openingOf(page!.blocks));
    const kept = answer(acknowledged, red, 'keep');
    expect(openingOf(kept)).toBe(
      '*1 client needs a decision* · 2,000/month at risk · 1 overdue for contact\nBy owner: <@U0ALICE> 1: Sour Co · <@U0BOB> 1: Quiet Co',
    );
    expect(JSON.stringify(kept)).toContain('status of Red Co');
    // Answered twice, counted once.
    expect(answer(kept, red, 'keep')).toEqual(kept);
    // A snooze defers: the client leaves the count, its revenue stays at risk.
    const snoozed = answer(kept, sour, 'snooze');
    expect(openingOf(snoozed)).toBe('*No client needs a decision* · 2,000/month at risk · 1 overdue for contact\nBy owner: <@U0BOB> 1: Quiet Co');
    // A client gone quiet and kept still wants a call; exited, it is gone.
    expect(openingOf(answer(snoozed, quiet, 'keep'))).toBe(openingOf(snoozed));
    expect(openingOf(answer(snoozed, quiet, 'start_exit'))).toBe('*No client needs a decision* · 2,000/month at risk');
  });

  it('counts again in the page’s language and digits', () => {
    const fa = readerIn('fa', { timeZone: 'UTC' });
    const [page] = compose(weeks, { ...options, readBy: fa });
    const kept = withClientStatus(page!.blocks, red.id, 'x', { kind: 'keep', client: red, clientIds: page!.clientIds, reader: fa });
    const [headline, owners] = openingOf(kept).split('\n');
    expect(headline).toContain('۱ مشتری منتظر تصمیم است');
    expect(owners).toContain('<@U0ALICE> ۱: Sour Co');
    expect(owners).not.toContain('Red Co');
  });

  it('counts again with owners beyond eight only counted, in Persian too', () => {
    const fa = readerIn('fa', { timeZone: 'UTC' });
    const others = Array.from({ length: 9 }, (_, i) => week(aClient({ id: `c-o${i}`, name: `Other ${i}`, ownerUserId: `U0OWNER${i}` }), lie));
    for (const readBy of [ENGLISH, fa]) {
      const [page] = compose([week(red, lie), week(sour, atRisk), ...others], { ...options, readBy });
      const kept = withClientStatus(page!.blocks, red.id, 'x', { kind: 'keep', client: red, clientIds: page!.clientIds, reader: readBy });
      const before = openingOf(page!.blocks).split('\n')[1]!;
      const after = openingOf(kept).split('\n')[1]!;
      expect(before).toContain('Red Co');
      expect(after).not.toContain('Red Co');
      expect(after).toContain('Sour Co');
      // The owners only counted are still counted, at the line's end.
      expect(after.slice(-20)).toBe(before.slice(-20));
      expect(after.split(' · ')).toHaveLength(before.split(' · ').length);
    }
  });

  it('a healthy client meeting a firing criterion never reads as plain green', () => {
    const liar = aClient({ id: 'c-green-liar', name: 'Green Liar' });
    const weeks = [
      week(liar, { history: { observations: observedTimes('excellent_communication', 6, daysAgo(3)) }, incidents: [incident('lying', daysAgo(2))] }),
    ];
    const text = allText(compose(weeks)[0]!.blocks);
    expect(text).toMatch(/🟢 healthy · [^\n]*Lying/);
  });

  it('the month’s first digest says what came of last month’s decisions, before the portfolio’s figures; a week with only that is not quiet', () => {
    const outcomes = {
      window: { from: '2026-10-01', to: '2026-10-31' },
      statistics: outcomeStatistics([
        {
          decisionId: 'd1',
          clientId: 'c1',
          clientName: 'Kept Co',
          category: 'regular',
          kind: 'keep',
          reasons: ['slow_payment'],
          decidedAt: daysAgo(50),
          outcome: 'better',
          outcomeAt: daysAgo(25),
        },
      ]),
    };
    const pages = compose([week(aClient())], { ...options, outcomes });
    const text = allText(pages[0]!.blocks);
    expect(text).toContain('What came of decisions');
    expect(text).toContain('1 decision answered: 1 better');
    expect(text.indexOf('What came of decisions')).toBeLessThan(text.indexOf('Portfolio this week'));
  });
});

describe('the week that changed, and words a person uses (issue 29)', () => {
  const liar = aClient({ id: 'c-wk-liar', name: 'Liar Co', ownerUserId: 'U0ALICE', monthlyValue: 4000 });
  const legal = aClient({ id: 'c-wk-legal', name: 'Legal Co', ownerUserId: 'U0BOB' });
  const weeks = () => [week(liar, { incidents: [incident('lying', daysAgo(2))] }), week(legal, { incidents: [incident('legal_exposure', daysAgo(3))] })];
  const marked = {
    ...options,
    weekChanges: {
      marks: new Map([
        ['c-wk-liar', { kind: 'new' as const }],
        ['c-wk-legal', { kind: 'still' as const, weeks: 3 }],
      ]),
      recovered: [],
    },
  };
  const headOf = (blocks: readonly any[], clientId: string) => blocks.find((b) => b.block_id === `client:${clientId}`)!.text.text.split('\n')[0] as string;

  it('marks each named client in its head line: new this week, or named for how many weeks running', () => {
    const [page] = compose(weeks(), marked);
    expect(headOf(page!.blocks, 'c-wk-liar')).toBe('*Liar Co* · Regular · <@U0ALICE> · 4,000/month · 🆕 new this week');
    expect(headOf(page!.blocks, 'c-wk-legal')).toBe('*Legal Co* · Regular · <@U0BOB> · named 3 weeks running');
    // Without the week's changes (a preview, a personal digest), no mark.
    expect(headOf(compose(weeks())[0]!.blocks, 'c-wk-liar')).toBe('*Liar Co* · Regular · <@U0ALICE> · 4,000/month');
  });

  it('the marks add no block: the status line is still replaced in place, the opening counts again, the mark stays', () => {
    const [page] = compose(weeks(), marked);
    const [plain] = compose(weeks());
    expect(page!.blocks.map((b) => b.block_id)).toEqual(plain!.blocks.map((b) => b.block_id));
    const answered = withClientStatus(page!.blocks, 'c-wk-liar', 'Kept', {
      kind: 'keep',
      client: liar,
      clientIds: page!.clientIds,
      reader: ENGLISH,
    });
    const text = allText(answered);
    expect(text).toContain('"text":"Kept"');
    expect(text).toContain('*1 client needs a decision*');
    expect(headOf(answered, 'c-wk-liar')).toContain('🆕 new this week');
  });

  it('lists the clients recovered since last week briefly, after those it names, counting those beyond five', () => {
    const recovered = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Wonka', 'Stark'].map((name, i) => ({ id: `c-rec-${i}`, name }));
    const pages = compose(weeks(), { ...marked, weekChanges: { ...marked.weekChanges, recovered } });
    const text = allText(pages[0]!.blocks);
    expect(text).toContain('✅ Recovered since last week: Acme, Globex, Initech, Umbrella, Hooli …and 2 more');
    expect(text.indexOf('*Legal Co*')).toBeLessThan(text.indexOf('Recovered since last week'));
    expect(text.indexOf('Recovered since last week')).toBeLessThan(text.indexOf('Portfolio this week'));
    // Recovered clients are not counted as named: the next week's marks read the page's clients.
    expect(pages[0]!.clientIds).toEqual(['c-wk-liar', 'c-wk-legal']);
    const two = allText(compose(weeks(), { ...marked, weekChanges: { ...marked.weekChanges, recovered: recovered.slice(0, 2) } })[0]!.blocks);
    expect(two).toContain('✅ Recovered since last week: Acme, Globex"');
  });

  it('a week whose only news is a recovery is not a one-line quiet week', () => {
    const pages = compose([week(aClient())], { ...options, weekChanges: { marks: new Map(), recovered: [{ id: 'c-rec', name: 'Acme' }] } });
    const text = allText(pages[0]!.blocks);
    expect(text).not.toContain('nothing to act on');
    expect(text).toContain('✅ Recovered since last week: Acme');
  });

  it('in Persian, with its own comma', () => {
    const recovered = [
      { id: 'c-a', name: 'Acme' },
      { id: 'c-b', name: 'Globex' },
    ];
    const text = allText(
      compose(weeks(), { ...marked, readBy: readerIn('fa', { timeZone: 'UTC' }), weekChanges: { ...marked.weekChanges, recovered } })[0]!.blocks,
    );
    expect(text).toContain('Acme، Globex');
    expect(text).toContain('تازه در این هفته');
  });

  it('an erased client leaves the recovery line it was named in; the rest of the page stays', () => {
    const recovered = [{ id: 'c-gone', name: 'Gone Co' }];
    const [page] = compose(weeks(), { ...marked, weekChanges: { ...marked.weekChanges, recovered } });
    const erased = digestPageWithout({ ...page!, text: page!.text }, { id: 'c-gone', names: ['Gone Co'] })!;
    const text = allText(erased.blocks);
    expect(text).not.toContain('Gone Co');
    expect(text).not.toContain('Recovered since last week');
    expect(text).toContain('*Liar Co*');
    expect(erased.clientIds).toEqual(page!.clientIds);
  });

  it('says a criterion is met for the first time when all its incidents were logged this week', () => {
    const fresh = aClient({ id: 'c-fresh', name: 'Fresh Co' });
    const old = aClient({ id: 'c-old', name: 'Old Co' });
    const text = allText(
      compose([
        week(fresh, { incidents: [incident('lying', daysAgo(2))] }),
        week(old, { incidents: [incident('lying', daysAgo(20)), incident('lying', daysAgo(1))] }),
      ])[0]!.blocks,
    );
    const lineOf = (name: string) =>
      text
        .slice(text.indexOf(`*${name}*`))
        .split('\\n')
        .find((l) => l.includes('Lying'))!;
    expect(lineOf('Fresh Co')).toContain('🆕 met for the first time this week');
    expect(lineOf('Old Co')).not.toContain('first time');
  });

  it('asks whether a long-term client paying like a stepping-stone one still is one', () => {
    const drifting = aClient({ id: 'c-drift', name: 'Drift Co', relationship: 'long_term' });
    const incidents = [incident('lying', daysAgo(2)), incident('slow_payment', daysAgo(40)), incident('slow_payment', daysAgo(3))];
    const text = allText(compose([week(drifting, { incidents })])[0]!.blocks);
    expect(text).toMatch(/↘️ Now pays like a stepping-stone client: 2 late payments in 180 days \([^)]*\)\. Is it still a long-term client\?/);
  });

  it('says a dimension that turned bad as a person would', () => {
    const turned = aClient({ id: 'c-turned', name: 'Turned Co' });
    const observations = [...observedTimes('excellent_communication', 3, daysAgo(30)), ...observedTimes('terrible_communication', 3, daysAgo(1))];
    const text = allText(compose([week(turned, { history: { observations } })])[0]!.blocks);
    expect(text).toMatch(
      /🔁 Communication has turned: Terrible communication noted 3 times in 14 days \([^)]*\), where it was mostly good before \(3 good notes, 0 bad\)/,
    );
  });
});
