/**
 * The local workspace page in Persian, in a real browser: the language switch turns the page right to left with
 * its own words in Persian, the demo loads in Persian in one click, and the digest it shows is screenshotted
 * (test/artifacts/local-workspace-fa.png). Needs Debian's Chromium and playwright-core (.ci/run installs both);
 * without either the test is skipped with a note.
 */
import { existsSync, mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/client.js';
import { silentLogger } from '../../src/log.js';
import { startLocalWorkspace, type LocalRun } from '../../src/local/startLocal.js';
import { openTestDatabase } from '../support/database.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = new URL('../artifacts/', import.meta.url);
const playwright = await import('playwright-core').catch(() => undefined);
const missing = !existsSync(CHROMIUM)
  ? `${CHROMIUM} is missing (apt-get install chromium; .ci/run does)`
  : !playwright
    ? 'playwright-core is not installed'
    : undefined;
if (missing) console.warn(`right-to-left browser test skipped: ${missing}`);

describe.skipIf(!!missing)('the local workspace page in Persian, in the browser', () => {
  let handle: DatabaseHandle;
  let local: LocalRun;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    handle = await openTestDatabase('pglite');
    local = await startLocalWorkspace(handle, silentLogger, 0);
    browser = await playwright!.chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(local.url);
    await page.waitForFunction(() => (globalThis as any).document.querySelectorAll('#language-select option').length === 4, undefined, { timeout: 30_000 });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await local?.stop();
    await handle?.close();
  });

  const html = () => page.locator('html');
  /** What is shown, without the invisible direction marks Persian lines carry (they matter to Slack, not to the eye). */
  const shown = async (locator: { textContent(): Promise<string | null> }) => ((await locator.textContent()) ?? '').replace(/[\u200e\u200f\u2068\u2069]/g, '');
  const pane = () => page.getByTestId('pane');
  const asUser = async (id: string) => {
    const loaded = page.waitForResponse((r) => r.url().includes(`/local/state?user=${id}`));
    await page.getByTestId('user-select').selectOption(id);
    await loaded;
  };

  it('switches to فارسی: right to left, its own words in Persian, Rapport answering in Persian; the Persian demo’s digest reads right to left', async () => {
    await asUser('U0ADMIN');
    expect(await html().getAttribute('dir')).toBe('ltr');
    expect(await shown(page.getByTestId('seed'))).toBe('Load demo portfolio');

    await page.getByTestId('language-select').selectOption('fa');
    await expect.poll(() => html().getAttribute('dir'), { timeout: 30_000 }).toBe('rtl');
    expect(await html().getAttribute('lang')).toBe('fa');
    // The page's own words, from the catalogue: no English left in its chrome.
    expect(await shown(page.getByTestId('seed'))).toBe('بارگذاری سبد نمونه');
    expect(await shown(page.getByTestId('post-digest'))).toBe('انتشار گزارش هفتگی همین حالا');
    expect(await shown(page.locator('#tab-home'))).toBe('Rapport · خانه');
    expect((await page.getByTestId('composer').getAttribute('placeholder'))?.replace(/[\u200e\u200f\u2068\u2069]/g, '')).toContain('جلسه هفتگی');
    expect(await shown(page.locator('.hint').first())).toContain('هر چیز دیگری پیامی در کانال است');
    expect((await page.title()).replace(/[\u200e\u200f\u2068\u2069]/g, '')).toBe('Rapport — فضای کاری محلی');
    // Rapport itself says so, in Persian (the switch is `/rapport settings me language fa`).
    await pane().getByText('از این پس Rapport با شما به', { exact: false }).last().waitFor({ timeout: 30_000 });

    // One click: the Persian demo, and the workspace speaks Persian.
    await page.getByTestId('seed').click();
    await expect.poll(() => page.locator('#notice').textContent(), { timeout: 180_000 }).toContain('بارگذاری شد');
    await page.getByTestId('post-digest').click();
    const digest = pane()
      .getByTestId('message')
      .filter({ hasText: 'شرکت پارس' })
      .filter({ hasNot: page.locator('.meta:not(:empty)') })
      .last();
    await digest.waitFor({ timeout: 60_000 });
    // Each part of a message lays itself out by its own words: Persian right to left, Latin names kept readable.
    // Polled: the page redraws its messages as its state refreshes, and a detached node has no computed style.
    await expect
      .poll(() =>
        digest
          .locator(':is(.block.section > div:not(.fields), .block .fields > div)', { hasText: 'شرکت پارس' })
          .first()
          .evaluate((n) => (globalThis as any).getComputedStyle(n).unicodeBidi),
      )
      .toBe('plaintext');
    await expect.poll(() => digest.evaluate((n) => (globalThis as any).getComputedStyle(n).direction)).toBe('rtl');

    mkdirSync(ARTIFACTS, { recursive: true });
    await digest.scrollIntoViewIfNeeded();
    await page.screenshot({ path: new URL('local-workspace-fa.png', ARTIFACTS).pathname, fullPage: false });

    // Dana chose no language: she reads the workspace's, Persian now, right to left too.
    await asUser('U0DANA');
    await expect.poll(() => html().getAttribute('dir')).toBe('rtl');
    expect(await shown(page.getByTestId('seed'))).toBe('بارگذاری سبد نمونه');
  }, 300_000);
});
