import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS, SHORTCUTS } from '../../src/slack/ids.js';
import { ALICE, startHarness, textOf, type Harness } from '../support/slackHarness.js';
import { BOT_SCOPES } from '../../src/slack/installations.js';

const manifest = JSON.parse(readFileSync(new URL('../../manifest.json', import.meta.url), 'utf8'));

describe('manifest.json', () => {
  it('declares exactly the commands and shortcuts the app handles, escaping mentions', () => {
    expect(manifest.features.slash_commands.map((c: any) => c.command).sort()).toEqual(Object.values(COMMANDS).sort());
    expect(manifest.features.slash_commands.every((c: any) => c.should_escape === true)).toBe(true);
    expect(manifest.features.shortcuts.map((s: any) => s.callback_id).sort()).toEqual(Object.values(SHORTCUTS).sort());
  });

  it('asks for the minimum scopes and points everything at /slack/events', () => {
    expect(manifest.oauth_config.scopes.bot).toEqual(BOT_SCOPES); // the install flow asks for the same
    expect(manifest.settings.interactivity.request_url).toMatch(/\/slack\/events$/);
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(['app_home_opened', 'channel_shared', 'app_uninstalled', 'tokens_revoked', 'user_change']);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
  });
});

describe('shortcuts and fallbacks', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('pglite');
  });
  afterAll(() => h?.close());

  it('each global shortcut opens its modal', async () => {
    for (const [callbackId, modal] of [
      [SHORTCUTS.logCall, 'call_modal'],
      [SHORTCUTS.logIncident, 'incident_modal'],
    ] as const) {
      const seq = h.api.lastSeq;
      const res = await h.send.interaction(ALICE, { type: 'shortcut', callback_id: callbackId, action_ts: '1.2' });
      expect(res.status).toBe(200);
      expect((await h.api.next('views.open', seq)).params.view.callback_id).toBe(modal);
    }
  });

  it('answers by DM when the bot cannot post in the channel', async () => {
    await h.command(ALICE, '/client', 'add Dmco');
    const { reply } = await h.command(ALICE, '/call', '');
    const view = reply.params.view;
    const options = await h.send.options(ALICE, { action_id: 'client', block_id: 'client', value: 'dm' });
    const picked = options.body.options[0];
    h.api.failNext('chat.postEphemeral', 'not_in_channel');
    const seq = h.api.lastSeq;
    await h.send.viewSubmission(ALICE, view, { client: { client: { type: 'external_select', selected_option: picked } } });
    const dm = await h.api.next('chat.postMessage', seq);
    expect(dm.params.channel).toBe('D0ALICE');
    expect(textOf(dm.params)).toContain('Call with *Dmco*');
  });
});
