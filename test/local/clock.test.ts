/**
 * The local page's clock: "Jump to next Monday 09:00" and "+1 day" move the app's time in one local workspace
 * only, and what falls due then (the scheduled digest) is done at once, there and nowhere else.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/client.js';
import { DAY_MS } from '../../src/domain/types.js';
import { silentLogger } from '../../src/log.js';
import { startLocalWorkspace, type LocalRun } from '../../src/local/startLocal.js';
import { openTestDatabase } from '../support/database.js';
import { pageClient, type PageClient } from './pageClient.js';

/** Rapport's own messages in the channel everyone sees (the digest), not people's nor anyone's ephemeral answers. */
const rapportPosts = (s: any): any[] => s.channel.filter((m: any) => !m.user && !m.for);

/** The weekday and time an instant is in a time zone. */
const wallClock = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'long', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));

describe('the local page’s clock, one workspace at a time', () => {
  let handle: DatabaseHandle;
  let local: LocalRun;
  let page: PageClient;
  /** Each workspace's clock as the page first shows it (tests run in any order, and some move it). */
  const initial: Record<string, any> = {};

  /** An admin sets the channel the digest goes to, and a client to put in it. */
  const readyForDigest = async (admin: string, channel: string, client: string) => {
    await page.post('/local/command', { user: admin, text: `/rapport settings channel #${channel}` });
    await page.post('/local/command', { user: admin, text: `/client add ${client}` });
    await page.until(
      () => page.state(admin),
      (s: any) => s.channel.some((m: any) => m.text.includes(`Client ${client} added.`)) && s.channel.some((m: any) => m.text.includes('Saved')),
    );
  };

  beforeAll(async () => {
    handle = await openTestDatabase('pglite');
    local = await startLocalWorkspace(handle, silentLogger, 0);
    page = pageClient(local.url);
    await page.installSecondWorkspace('U0OTTO');
    await readyForDigest('U0ADMIN', 'account-health', 'Kiwi Co');
    await readyForDigest('U0OTTO', 'general', 'Otto Industries');
    for (const user of ['U0ADMIN', 'U0OTTO']) initial[user] = { ...(await page.state(user)).clock, readAt: Date.now() };
  }, 60_000);
  afterAll(async () => {
    await local?.stop();
    await handle?.close();
  });

  it('shows each workspace’s app time, real until moved', async () => {
    for (const user of ['U0ADMIN', 'U0OTTO']) {
      const clock = initial[user];
      expect(clock.moved).toBe(false);
      expect(Math.abs(Date.parse(clock.now) - clock.readAt)).toBeLessThan(60_000);
      expect(clock.timeZone).toBe('UTC');
    }
  });

  it('"Jump to next Monday 09:00" posts that workspace’s digest to its channel, and not the other’s; "+1 day" moves a day', async () => {
    const before = { acme: rapportPosts(await page.state('U0ADMIN')).length, second: rapportPosts(await page.state('U0OTTO')).length };
    const jumped = await page.post('/local/clock', { user: 'U0ADMIN', move: 'monday' });
    const acme = await page.state('U0ADMIN');
    expect(acme.clock.moved).toBe(true);
    expect(wallClock(jumped.now, acme.clock.timeZone)).toBe('Monday 09:00');
    expect(Date.parse(jumped.now)).toBeGreaterThan(Date.now());
    expect(Date.parse(jumped.now) - Date.now()).toBeLessThanOrEqual(7 * DAY_MS);
    // The digest of Acme Agency is in #account-health by the time the page is answered.
    const digest = rapportPosts(acme).slice(before.acme);
    expect(digest.length).toBeGreaterThan(0);
    expect(digest[0].text).toContain('Rapport digest');

    // Second Workspace kept its time and posted nothing.
    const second = await page.state('U0OTTO');
    expect(second.clock.moved).toBe(false);
    expect(Math.abs(Date.parse(second.clock.now) - Date.now())).toBeLessThan(60_000);
    expect(rapportPosts(second).length).toBe(before.second);

    const dayLater = await page.post('/local/clock', { user: 'U0ADMIN', move: 'day' });
    expect(wallClock(dayLater.now, acme.clock.timeZone)).toBe('Tuesday 09:00');
    // Its week's digest is posted once, whatever the clock does within the week.
    expect(rapportPosts(await page.state('U0ADMIN')).length).toBe(rapportPosts(acme).length);
  }, 60_000);

  it('a command answered after the jump works at the workspace’s new time', async () => {
    await page.post('/local/clock', { user: 'U0ADMIN', move: 'day' });
    const { clock } = await page.state('U0ADMIN');
    await page.post('/local/command', { user: 'U0ADMIN', text: '/call kiwi +communication Checked in after the jump' });
    const logged = await page.until(
      () => page.state('U0ADMIN'),
      (s: any) => s.channel.some((m: any) => m.for === 'U0ADMIN' && m.text.includes('Call with Kiwi Co')),
    );
    const day = new Intl.DateTimeFormat('en-GB', { timeZone: clock.timeZone, day: 'numeric', month: 'short' }).format(new Date(clock.now));
    expect(JSON.stringify(logged.channel.filter((m: any) => m.text.includes('Call with Kiwi Co')))).toContain(day);
  }, 30_000);
});
