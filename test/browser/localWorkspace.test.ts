/**
 * The local workspace in a real browser: the app started as `npm start` starts it (no Slack credentials, a
 * fresh embedded database), driven through the page like a newcomer would. Needs Debian's Chromium
 * (.ci/run installs it); without it the test is skipped with a note.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { builtEntry } from '../support/built.js';

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
    app = spawn(process.execPath, [builtEntry('main')], {
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
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
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

  // A test that failed with a form open must not leave it over the next test's page.
  afterEach(async () => {
    if (await modal().isVisible()) await modal().locator('[data-role=cancel]').click();
  });

  const composer = async (text: string) => {
    await page.getByTestId('composer').fill(text);
    await page.getByTestId('composer').press('Enter');
  };
  const pane = () => page.getByTestId('pane');
  const modal = () => page.getByTestId('modal');
  /** Switches the page's user and waits for that user's view (the next state the page loads). */
  const asUser = async (id: string) => {
    if ((await page.getByTestId('user-select').inputValue()) === id) return;
    const loaded = page.waitForResponse((r) => r.url().includes(`/local/state?user=${id}`));
    await page.getByTestId('user-select').selectOption(id);
    await loaded;
  };
  const messages = () => pane().getByTestId('message');
  /**
   * Sends a command and waits until something answers it (a new message, a form, or the page's notice) and the
   * page settles; returns everything that arrived, so a slow answer is never mistaken for another's.
   */
  const run = async (text: string): Promise<string> => {
    const before = await messages().count();
    await page.locator('#notice').evaluate((n) => (n.textContent = ''));
    await composer(text);
    await expect
      // Generous: on a busy CI machine the first command on a freshly loaded demo once took over 30 s.
      .poll(async () => (await messages().count()) > before || (await modal().isVisible()) || !!(await page.locator('#notice').textContent()), {
        timeout: 90_000,
      })
      .toBe(true);
    if (await modal().isVisible()) return `modal: ${await modal().locator('.modal-title').textContent()}`;
    for (let settled = await messages().count(), i = 0; i < 20; i++) {
      await page.waitForTimeout(150);
      const now = await messages().count();
      if (now === settled) break;
      settled = now;
    }
    const notice = (await page.locator('#notice').textContent()) ?? '';
    const arrived = await messages().evaluateAll((nodes, from) => nodes.slice(from).map((n) => n.textContent ?? ''), before);
    return [notice, ...arrived].filter(Boolean).join('\n');
  };

  /** The demo portfolio, loaded once whichever test runs first (each test stands alone). */
  const withDemo = async () => {
    await asUser('U0DANA');
    await page.getByTestId('seed').click();
    await expect.poll(() => page.locator('#notice').textContent(), { timeout: 60_000 }).toMatch(/Loaded 30 clients|already has clients/);
  };

  it('logs a call and an incident from the composer, fills a modal, posts the digest and decides from it', async () => {
    await withDemo();

    expect(await run('/call globex +communication -reporting Weekly sync, still no usage data')).toContain('Call with Globex');
    expect(await run('/incident initech lie Said the export was sent')).toContain('Incident for Initech');

    await composer('/call');
    await modal().getByText('Log a call').waitFor();
    // No client is picked until the person picks one.
    await expect.poll(() => modal().locator('[data-role=choice]').inputValue()).toBe('');
    await modal().locator('[data-role=search]').fill('hooli');
    await expect.poll(() => modal().locator('[data-role=choice] option').allTextContents()).toEqual(['Choose…', 'Hooli']);
    await page.getByTestId('modal-submit').click();
    await expect.poll(() => modal().locator('.input[data-block=client] .error').textContent()).toContain('Pick a client');
    await modal().locator('[data-role=choice]').selectOption({ label: 'Hooli' });
    await modal().getByLabel('Positive attitude').check();
    await modal().locator('.input[data-block=notes] textarea').fill('Logged through the form');
    await page.getByTestId('modal-submit').click();
    await pane().getByText('Logged through the form').last().waitFor();
    expect(await modal().isVisible()).toBe(false);

    // Posting the digest is `/rapport digest now`: Dana (not an admin) is refused as the command would refuse her.
    await page.getByTestId('post-digest').click();
    await pane().getByText('Only workspace admins can post the digest by hand').last().waitFor();
    await asUser('U0ADMIN');
    await page.getByTestId('post-digest').click();
    await pane().getByText('Meet firing criteria').last().waitFor();
    await asUser('U0DANA');
    // Dana owns Initech: decide from the digest, said before it is done, and the message updates in place.
    const initechActions = page.locator(
      "xpath=//div[contains(@class,'section')][.//b[text()='Initech']]/following-sibling::div[contains(@class,'actions')][1]",
    );
    await initechActions.locator('select').selectOption({ label: 'Decide: require full prepayment' });
    await modal().getByText('status becomes').waitFor();
    await page.getByTestId('modal-submit').click();
    await pane().getByText('Full prepayment required by @dana').last().waitFor();

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: new URL('local-workspace.png', ARTIFACTS).pathname, fullPage: false });
  }, 120_000);

  it('logs a channel message with “Log to Rapport”, and ticks a next step off the to-do list', async () => {
    await withDemo();
    await asUser('U0DANA');
    await composer('Globex says the invoice will be paid next month, again');
    const said = pane().getByTestId('message').filter({ hasText: 'Globex says the invoice' }).last();
    await said.waitFor();
    await said.getByTestId('log-to-rapport').click();
    await modal().getByText('Log a call').waitFor();
    await expect.poll(() => modal().locator('.input[data-block=notes] textarea').inputValue()).toContain('Globex says the invoice will be paid next month');
    // The same message as an incident: what was typed carries over.
    await modal().getByText('Log it as an incident instead').click();
    await modal().getByText('Log an incident').waitFor();
    await expect.poll(() => modal().locator('.input[data-block=description] textarea').inputValue()).toContain('Globex says the invoice');
    await modal().locator('[data-role=search]').fill('globex');
    await expect.poll(() => modal().locator('[data-role=choice] option').allTextContents()).toContain('Globex');
    await modal().locator('[data-role=choice]').selectOption({ label: 'Globex' });
    await modal().locator('.input[data-block=kind] select').selectOption({ label: '3. 🚩 Lying' });
    await page.getByTestId('modal-submit').click();
    await pane().getByText('Incident for Globex').last().waitFor();

    // The demo gave Dana next steps, some overdue: the to-do list has them, and Done takes one off.
    const todo = await run('/rapport todo');
    expect(todo).toContain('Your next steps');
    expect(todo).toContain('overdue');
    const list = pane().getByTestId('message').filter({ hasText: 'Your next steps' }).last();
    const first = (await list.locator('.section b').first().textContent()) ?? '';
    await list.getByRole('button', { name: 'Done' }).first().click();
    await pane().getByText(`✅ Done: ${first}`).last().waitFor();
  }, 120_000);

  it('keeps the composer in view and the newest message in sight after many commands', async () => {
    await withDemo();
    for (let i = 0; i < 10; i++) await run('/client show globex');
    const box = await page.getByTestId('composer').boundingBox();
    expect(box && box.y + box.height).toBeLessThanOrEqual(900);
    await expect.poll(() => pane().evaluate((p) => p.scrollHeight - p.scrollTop - p.clientHeight)).toBeLessThan(30);
    expect(await page.evaluate(() => (globalThis as any).document.scrollingElement.scrollTop)).toBe(0);
  }, 60_000);

  it('Esc closes a form for good; @names and #channels become mentions; an unknown command is answered at once', async () => {
    await withDemo();
    await run('/call');
    await page.keyboard.press('Escape');
    await expect.poll(() => modal().isVisible()).toBe(false);
    await run('/client show globex'); // a refresh of the page's state: the form stays closed
    expect(await modal().isVisible()).toBe(false);

    expect(await run('/client add Zeta Labs @dana')).toContain('owner @dana');
    const started = Date.now();
    expect(await run('/foo bar')).toContain('/foo is not a command here');
    expect(Date.now() - started).toBeLessThan(2500);
  }, 60_000);

  it('installs Rapport in the second workspace with "Add to Slack", then its commands answer there', async () => {
    await asUser('U0OTTO');
    await expect.poll(() => page.getByTestId('not-installed').textContent()).toContain('Rapport is not installed in Second Workspace');
    expect(await page.getByTestId('composer').isDisabled()).toBe(true);
    await page.getByTestId('add-to-slack').click();
    // Slack's installer's page (@slack/oauth), then the stand-in's "Allow", then back to the page.
    await page.locator('a[href*="/oauth/v2/authorize"]').click();
    await page.getByTestId('install-workspace').selectOption('T0SECOND.U0OTTO');
    await page.getByTestId('allow').click();
    await expect.poll(() => page.locator('#notice').textContent(), { timeout: 10_000 }).toContain('Rapport is installed');
    expect(await run('/client add Otto Industries')).toContain('Otto Industries added');
  });

  it('runs every example of the README, verbatim, on the demo portfolio', async () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const examples = [...readme.matchAll(/`(\/(?:call|incident|client|rapport)(?: [^`]*)?)`/g)].map((m) => m[1]!).filter((e) => !/[[<|…]/.test(e));
    expect(examples.length).toBeGreaterThan(12);
    await withDemo();
    await asUser('U0ADMIN');
    const failures: string[] = [];
    for (const example of examples) {
      const answer = await run(example).catch((error: Error) => `no answer (${error.message.split('\n')[0]})`);
      if (answer.startsWith('modal:')) {
        await page.keyboard.press('Escape');
        await expect.poll(() => modal().isVisible()).toBe(false);
        continue;
      }
      if (/no answer|No client called|I don't know|is not a|is not something|Usage:|Sorry|went wrong|not a command/.test(answer))
        failures.push(`${example} → ${answer.slice(0, 200)}`);
    }
    expect(failures).toEqual([]);
    await asUser('U0DANA');
  }, 400_000);
});
