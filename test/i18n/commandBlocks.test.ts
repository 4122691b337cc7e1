/**
 * The commands' builders for a reader, without Slack: a Persian list line keeps its name before its score, a
 * command with a name in it carries no direction marks inside its code span, and English reads as it always did.
 */
import { ENGLISH } from '../../src/i18n/reader.js';
import { describe, expect, it } from 'vitest';
import { clientLine, clientListBlocks } from '../../src/slack/blocks/clients.js';
import { helpMessage } from '../../src/slack/blocks/help.js';
import { DEFAULT_CATALOGUE } from '../../src/domain/catalogue.js';
import { readerIn } from '../../src/i18n/reader.js';
import type { ClientStanding } from '../../src/services/portfolio.js';
import { aClient } from '../support/builders.js';

const persian = readerIn('fa');
const standing = (name: string, score: number): ClientStanding => ({
  client: aClient({ name, category: 'vip', ownerUserId: 'U0ALICE' }),
  health: { known: true, score, band: score >= 70 ? 'healthy' : score < 40 ? 'at_risk' : 'watch', evidence: [] } as unknown as ClientStanding['health'],
  criteriaMet: 0,
  redFlags: 0,
});

describe('command builders for a reader', () => {
  it('fa: a list line starts right to left, its Latin name isolated and before its score, in Persian digits', () => {
    const line = clientLine(standing('Globex', 75), persian);
    expect(line.startsWith('\u200F')).toBe(true);
    const name = line.indexOf('\u2068Globex\u2069');
    expect(name).toBeGreaterThan(-1);
    expect(line.indexOf('۷۵')).toBeGreaterThan(name);
    expect(line).not.toMatch(/75/);
  });

  it('fa: every line of a list starts with a right-to-left mark', () => {
    const blocks = clientListBlocks([standing('Globex', 75), standing('شرکت پارس', 30)], 'همهٔ مشتریان', persian);
    const texts = JSON.stringify(blocks);
    expect(texts).toContain('\u200F');
    expect(texts).not.toContain('worst first');
  });

  it('en: lines read as before', () => {
    expect(clientLine(standing('Globex', 75), ENGLISH)).toBe('🟢 *Globex* 75 · VIP / critical · <@U0ALICE>');
  });

  it('help asked by a Turkish reader explains in Turkish and keeps the syntax', () => {
    const help = JSON.stringify(helpMessage('client', DEFAULT_CATALOGUE, readerIn('tr')));
    expect(help).toContain('`/client show <ad>` sağlık, 8 haftalık eğilim');
    expect(help).toContain('vip (VIP / kritik)');
  });
});
