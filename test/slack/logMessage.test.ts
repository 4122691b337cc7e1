/**
 * "Log to Rapport" on a Slack message (issue 14), through the receiver: the call form opens prefilled with the
 * message, picks the channel's client (`/client link`), turns into the incident form and back, and the stored
 * entry keeps the message's permalink as evidence, shown in History and in the digest.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { WebClient } from '@slack/web-api';
import { findClientByName } from '../../src/db/queries/clients.js';
import * as schema from '../../src/db/schema/index.js';
import { inWorkspace } from '../../src/db/workspaceScope.js';
import { DigestRunner } from '../../src/digest/run.js';
import { silentLogger } from '../../src/log.js';
import { TEST_DRIVERS } from '../support/database.js';
import { ALICE, TEAM, startHarness, textOf, type Harness } from '../support/slackHarness.js';

const SHARED = 'C0SHARED';
const IN_SHARED = { ...ALICE, channelId: SHARED };
const MESSAGE_TS = '1795420800.000100'; // Monday 23 November 2026, 08:00 UTC

describe.each(TEST_DRIVERS)('logging a Slack message on %s', (driver) => {
  let h: Harness;
  let forms = 0;
  const values = (clientId: string, extra: Record<string, unknown> = {}) => ({
    client: { client: { type: 'external_select', selected_option: { value: clientId, text: { type: 'plain_text', text: 'Acme Corp' } } } },
    date: { date: { type: 'datepicker', selected_date: '2026-11-23' } },
    ...extra,
  });

  /** The shortcut on a message in the shared channel: the form as it is once Rapport refined it. */
  async function logMessage(text: string): Promise<Record<string, any>> {
    const seq = h.api.lastSeq;
    const res = await h.send.interaction(IN_SHARED, {
      type: 'message_action',
      callback_id: 'log_message',
      action_ts: '1795420900.1',
      message_ts: MESSAGE_TS,
      response_url: h.api.responseUrl(`R-log-${++forms}`),
      message: { type: 'message', user: 'U0CLIENT', ts: MESSAGE_TS, text },
      channel: { id: SHARED, name: 'acme-shared' },
    });
    expect(res.status).toBe(200);
    const opened = await h.api.next('views.open', seq);
    const refined = await h.api.waitFor((c) => c.seq > opened.seq && c.method === 'views.update');
    return { ...refined.params.view, id: refined.response?.view?.id ?? `V0LOG${forms}`, opened: opened.params.view };
  }

  beforeAll(async () => {
    h = await startHarness(driver);
    await h.command(ALICE, '/client', 'add Acme Corp <@U0ALICE|alice>');
    await h.command(ALICE, '/client', 'add Initech');
  });
  afterAll(() => h?.close());
  afterEach(() => h.idle());

  it('`/client link` in a channel makes its forms pick that client', async () => {
    const linked = await h.command(IN_SHARED, '/client', 'link acme corp');
    expect(textOf(linked.reply.params)).toContain('is about *Acme Corp* now');
    const { reply } = await h.command(IN_SHARED, '/call', '');
    expect(reply.method).toBe('views.open');
    const refined = await h.api.waitFor((c) => c.seq > reply.seq && c.method === 'views.update');
    expect(refined.params.view.blocks.find((b: any) => b.block_id === 'client').element.initial_option.text.text).toBe('Acme Corp');
    // Elsewhere, no client is picked.
    const other = await h.command(ALICE, '/call', '');
    expect(other.reply.params.view.blocks.find((b: any) => b.block_id === 'client').element.initial_option).toBeUndefined();
  });

  it('`/client link` with no name, or a name no client has, answers plainly and links nothing', async () => {
    const before = await h.db.select().from(schema.channelLinks);
    expect(textOf((await h.command(IN_SHARED, '/client', 'link')).reply.params)).toContain('Which client is this channel about?');
    expect(textOf((await h.command(IN_SHARED, '/client', 'link İstanbul Dış Ticaret')).reply.params)).toContain('No client called');
    expect(await h.db.select().from(schema.channelLinks)).toEqual(before);
  });

  it('opens the call form with the message and its author, the channel’s client, and stores the permalink with the call', async () => {
    await h.command(IN_SHARED, '/client', 'link acme corp');
    const view = await logMessage('We will not share the usage data this quarter.');
    expect(view.opened.callback_id).toBe('call_modal');
    const notes = view.blocks.find((b: any) => b.block_id === 'notes').element.initial_value;
    expect(notes).toBe('We will not share the usage data this quarter.\n— <@U0CLIENT>');
    expect(textOf({ blocks: view.blocks })).toContain('Logging <@U0CLIENT>’s message');
    expect(view.blocks.find((b: any) => b.block_id === 'client').element.initial_option.text.text).toBe('Acme Corp');
    const metadata = JSON.parse(view.private_metadata);
    expect(metadata.evidenceUrl).toMatch(/\/archives\/C0SHARED\/p1795420800000100$/);

    const acme = await findClientByName(h.db, { teamId: TEAM, name: 'acme corp' });
    const res = await h.send.viewSubmission(
      ALICE,
      view,
      values(acme.id, {
        traits_bad: { traits_bad: { type: 'checkboxes', selected_options: [{ value: 'no_data_sharing' }] } },
        notes: { notes: { type: 'plain_text_input', value: notes } },
      }),
    );
    expect(res.body).toBeUndefined();
    const [call] = await h.db.select().from(schema.calls).where(eq(schema.calls.evidenceUrl, metadata.evidenceUrl));
    expect(call).toMatchObject({ clientId: acme.id, notes });

    const seq = h.api.lastSeq;
    await h.send.blockAction(ALICE, { type: 'button', action_id: 'digest_history', value: acme.id });
    const history = await h.api.waitFor((c) => c.seq > seq && c.method === 'response_url');
    expect(textOf(history.params)).toContain(`<${metadata.evidenceUrl}|the message>`);
  });

  it('turns into the incident form with what was typed, and the incident keeps the link: the digest links its evidence', async () => {
    const view = await logMessage('Yes, the export was sent on Friday.');
    const acme = await findClientByName(h.db, { teamId: TEAM, name: 'acme corp' });
    const typed = 'They said the export was sent; it was not.';
    const seq = h.api.lastSeq;
    await h.send.blockAction(
      ALICE,
      { type: 'button', action_id: 'log_message_as_incident', value: 'switch' },
      { view: { ...view, state: { values: values(acme.id, { notes: { notes: { type: 'plain_text_input', value: typed } } }) } } },
    );
    const incidentForm = (await h.api.waitFor((c) => c.seq > seq && c.method === 'views.update')).params.view;
    expect(incidentForm.callback_id).toBe('incident_modal');
    expect(incidentForm.blocks.find((b: any) => b.block_id === 'description').element.initial_value).toBe(typed);
    expect(incidentForm.blocks.find((b: any) => b.block_id === 'client').element.initial_option.value).toBe(acme.id);
    expect(JSON.stringify(incidentForm.blocks)).toContain('log_message_as_call');
    const evidenceUrl = JSON.parse(incidentForm.private_metadata).evidenceUrl;
    expect(evidenceUrl).toMatch(/\/archives\/C0SHARED\//);

    const res = await h.send.viewSubmission(
      ALICE,
      { ...incidentForm, id: 'V0LOGINCIDENT' },
      values(acme.id, {
        kind: { kind: { type: 'static_select', selected_option: { value: 'lying' } } },
        description: { description: { type: 'plain_text_input', value: typed } },
      }),
    );
    expect(res.body).toBeUndefined();
    const [incident] = await h.db.select().from(schema.incidents).where(eq(schema.incidents.clientId, acme.id));
    expect(incident).toMatchObject({ kind: 'lying', evidenceUrl });

    const runner = new DigestRunner({
      db: h.database.db,
      owner: h.database.owner,
      webFor: async () => new WebClient('xoxb-test-token', { slackApiUrl: h.api.apiUrl }),
      logger: silentLogger,
      now: () => new Date('2026-11-24T10:00:00Z'),
    });
    const digest = (await inWorkspace(TEAM, () => runner.preview(TEAM, 'U0ALICE'))).map((p) => textOf(p)).join('\n');
    expect(digest).toContain(`<${evidenceUrl}|`);
  });

  it('without a linked channel nothing is picked, and a message Slack has no link for is logged without one', async () => {
    await h.command(IN_SHARED, '/client', 'unlink');
    h.api.failNext('chat.getPermalink', 'message_not_found');
    const view = await logMessage('Thanks for the call!');
    expect(view.blocks.find((b: any) => b.block_id === 'client').element.initial_option).toBeUndefined();
    expect(JSON.parse(view.private_metadata).evidenceUrl).toBeUndefined();
    const initech = await findClientByName(h.db, { teamId: TEAM, name: 'initech' });
    h.api.failNext('chat.getPermalink', 'message_not_found');
    const res = await h.send.viewSubmission(
      ALICE,
      view,
      values(initech.id, { traits_good: { traits_good: { type: 'checkboxes', selected_options: [{ value: 'positive_attitude' }] } } }),
    );
    expect(res.body).toBeUndefined();
    const [call] = await h.db.select().from(schema.calls).where(eq(schema.calls.clientId, initech.id));
    expect(call).toMatchObject({ evidenceUrl: null });
  });
});
