/** The demo portfolio in each language: the same stories, told with the names and words of that country's teams. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/client.js';
import { listClients } from '../../src/db/queries/clients.js';
import { openNextSteps } from '../../src/db/queries/nextSteps.js';
import { getWorkspace } from '../../src/db/queries/workspaces.js';
import { inWorkspace } from '../../src/db/workspaceScope.js';
import { LOCALES } from '../../src/i18n/locales.js';
import { seedDemoPortfolio, type DemoLoaded } from '../../src/local/demoSeed.js';
import { DEMO_TEXTS, demoLanguage } from '../../src/local/demoTexts.js';
import { openTestDatabase } from '../support/database.js';

const NOW = new Date('2026-11-25T10:00:00Z');

describe('the demo portfolio’s words', () => {
  it('has, in every language, thirty distinct client names and every story’s words', () => {
    for (const locale of LOCALES) {
      const texts = DEMO_TEXTS[locale];
      expect(texts.clients, locale).toHaveLength(30);
      expect(new Set(texts.clients.map((n) => n.toLocaleLowerCase())).size, locale).toBe(30);
      expect(texts.notes.length, locale).toBeGreaterThan(3);
      for (const text of [...Object.values(texts.nextSteps), texts.liar, ...texts.latePayer, ...texts.disputes, texts.competitor.note])
        expect(text, locale).not.toBe('');
    }
    // Each language's words are its own, not the English ones left in.
    for (const locale of ['tr', 'fa', 'fi'] as const) {
      expect(
        DEMO_TEXTS[locale].clients.filter((n) => DEMO_TEXTS.en.clients.includes(n)),
        locale,
      ).toEqual([]);
      expect(
        DEMO_TEXTS[locale].notes.filter((n) => DEMO_TEXTS.en.notes.includes(n)),
        locale,
      ).toEqual([]);
    }
    expect(DEMO_TEXTS.fa.clients.every((n) => /[\u0600-\u06FF]/.test(n))).toBe(true);
  });

  it('`npm run demo:seed -- tr` names its language by code or by name, English when none is given', () => {
    expect(demoLanguage(undefined)).toBe('en');
    expect(demoLanguage('tr')).toBe('tr');
    expect(demoLanguage('--fa')).toBe('fa');
    expect(demoLanguage('Suomi')).toBe('fi');
    expect(demoLanguage('türkçe')).toBe('tr');
    expect(demoLanguage('klingon')).toBeUndefined();
  });
});

describe('loading the demo portfolio in Turkish, Persian and Finnish', () => {
  let handle: DatabaseHandle;
  const loaded: Record<string, DemoLoaded> = {};
  const people = (teamId: string) => ({ teamId, channelId: 'C0DEMO', owners: ['U0DANA', 'U0SAM'], admin: 'U0ADMIN' });

  beforeAll(async () => {
    handle = await openTestDatabase('pglite');
    // One after the other: a busy machine has two cores for everyone.
    loaded.tr = await seedDemoPortfolio(handle.db, people('T0TURKIYE'), NOW, 'tr');
    loaded.fa = await seedDemoPortfolio(handle.db, people('T0IRAN'), NOW, 'fa');
    loaded.fi = await seedDemoPortfolio(handle.db, people('T0SUOMI'), NOW, 'fi');
  }, 240_000);
  afterAll(async () => {
    await handle?.close();
  });

  const read = (teamId: string) =>
    inWorkspace(teamId, async () => ({
      clients: await listClients(handle.db, { teamId, filter: { includeExited: true } }),
      steps: await openNextSteps(handle.db, { teamId, of: {} }),
      workspace: (await getWorkspace(handle.db, teamId))!,
    }));

  it('gives Turkish clients, next steps in Turkish, and a workspace that speaks Turkish in lira', async () => {
    const { clients, steps, workspace } = await read('T0TURKIYE');
    const names = clients.map((c) => c.name);
    expect(names).toHaveLength(30);
    expect(names).toEqual(expect.arrayContaining(['Ostim Makine', 'Anadolu Gıda', 'Işık Elektronik', 'Personel - Ayşe Yılmaz']));
    expect(steps.map((s) => s.what)).toContain('Bir durum görüşmesi ayarla');
    expect(workspace).toMatchObject({ language: 'tr', currency: 'TRY', timeZone: 'Europe/Istanbul', digestChannelId: 'C0DEMO' });
    expect(clients.find((c) => c.name === 'Ostim Makine')!.monthlyValue).toBe(2400 * 40);
  });

  it('gives Persian clients and a workspace that speaks Persian in rials', async () => {
    const { clients, steps, workspace } = await read('T0IRAN');
    expect(clients.map((c) => c.name)).toEqual(expect.arrayContaining(['شرکت پارس', 'صنایع غذایی البرز', 'کارمند - مریم احمدی']));
    expect(steps.map((s) => s.what)).toContain('یک تماس پیگیری تنظیم کن');
    expect(workspace).toMatchObject({ language: 'fa', currency: 'IRR', timeZone: 'Asia/Tehran' });
  });

  it('gives Finnish clients and a workspace that speaks Finnish in euros', async () => {
    const { clients, workspace } = await read('T0SUOMI');
    expect(clients.map((c) => c.name)).toEqual(expect.arrayContaining(['Kuopion Konepaja Oy', 'Putki-Pekka Tmi', 'Henkilöstö - Aino Virtanen']));
    expect(workspace).toMatchObject({ language: 'fi', currency: 'EUR', timeZone: 'Europe/Helsinki' });
  });

  it('tells the same stories in every language, the same way each time (seeded)', () => {
    expect(loaded.fa).toEqual(loaded.tr);
    expect(loaded.fi).toEqual(loaded.tr);
    expect(loaded.tr).toMatchObject({ clients: 30, nextSteps: 5 });
  });
});
