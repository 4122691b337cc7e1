/**
 * Who reads which language, through the receiver: a person's own choice, else the workspace's, else Slack's
 * language for them when it is one of Rapport's, else English; the workspace's currency and a person's calendar.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { speaking } from '../support/languages.js';
import { scheduleOf } from '../../src/digest/run.js';
import { getWorkspace } from '../../src/db/queries/workspaces.js';
import * as schema from '../../src/db/schema/index.js';
import { TEST_DRIVERS } from '../support/database.js';
import { ADMIN, ALICE, BOB, TEAM, startHarness, textOf, type Harness } from '../support/slackHarness.js';

describe.each(TEST_DRIVERS)('the language Rapport speaks, on %s', (driver) => {
  let h: Harness;
  const say = async (actor: typeof ALICE, command: string, text: string) => textOf((await h.command(actor, command, text)).reply.params);

  beforeAll(async () => {
    h = await startHarness(driver);
    h.api.users.get('U0BOB')!.locale = 'tr-TR';
  });
  afterAll(() => h?.close());
  beforeEach(() => speaking(h));

  it('answers in Slack’s language for someone who chose none, when Rapport speaks it; English otherwise', async () => {
    expect(await say(BOB, '/rapport', 'settings me language klingon')).toContain('Rapport klingon dilini konuşmuyor');
    expect(await say(ALICE, '/rapport', 'settings me language klingon')).toContain('Rapport does not speak klingon');
  });

  it('a person’s own choice, typed in any language, takes effect on the next message; `default` clears it', async () => {
    const persian = await say(ALICE, '/rapport', 'settings me language فارسی');
    expect(persian).toContain('از این پس Rapport با شما به');
    expect(persian.startsWith('\u200F')).toBe(true);
    expect(await say(ALICE, '/rapport', 'settings me calendar nope')).toContain('تقویمی نیست');
    expect(await say(ALICE, '/rapport', 'settings me language SUOMI')).toContain('Tästä lähtien Rapport puhuu sinulle kieltä: suomi');
    expect(await say(ALICE, '/rapport', 'settings me language default')).toContain('Rapport speaks English to you');
  });

  it('the workspace’s language reaches everyone who chose none, over Slack’s; a person’s own choice stands', async () => {
    await say(ALICE, '/rapport', 'settings me language tr');
    expect(await say(ADMIN, '/rapport', 'settings language fi')).toContain('Tästä lähtien Rapport puhuu tässä työtilassa kieltä: suomi');
    expect(await say(BOB, '/rapport', 'settings me calendar nope')).toContain('ei ole kalenteri');
    expect(await say(ALICE, '/rapport', 'settings me calendar nope')).toContain('Rapport’un gösterdiği bir takvim değil');
    expect(await say(ALICE, '/rapport', 'settings language en')).toContain('Rapport’un ayarlarını yalnızca çalışma alanı yöneticileri değiştirebilir');
  });

  it('a workspace in Persian has its digest on Saturday unless an admin chose a day', async () => {
    await say(ADMIN, '/rapport', 'settings'); // the workspace exists from its first request
    await h.db.update(schema.workspaces).set({ digestDay: null });
    expect(scheduleOf((await getWorkspace(h.db, TEAM))!).day).toBe(1);
    await say(ADMIN, '/rapport', 'settings language fa');
    expect(scheduleOf((await getWorkspace(h.db, TEAM))!).day).toBe(6);
    await say(ADMIN, '/rapport', 'settings day wednesday');
    expect(scheduleOf((await getWorkspace(h.db, TEAM))!).day).toBe(3);
  });

  it('money is shown in the workspace’s currency, as the reader writes numbers; an unknown code is refused', async () => {
    await say(ALICE, '/rapport', 'settings me language tr');
    expect(await say(ADMIN, '/rapport', 'settings currency xyz')).toContain('xyz is not a currency code');
    expect(await say(ADMIN, '/rapport', 'settings currency try')).toContain('From now on money is shown in TRY: TRY');
    expect(await say(ALICE, '/rapport', 'settings me calendar persian')).toContain('Hicri Şemsi takvimle');
    expect((await getWorkspace(h.db, TEAM))!.currency).toBe('TRY');
    expect(await say(ADMIN, '/rapport', 'settings currency none')).toContain('as plain numbers');
  });
});
