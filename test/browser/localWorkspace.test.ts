/**
 * The local workspace in a real browser: the app started as `npm start` starts it (no Slack credentials, a
 * fresh embedded database), driven through the page like a newcomer would. Needs Debian's Chromium
 * (.ci/run installs it); without it the test is skipped with a note.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = new URL('../artifacts/', import.meta.url);
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`browser test skipped: ${CHROMIUM} is missing (apt-get install chromium; .ci/run does)`);

describe.skipIf(!hasChromium)('local workspace in the browser', () => {
  let app: ChildProcess;
  let browser: Browser;
  let page: Page;
  let url: string;
  const dataDir = mkdtempSync(join(tmpdir(), 'rapport-local-'));

  beforeAll(async () => {
    const port = 40_000 + Math.floor(Math.random() * 20_000);
    app = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: new URL('../..', import.meta.url).pathname,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    url = await new Promise<string>((resolve, reject) => {
      let log = '';
      const timer = setTimeout(() => reject(new Error(`app did not start:\n${log}`)), 60_000);
      const read = (chunk: Buffer) => {
        log += chunk.toString();
        const m = /Rapport is ready: open (\S+)/.exec(log);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      };
      app.stdout!.on('data', read);
      app.stderr!.on('data', read);
      app.on('exit', (code) => reject(new Error(`app exited with ${code}:\n${log}`)));
    });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(url);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    if (app && app.exitCode === null) {
      const exited = new Promise((resolve) => app.once('exit', resolve));
      app.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  const composer = async (text: string) => {
    await page.getByTestId('composer').fill(text);
    await page.getByTestId('composer').press('Enter');
  };
  const pane = () => page.getByTestId('pane');

  it('logs a call and an incident from the composer, fills a modal, posts the digest and decides from it', async () => {
    await page.getByTestId('seed').click();
    await expect.poll(() => page.locator('#notice').textContent(), { timeout: 60_000 }).toContain('Loaded 30 clients');

    await composer('/call globex +communication -reporting Weekly sync, still no usage data');
    await pane().getByText('Weekly sync, still no usage data').waitFor();
    expect(await pane().textContent()).toContain('Call with Globex');

    await composer('/incident initech lie Said the export was sent');
    await pane().getByText('Incident for Initech').waitFor();

    await composer('/call');
    const modal = page.getByTestId('modal');
    await modal.getByText('Log a call').waitFor();
    await modal.locator('[data-role=search]').fill('hooli');
    await expect.poll(() => modal.locator('[data-role=choice] option').allTextContents()).toEqual(['Hooli']);
    await modal.getByLabel('Positive attitude').check();
    await modal.locator('.input[data-block=notes] textarea').fill('Logged through the form');
    await page.getByTestId('modal-submit').click();
    await pane().getByText('Logged through the form').waitFor();
    expect(await modal.isVisible()).toBe(false);

    await page.getByTestId('post-digest').click();
    await pane().getByText('Meet firing criteria').first().waitFor();
    // Dana owns Initech: decide from the digest, and the message updates in place.
    const initechActions = page.locator("xpath=//div[contains(@class,'section')][.//b[text()='Initech']]/following-sibling::div[contains(@class,'actions')][1]");
    await initechActions.locator('select').selectOption({ label: 'Decide: require full prepayment' });
    await pane().getByText('Full prepayment required by @dana').waitFor();

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: new URL('local-workspace.png', ARTIFACTS).pathname, fullPage: false });
  }, 120_000);
});
