/**
 * Where the digest's pictures go among its pages (pure): a page of them opens the thread, the channel's message
 * says they are there and counts them among the thread's messages, each client's picture carries the client's id
 * (an erasure takes it out), a button's rewrite keeps them, and Slack's limits hold.
 */
import { describe, expect, it } from 'vitest';
import type { ImageBlock } from '@slack/types';
import { DEFAULT_CATALOGUE } from '../../src/domain/catalogue.js';
import type { ClientWeekRows } from '../../src/domain/clientWeek.js';
import type { ClientProfile } from '../../src/domain/types.js';
import { composeDigest, digestPageWithout, withClientStatus, type DigestPictures } from '../../src/slack/blocks/digest.js';
import { aClient, aClientWeek, daysAgo, evidenceOfRows, incident, NOW, observedTimes, selectFromRows } from '../support/builders.js';

const cat = DEFAULT_CATALOGUE;
const week = (client: ClientProfile, parts: Partial<ClientWeekRows> = {}): ClientWeekRows =>
  aClientWeek(client, { loggedThisWeek: { calls: 1, incidents: 0 }, ...parts });
const compose = (weeks: ClientWeekRows[], pictures?: DigestPictures) =>
  composeDigest(cat, selectFromRows(cat, weeks, NOW), evidenceOfRows(cat, weeks, NOW), {
    timeZone: 'UTC',
    interactive: true,
    ...(pictures ? { pictures } : {}),
  });
const image = (id: string, alt: string): ImageBlock => ({ type: 'image', slack_file: { id }, alt_text: alt, title: { type: 'plain_text', text: alt } });
const allText = (blocks: unknown[]) => JSON.stringify(blocks);

const SOUR = aClient({ id: 'c-sour', name: 'Sour Co' });
const LIAR = aClient({ id: 'c-liar', name: 'Liar Co', monthlyValue: 4000 });
const WEEKS = [
  week(LIAR, { incidents: [incident('lying', daysAgo(2))] }),
  week(SOUR, { history: { observations: observedTimes('negative_attitude', 3, daysAgo(1)) } }),
];
const PICTURES: DigestPictures = {
  weeks: 12,
  portfolio: [
    { block: image('F0BANDS', 'Clients by health band'), line: 'Clients by health band' },
    { block: image('F0MONEY', 'Monthly value at risk'), line: 'Monthly value at risk' },
  ],
  clients: [{ clientId: 'c-sour', block: image('F0SOUR', 'Health of Sour Co'), line: 'Health of Sour Co' }],
  fell: 1,
};

describe('the digest’s pictures among its pages', () => {
  it('open the thread, the channel’s message saying so; their words are the page’s text', () => {
    const pages = compose(WEEKS, PICTURES);
    expect(pages).toHaveLength(2);
    const [first, pictures] = pages;
    expect(allText(first!.blocks)).toContain(
      'In the thread: health bands and monthly value at risk over the last 12 weeks, and the health of 1 client that fell.',
    );
    expect(pictures!.blocks.filter((b) => b.type === 'image').map((b) => (b as { slack_file?: unknown }).slack_file)).toEqual([
      { id: 'F0BANDS' },
      { id: 'F0MONEY' },
      { id: 'F0SOUR' },
    ]);
    expect(pictures!.blocks.find((b) => b.type === 'image' && b.block_id === 'chart:c-sour')).toBeDefined();
    expect(pictures!.text).toContain('Rapport digest — 16 Nov to 23 Nov: the portfolio in pictures');
    expect(pictures!.text).toContain('The health of 1 client that fell over the last weeks');
    expect(pictures!.text).not.toContain('Sour Co');
    expect(allText(pictures!.blocks)).toContain('Each week is counted by this digest’s rules; monthly values are as they are now.');
  });

  it('say when only the first clients that fell are pictured, and keep within Slack’s limits', () => {
    const clients = Array.from({ length: 10 }, (_, i) => ({ clientId: `c${i}`, block: image(`F${i}`, 'x'.repeat(300)), line: `Client ${i}` }));
    const [, pictures] = compose(WEEKS, { ...PICTURES, clients, fell: 50 });
    expect(allText(pictures!.blocks)).toContain('Pictures of the first 10 of the 50 clients that fell; the others are in the digest’s text.');
    expect(pictures!.blocks.length).toBeLessThanOrEqual(50);
    expect(allText(pictures!.blocks).length).toBeLessThan(11_000);
  });

  it('count among the thread’s messages when the text continues there too', () => {
    const many = Array.from({ length: 40 }, (_, i) => week(aClient({ id: `c${i}`, name: `Client ${i}` }), { incidents: [incident('lying', daysAgo(2))] }));
    const without = compose(many);
    const pages = compose(many, PICTURES);
    expect(pages).toHaveLength(without.length + 1);
    expect(allText(pages[0]!.blocks)).toContain(`40 clients: continued in the thread (${pages.length - 1} more messages)`);
    expect(pages[1]!.text).toContain('the portfolio in pictures');
    expect(pages.every((p) => p.blocks.length <= 50)).toBe(true);
  });

  it('leave no trace of themselves when none could be uploaded, and none in a quiet week', () => {
    expect(compose(WEEKS, { ...PICTURES, portfolio: [], clients: [] })).toEqual(compose(WEEKS));
    expect(compose([week(aClient())], PICTURES)).toHaveLength(1);
  });

  it('stay when a button rewrites a page, and an erased client’s picture leaves with it', () => {
    const [, pictures] = compose(WEEKS, PICTURES);
    expect(withClientStatus(pictures!.blocks, 'c-sour', 'Acknowledged')).toEqual(pictures!.blocks);
    const erased = digestPageWithout(pictures!, { id: 'c-sour', names: ['Sour Co'] });
    expect(erased).toBeDefined();
    expect(allText(erased!.blocks)).not.toContain('F0SOUR');
    expect(erased!.blocks.filter((b) => b.type === 'image')).toHaveLength(2);
    expect(erased!.text).toBe(pictures!.text);
  });
});
