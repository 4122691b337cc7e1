/**
 * A deleted client taken out of the digest's stored pages (pure): its blocks become one neutral line, its name
 * leaves the opening's owner line, other clients stay exactly as they were; a page that would still name it is
 * replaced whole. Pages composed before every block of a client carried its id are cut too.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE } from '../../src/domain/catalogue.js';
import type { ClientWeekRows } from '../../src/domain/clientWeek.js';
import { holdsAnyId, namesAnyOf, stringsOf } from '../../src/domain/mentions.js';
import type { ClientProfile } from '../../src/domain/types.js';
import { composeDigest, DELETED_CLIENT_LINE, DELETED_PAGE_TEXT, digestPageWithout, type DigestPage } from '../../src/slack/blocks/digest.js';
import { context, section } from '../../src/slack/blocks/kit.js';
import { aClient, aClientWeek, daysAgo, evidenceOfRows, incident, NOW, observedTimes, selectFromRows } from '../support/builders.js';

const cat = DEFAULT_CATALOGUE;
const week = (client: ClientProfile, parts: Partial<ClientWeekRows> = {}): ClientWeekRows =>
  aClientWeek(client, { loggedThisWeek: { calls: 1, incidents: 0 }, ...parts });
const lying = { incidents: [incident('lying', daysAgo(2))] };
const compose = (weeks: ClientWeekRows[], overdueSteps: Parameters<typeof composeDigest>[3]['overdueSteps'] = []) =>
  composeDigest(cat, selectFromRows(cat, weeks, NOW), evidenceOfRows(cat, weeks, NOW), { timeZone: 'UTC', interactive: true, overdueSteps });
const step = (client: ClientProfile, what: string) => ({
  id: `s-${what}`,
  clientId: client.id,
  clientName: client.name,
  what,
  assigneeUserId: 'U0ALICE',
  dueOn: '2026-11-20',
  source: 'client' as const,
  createdBy: 'U0ALICE',
  createdAt: NOW,
  doneAt: null,
});
const json = (page: DigestPage | undefined) => JSON.stringify(page);

const leak = aClient({ id: 'c-leak', name: 'Leak İş Co', ownerUserId: 'U0ALICE', monthlyValue: 9000, renewsOn: '2027-01-10' });
const holdings = aClient({ id: 'c-holdings', name: 'Leak İş Co Holdings', ownerUserId: 'U0ALICE' });
const steady = aClient({ id: 'c-steady', name: 'Steady Ltd', ownerUserId: 'U0BOB', renewsOn: '2026-12-20' });
const leakErased = { id: leak.id, names: [leak.name] };
/** The page names Leak İş Co anywhere (its id, or its name standing alone, in any case). */
const namesLeak = (page: DigestPage) => {
  const name = namesAnyOf([leak.name], { standalone: true });
  return [page.text, ...stringsOf(page.blocks)].some((s) => s.includes(leak.id) || name(s));
};

describe('a deleted client taken out of a digest page', () => {
  const atRisk = { history: { observations: observedTimes('negative_attitude', 4, daysAgo(1)) } };
  const weeks = [week(leak, { ...lying, ...atRisk }), week(holdings, lying), week(steady, { ...lying, ...atRisk })];
  const [page] = compose(weeks, [step(leak, 'Collect the signed contract')]);

  it('replaces each run of its blocks (entry, renewal) with one neutral line and keeps everyone else’s blocks as they were', () => {
    expect(namesLeak(page!)).toBe(true);
    const cut = digestPageWithout(page!, leakErased)!;
    expect(namesLeak(cut)).toBe(false);
    expect(json(cut)).not.toContain('Collect the signed contract');
    expect(cut.clientIds).toEqual(page!.clientIds.filter((id) => id !== 'c-leak'));
    expect(cut.clientIds).toHaveLength(2);
    // One line where its entry was, one where its renewal was: each section still lists as many as it counts.
    expect(cut.blocks.filter((b) => JSON.stringify(b).includes(DELETED_CLIENT_LINE))).toHaveLength(2);
    const others = (p: DigestPage) => p.blocks.filter((b) => /c-(holdings|steady)/.test(b.block_id ?? ''));
    expect(others(cut)).toEqual(others(page!));
    expect(others(cut).length).toBeGreaterThan(5);
    // Its name left the owner line; the name it begins does not count as its own.
    expect(json(cut)).toContain('By owner: <@U0ALICE> 2: Leak İş Co Holdings · <@U0BOB> 1: Steady Ltd');
    // Cut once, there is nothing more to cut.
    expect(digestPageWithout(cut, leakErased)).toBeUndefined();
  });

  it('leaves a page that does not show it alone', () => {
    const [other] = compose([week(steady, lying)]);
    expect(digestPageWithout(other!, leakErased)).toBeUndefined();
  });

  it('takes the client out of the owner line whatever its place: alone, first, last, among the counted', () => {
    const owners = (line: string) => ({ text: 't', clientIds: [], blocks: [section(`*2 clients need a decision*\n${line}`)] });
    const ownerLine = (line: string) => (digestPageWithout(owners(line), leakErased)?.blocks[0] as { text: { text: string } } | undefined)?.text.text;
    expect(ownerLine('By owner: <@U0ALICE> Leak İş Co · <@U0BOB> Steady Ltd')).toBe('*2 clients need a decision*\nBy owner: <@U0BOB> Steady Ltd');
    expect(ownerLine('By owner: <@U0BOB> Steady Ltd · <@U0ALICE> Leak İş Co')).toBe('*2 clients need a decision*\nBy owner: <@U0BOB> Steady Ltd');
    expect(ownerLine('By owner: <@U0ALICE> Leak İş Co, A · _no owner_ B')).toBe('*2 clients need a decision*\nBy owner: <@U0ALICE> A · _no owner_ B');
    expect(ownerLine('By owner: <@U0ALICE> A, Leak İş Co')).toBe('*2 clients need a decision*\nBy owner: <@U0ALICE> A');
    expect(ownerLine('By owner: <@U0ALICE> 6: A, Leak İş Co, B, C, …')).toBe('*2 clients need a decision*\nBy owner: <@U0ALICE> 6: A, B, C, …');
    expect(ownerLine('By owner: <@U0ALICE> 2: Leak İş Co, A · <@U0BOB> 1: B · 3 more owners')).toBe(
      '*2 clients need a decision*\nBy owner: <@U0ALICE> 2: A · <@U0BOB> 1: B · 3 more owners',
    );
    expect(ownerLine('By owner: <@U0ALICE> 1: Leak İş Co · <@U0BOB> 1: B')).toBe('*2 clients need a decision*\nBy owner: <@U0BOB> 1: B');
    expect(ownerLine('By owner: <@U0ALICE> Leak İş Co')).toBe('*2 clients need a decision*');
    expect(ownerLine('By owner: <@U0ALICE> Leak İş Co Holdings')).toBeUndefined();
  });

  it('finds its blocks in pages composed before every block carried its id, and under a name it had before', () => {
    const renamed = aClient({ ...leak, name: 'Old Leak Name' });
    const [before] = compose([week(renamed, { ...lying, ...atRisk }), week(steady, lying)], [step(steady, 'Send the deck')]);
    const [overdueOnly] = compose([week(steady, lying)], [step(renamed, 'Collect the signed contract')]);
    // As composed then: only the entry's first block, its status line and its buttons carried the client's id.
    const old = (page: DigestPage): DigestPage => ({
      ...page,
      blocks: page.blocks.map((b) => (/^(week|renewal|overdue):/.test(b.block_id ?? '') ? { ...b, block_id: undefined } : b)),
    });
    const erased = { id: leak.id, names: [leak.name, 'Old Leak Name'] };
    for (const page of [old(before!), old(overdueOnly!)]) {
      expect(json(page)).toContain('Old Leak Name');
      const cut = digestPageWithout(page, erased)!;
      expect(json(cut)).not.toMatch(/Old Leak Name|c-leak|Collect the signed contract/);
      expect(json(cut)).toContain('*Steady Ltd*');
      expect(json(cut)).toContain(DELETED_CLIENT_LINE);
    }
  });

  it('replaces a page whole when, cut, it would still name the client (a shape it does not know)', () => {
    const odd: DigestPage = {
      text: 'Rapport digest',
      clientIds: [],
      blocks: [section('*Steady Ltd* · watch'), context('Compare: Leak İş Co, Steady Ltd')],
    };
    expect(digestPageWithout(odd, leakErased)).toEqual({ text: DELETED_PAGE_TEXT, blocks: [section(DELETED_PAGE_TEXT)], clientIds: [] });
    const byId: DigestPage = {
      ...odd,
      blocks: [
        section('*Steady Ltd*'),
        { type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'x' }, action_id: 'a', value: leak.id }] },
      ],
    };
    expect(digestPageWithout(byId, leakErased)?.text).toBe(DELETED_PAGE_TEXT);
  });
});

describe('what names a client in stored text', () => {
  it('finds its name however typed (case, Turkish İ/ı, escaped for mrkdwn or JSON), standing apart from other words', () => {
    const named = namesAnyOf(['Leak İş Co', 'A&B "Q"']);
    expect(named('/call LEAK İŞ CO +communication')).toBe(true);
    expect(named('{"name":"leak iş co"}')).toBe(true);
    expect(named('*A&amp;B "Q"* · VIP')).toBe(true);
    expect(named('{"name":"A&B \\"Q\\""}')).toBe(true);
    expect(named('leak iş company')).toBe(false);
    expect(named('Leak İş Co Holdings')).toBe(true);
    expect(namesAnyOf(['Leak İş Co'], { standalone: true })('*Leak İş Co Holdings*')).toBe(false);
    expect(namesAnyOf(['Leak İş Co'], { standalone: true })('By owner: <@U1> Leak İş Co · <@U2> X')).toBe(true);
  });

  it('finds any of a set of ids, in any case', () => {
    const held = holdsAnyId(new Set(['0b9e4a7c-1f4e-4b8a-9d2c-3e5f6a7b8c9d']));
    expect(held('keep:0B9E4A7C-1F4E-4B8A-9D2C-3E5F6A7B8C9D')).toBe(true);
    expect(held('keep:1b9e4a7c-1f4e-4b8a-9d2c-3e5f6a7b8c9d')).toBe(false);
  });
});
