import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/client.js';
import { silentLogger } from '../../src/log.js';
import { startLocalWorkspace, type LocalRun } from '../../src/local/startLocal.js';
import { openTestDatabase } from '../support/database.js';
import { pageClient, type PageClient } from './pageClient.js';

describe('local workspace server (no browser)', () => {
  let handle: DatabaseHandle;
  let local: LocalRun;
  let page: PageClient;
  const post = (path: string, body: Record<string, unknown>) => page.post(path, body);
  const state = (user: string) => page.state(user);
  const until = (read: () => Promise<any>, ok: (v: any) => boolean): Promise<any> => page.until(read, ok);

  /** The second workspace, before and while it is installed from the page (tests may run in any order). */
  const install: Record<string, any> = {};

  beforeAll(async () => {
    handle = await openTestDatabase('pglite');
    local = await startLocalWorkspace(handle, silentLogger, 0);
    page = pageClient(local.url);
    install.before = await state('U0OTTO');
    install.command = await post('/local/command', { user: 'U0OTTO', text: '/call help' });
    // "Add to Slack" as the page links it, played by Otto: the app's install page, the stand-in's "Allow" page, and back.
    Object.assign(install, await page.installSecondWorkspace('U0OTTO'));
    install.after = await state('U0OTTO');
  });
  afterAll(async () => {
    await local?.stop();
    await handle?.close();
  });

  it('serves the page and its script', async () => {
    expect(await (await fetch(local.url)).text()).toContain('<title>Rapport — local workspace</title>');
    expect((await fetch(`${local.url}local/app.js`)).headers.get('content-type')).toContain('javascript');
  });

  it('a typed command reaches the app as a signed request; the answer is only visible to its author', async () => {
    await post('/local/command', { user: 'U0DANA', text: '/client add Zephyr Labs vip <@U0DANA|dana>' });
    const dana = await until(
      () => state('U0DANA'),
      (s: any) => s.channel.some((m: any) => m.text.includes('Zephyr Labs')),
    );
    expect(dana.channel.find((m: any) => m.text.includes('Zephyr Labs'))).toMatchObject({ for: 'U0DANA', text: 'Client Zephyr Labs added.' });
    expect((await state('U0SAM')).channel.filter((m: any) => m.text.includes('Zephyr'))).toEqual([]);
  });

  it('the first workspace is installed at start; the second is installed from the page through the OAuth flow', async () => {
    expect((await state('U0DANA')).installed).toBe(true);
    expect(install.before.installed).toBe(false);
    expect(install.command.error).toContain('Rapport is not installed here yet');
    expect(install.authorizeUrl.startsWith(`${local.url}oauth/v2/authorize?`)).toBe(true);
    // The "Allow" page installs for the person the page plays (its cookie), in their workspace.
    expect(install.allowPage).toContain('value="T0SECOND.U0OTTO" selected');
    expect(install.allowPage).not.toContain('value="T0LOCAL.U0ADMIN" selected');
    expect(install.back.status).toBe(302);
    expect(install.back.headers.get('location')).toBe(`${local.url}?installed=1`);
    expect(install.after.installed).toBe(true);
  });

  it('the second workspace sees none of the first one’s clients', async () => {
    await post('/local/command', { user: 'U0DANA', text: '/client add Yonder Corp' });
    await until(
      () => state('U0DANA'),
      (s: any) => s.channel.some((m: any) => m.text.includes('Client Yonder Corp added.')),
    );
    await post('/local/command', { user: 'U0OTTO', text: '/client show Yonder Corp' });
    const otto = await until(
      () => state('U0OTTO'),
      (s: any) => s.channel.some((m: any) => m.text.includes('Yonder')),
    );
    expect(otto.team.id).toBe('T0SECOND');
    expect(otto.channel.find((m: any) => m.text.includes('Yonder')).text).toContain('No client called “Yonder Corp”');
  });

  it('a message typed in the channel can be logged with the “Log to Rapport” shortcut: the call form opens with it', async () => {
    await post('/local/message', { user: 'U0SAM', text: 'Client says the data export will be late again' });
    const sam = await until(
      () => state('U0SAM'),
      (s: any) => s.channel.some((m: any) => m.user === 'U0SAM'),
    );
    const message = sam.channel.find((m: any) => m.user === 'U0SAM');
    expect(await post('/local/shortcut', { user: 'U0SAM', messageId: message.id })).toEqual({ status: 200 });
    const withForm = await until(
      () => state('U0SAM'),
      (s: any) => s.modal?.view?.private_metadata?.includes('evidenceUrl'),
    );
    expect(withForm.modal.view.callback_id).toBe('call_modal');
    const notes = withForm.modal.view.blocks.find((b: any) => b.block_id === 'notes');
    expect(notes.element.initial_value).toBe('Client says the data export will be late again\n— <@U0SAM>');
    await post('/local/close', { user: 'U0SAM', viewId: withForm.modal.id });
  });

  it('the workspace’s owner (Dana) is an admin, as Slack says of owners: she may post the digest by hand; a member (Sam) may not', async () => {
    const answerTo = async (user: string) => {
      await post('/local/digest', { user });
      const seen = await until(
        () => state(user),
        (s: any) => s.channel.some((m: any) => m.for === user && /digest/i.test(m.text)),
      );
      return seen.channel.filter((m: any) => m.for === user).at(-1).text as string;
    };
    expect(await answerTo('U0SAM')).toContain('Only workspace admins can post the digest by hand.');
    expect(await answerTo('U0DANA')).not.toContain('Only workspace admins');
  });

  it('an export’s files are in the DM it was sent to, each downloadable under its name; “Log to Rapport” on that message is answered, not logged', async () => {
    await post('/local/command', { user: 'U0DANA', text: '/rapport export' });
    const dana = await until(
      () => state('U0DANA'),
      (s: any) => s.dms.some((m: any) => m.files?.length) && s.channel.some((m: any) => /Sent to you by DM/.test(m.text)),
    );
    const shared = dana.dms.find((m: any) => m.files?.length);
    expect(shared.files.map((f: any) => f.name)).toEqual(expect.arrayContaining(['clients.csv', 'calls.csv', 'incidents.csv', 'README.txt']));
    expect(shared.user).toBeUndefined();
    const sheet = shared.files.find((f: any) => f.name === 'clients.csv');
    const download = await fetch(`${local.url}local/files/${sheet.id}`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toBe(`attachment; filename*=UTF-8''clients.csv`);
    // The byte-order mark survives the upload and the download: Excel reads the sheet as UTF-8.
    expect([...new Uint8Array(await download.arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect((await fetch(`${local.url}local/files/F_NONE`)).status).toBe(404);
    // Only Dana was sent them.
    expect((await state('U0SAM')).dms.filter((m: any) => m.files)).toEqual([]);

    expect(await post('/local/shortcut', { user: 'U0DANA', messageId: shared.id })).toEqual({ status: 200 });
    const told = await until(
      () => state('U0DANA'),
      (s: any) => s.dms.some((m: any) => m.for === 'U0DANA' && m.text.includes('That message is Rapport’s own')),
    );
    expect(told.modal).toBeNull();
  });

  it('the install page is Rapport’s own: its words, no image from the web', async () => {
    const config = (await (await fetch(`${local.url}local/config`)).json()) as { installUrl: string };
    const html = await (await fetch(config.installUrl)).text();
    expect(html).toContain('<h1>Add Rapport to Slack</h1>');
    expect(html).toContain('get a weekly digest of who to act on');
    expect(html).toMatch(/<a class="add" href="[^"]*\/oauth\/v2\/authorize\?[^"]*state=/);
    expect(html).not.toMatch(/<img|https:\/\/(?!127\.0\.0\.1)/);
  });

  it('answers bad input with a clear message and changes nothing', async () => {
    const samSaw = (await state('U0SAM')).channel.length;
    expect(await post('/local/command', { user: 'U0DANA', text: 'hello there' })).toEqual({ error: 'Type a slash command, e.g. /call help' });
    const unknown = await fetch(`${local.url}local/command`, { method: 'POST', body: JSON.stringify({ user: 'U0NOBODY', text: '/call help' }) });
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toEqual({ error: 'unknown user' });
    expect(await post('/local/submit', { user: 'U0DANA', viewId: 'V0GONE', values: {} })).toEqual({ error: 'That form is no longer open.' });
    expect((await state('U0SAM')).channel.length).toBe(samSaw);
  });

  // Thirty clients and their twelve weeks of calls: slow on a busy machine.
  it('loads the demo portfolio once, and refuses a second time', async () => {
    expect((await post('/local/seed', { user: 'U0OTTO' })).message).toMatch(/^Loaded 30 clients, \d+ calls and \d+ incidents/);
    expect(await post('/local/seed', { user: 'U0OTTO' })).toEqual({
      error: 'This workspace already has clients: the demo portfolio loads into an empty workspace only.',
    });
  }, 180_000);

  it('serves the page’s own words in each of its four languages, Persian right to left', async () => {
    const words = async (locale: string): Promise<any> => (await fetch(`${local.url}local/messages?locale=${locale}`)).json();
    const en = await words('en');
    expect(en).toMatchObject({ locale: 'en', dir: 'ltr' });
    expect(en.messages).toMatchObject({ seed: 'Load demo portfolio', digest: 'Post digest now', notInstalled: 'Rapport is not installed in {team}.' });
    expect(await words('tr')).toMatchObject({ dir: 'ltr', messages: { seed: 'Örnek portföyü yükle', language: 'Dil' } });
    expect(await words('fi')).toMatchObject({ dir: 'ltr', messages: { seed: 'Lataa esimerkkisalkku' } });
    const fa = await words('fa');
    expect(fa).toMatchObject({ locale: 'fa', dir: 'rtl' });
    expect(fa.messages.seed).toContain('بارگذاری سبد نمونه');
    // No English left in the page's own words once another language is chosen.
    for (const locale of ['tr', 'fa', 'fi']) {
      const theirs = (await words(locale)).messages;
      expect(Object.keys(theirs).sort()).toEqual(Object.keys(en.messages).sort());
      expect(Object.keys(en.messages).filter((k) => theirs[k] === en.messages[k])).toEqual([]);
    }
    expect((await words('xx')).locale).toBe('en');
  });

  it('the language switch sets its person’s language through Rapport: its answer, the page and the page’s answers are Turkish', async () => {
    try {
      expect((await state('U0ADMIN')).locale).toBe('en');
      expect(await post('/local/language', { user: 'U0ADMIN', language: 'tr' })).toEqual({ locale: 'tr' });
      const alex = await until(
        () => state('U0ADMIN'),
        (s: any) => s.channel.some((m: any) => m.for === 'U0ADMIN' && m.text.includes('Rapport bundan sonra sizinle Türkçe konuşacak')),
      );
      expect(alex).toMatchObject({ locale: 'tr', dir: 'ltr' });
      // Only Alex: the others of the workspace still read English.
      expect((await state('U0DANA')).locale).toBe('en');
      expect(await post('/local/command', { user: 'U0ADMIN', text: 'merhaba' })).toEqual({ error: 'Bir eğik çizgi komutu yazın, örneğin /call help' });
      expect((await post('/local/command', { user: 'U0ADMIN', text: '/foo' })).error).toContain('/foo burada bir komut değil');

      expect(await post('/local/language', { user: 'U0ADMIN', language: 'fa' })).toEqual({ locale: 'fa' });
      expect(await state('U0ADMIN')).toMatchObject({ locale: 'fa', dir: 'rtl' });
      // Now Persian, the page's answers too.
      expect((await post('/local/language', { user: 'U0ADMIN', language: 'klingon' })).error).toContain(
        'فضای کاری محلی به زبان‌های English، Türkçe، فارسی و suomi است',
      );
    } finally {
      await post('/local/language', { user: 'U0ADMIN', language: 'en' });
    }
    expect((await state('U0ADMIN')).locale).toBe('en');
  }, 60_000);

  it('opens a modal for its user, loads options, and submits it', async () => {
    await post('/local/command', { user: 'U0DANA', text: '/client add Modal Makers' });
    await until(
      () => state('U0DANA'),
      (s: any) => s.channel.some((m: any) => m.text.includes('Client Modal Makers added.')),
    );
    await post('/local/command', { user: 'U0DANA', text: '/call' });
    const withModal = await until(
      () => state('U0DANA'),
      (s: any) => !!s.modal,
    );
    expect((await state('U0SAM')).modal).toBeNull();
    const options = await post('/local/options', { user: 'U0DANA', viewId: withModal.modal.id, actionId: 'client', blockId: 'client', value: 'modal mak' });
    expect(options.options.map((o: any) => o.text.text)).toEqual(['Modal Makers']);
    const errors = await post('/local/submit', { user: 'U0DANA', viewId: withModal.modal.id, values: {} });
    expect(errors).toEqual({ errors: { client: 'Pick a client from the list.' } });
    const ok = await post('/local/submit', {
      user: 'U0DANA',
      viewId: withModal.modal.id,
      values: { client: { client: { type: 'external_select', selected_option: options.options[0] } } },
    });
    expect(ok).toEqual({ ok: true });
    await until(
      () => state('U0DANA'),
      (s: any) => s.modal === null && s.channel.some((m: any) => m.text.includes('Call with Modal Makers')),
    );
  });
});
