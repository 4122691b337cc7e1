/**
 * Forged, stale and replayed requests; Slack retries and double submissions; payloads tampered to name
 * another workspace's data. Each prints its figure.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import * as schema from '../../src/db/schema/index.js';
import { findClientByName } from '../../src/db/queries/clients.js';
import { createProposal } from '../../src/db/queries/proposals.js';
import { slackSignature } from '../../src/local/slackRequests.js';
import { TEST_DRIVERS } from '../support/database.js';
import { queueState } from '../../src/db/queries/requests.js';
import { ALICE, MALLORY, SIGNING_SECRET, buttonsOf, startHarness, textOf, type Harness } from '../support/slackHarness.js';

describe('hostile and repeated deliveries', () => {
  const driver = TEST_DRIVERS.at(-1)!;
  let h: Harness;
  const rows = async (table: 'calls' | 'incidents' | 'clients' | 'decisions' | 'snoozes' | 'warnings' | 'proposals' | 'auditLog') =>
    (await h.db.select({ n: count() }).from(schema[table]))[0]!.n;
  const snapshot = async () => ({
    calls: await rows('calls'),
    incidents: await rows('incidents'),
    clients: await rows('clients'),
    decisions: await rows('decisions'),
    snoozes: await rows('snoozes'),
    warnings: await rows('warnings'),
    proposals: await rows('proposals'),
    audit: await rows('auditLog'),
  });

  beforeAll(async () => {
    h = await startHarness(driver);
    await h.command(ALICE, '/client', 'add Acme Corp vip <@U0ALICE|alice>');
  });
  afterAll(() => h?.close());

  it('rejects 1,000 forged, stale and replayed requests and writes nothing', async () => {
    const before = await snapshot();
    const now = Math.floor(Date.now() / 1000);
    let rejected = 0;
    const kinds = { forged: 0, stale: 0, future: 0, replayed: 0 };
    // One genuine request, to replay.
    const genuine = h.send.commandBody(ALICE, '/call', 'acme corp +comms genuine once');
    const genuineSig = slackSignature(SIGNING_SECRET, now, genuine);
    expect((await h.send.send(genuine, 'application/x-www-form-urlencoded', { timestamp: now, signature: genuineSig })).status).toBe(200);
    await h.api.waitFor((c) => c.method === 'response_url' && textOf(c.params).includes('genuine once'));
    const afterGenuine = await snapshot();
    for (let i = 0; i < 1000; i++) {
      const body = h.send.commandBody(ALICE, '/client', `add Forged ${i}`);
      let res;
      switch (i % 4) {
        case 0:
          kinds.forged++;
          res = await h.send.send(body, 'application/x-www-form-urlencoded', { timestamp: now, signature: slackSignature(`wrong-${i}`, now, body) });
          break;
        case 1:
          kinds.stale++;
          res = await h.send.send(body, 'application/x-www-form-urlencoded', { timestamp: now - 301 - i });
          break;
        case 2:
          kinds.future++;
          res = await h.send.send(body, 'application/x-www-form-urlencoded', { timestamp: now + 301 + i });
          break;
        default:
          kinds.replayed++;
          res = await h.send.send(genuine, 'application/x-www-form-urlencoded', { timestamp: now, signature: genuineSig });
      }
      if (res.status === 401) rejected++;
    }
    const after = await snapshot();
    console.log(
      `[reliability] signatures: ${rejected}/1000 rejected (${kinds.forged} forged, ${kinds.stale} stale, ${kinds.future} future-dated, ${kinds.replayed} replayed); rows written: ${after.calls + after.clients - afterGenuine.calls - afterGenuine.clients}`,
    );
    expect(rejected).toBe(1000);
    expect(after).toEqual(afterGenuine);
    expect(afterGenuine.calls).toBe(before.calls + 1);
  });

  it('stores exactly one row per command or submission delivered three times (Slack retries)', async () => {
    const acme = await findClientByName(h.db, { teamId: ALICE.teamId, name: 'Acme Corp' });
    const before = await rows('calls');
    const N = 50;
    await Promise.all(
      Array.from({ length: N }, async (_, i) => {
        const body = h.send.commandBody(ALICE, '/call', `acme corp +comms retried ${i}`, { triggerId: `retry-${i}` });
        await Promise.all(
          [0, 1, 2].map((n) =>
            h.send.send(body, 'application/x-www-form-urlencoded', {
              timestamp: Math.floor(Date.now() / 1000) + n, // each delivery is signed anew, as Slack does
              headers: n ? { 'x-slack-retry-num': String(n), 'x-slack-retry-reason': 'http_timeout' } : {},
            }),
          ),
        );
      }),
    );
    const view = {
      id: 'V0DOUBLE',
      callback_id: 'call_modal',
      private_metadata: JSON.stringify({ channelId: 'C0SALES' }),
      title: { type: 'plain_text', text: 'x' },
      blocks: [],
    };
    await Promise.all(
      Array.from({ length: N }, (_, i) =>
        Promise.all(
          [0, 1, 2].map(() =>
            h.send.viewSubmission(
              ALICE,
              { ...view, id: `V0DOUBLE${i}` },
              {
                client: { client: { type: 'external_select', selected_option: { value: acme.id } } },
                notes: { notes: { type: 'plain_text_input', value: `submitted ${i}` } },
              },
            ),
          ),
        ),
      ),
    );
    // Work after the ack finishes shortly after: wait until every stored request is worked (a busy machine takes longer).
    await expect.poll(async () => Object.values(await queueState(h.db)).reduce((a, b) => a + b, 0), { timeout: 60_000, interval: 100 }).toBe(0);
    const stored = (await rows('calls')) - before;
    console.log(`[reliability] retries: ${N} commands × 3 deliveries + ${N} submissions × 3 → ${stored} rows (expected ${2 * N})`);
    expect(stored).toBe(2 * N);
  });

  it('payloads tampered to name another workspace’s entries read and write nothing of it', async () => {
    // Mallory's workspace holds a client, a call, an incident and a digest-ready history.
    await h.command(MALLORY, '/client', 'add Secret Victim <@U0MALLORY|m>');
    const call = await h.command(MALLORY, '/call', 'secret victim +comms confidential notes');
    const incident = await h.command(MALLORY, '/incident', 'secret victim abuse confidential incident');
    const victim = await findClientByName(h.db, { teamId: MALLORY.teamId, name: 'Secret Victim' });
    const ids = { ...buttonsOf(call.reply.params), ...buttonsOf(incident.reply.params) };
    const proposal = await createProposal(h.db, {
      teamId: MALLORY.teamId,
      by: 'U0MALLORYMATE',
      input: {
        clientId: victim.id,
        change: { kind: 'status', status: 'exited' },
        askedUserId: MALLORY.userId,
      },
    });
    const before = await snapshot();
    const victimBefore = await h.db.select().from(schema.clients).where(eq(schema.clients.id, victim.id));
    const seq = h.api.lastSeq;
    let attempts = 0;
    const actions: [string, string][] = [
      ['call_undo', ids.call_undo!],
      ['call_edit', ids.call_edit!],
      ['incident_undo', ids.incident_undo!],
      ['incident_edit', ids.incident_edit!],
      ['incident_client_was_told', ids.incident_client_was_told!],
      ['digest_acknowledge', victim.id],
      ['digest_snooze', victim.id],
      ['digest_history', victim.id],
      ['proposal_approve', proposal.id],
      ['proposal_decline', proposal.id],
    ];
    for (let round = 0; round < 10; round++) {
      for (const [action_id, value] of actions) {
        attempts++;
        await h.send.blockAction(ALICE, { action_id, value });
      }
      for (const kind of ['keep', 'require_prepayment', 'start_exit']) {
        attempts++;
        await h.send.blockAction(ALICE, { action_id: 'digest_decide', type: 'overflow', selected_option: { value: `${kind}:${victim.id}` } });
      }
      for (const [callback_id, metadata, values] of [
        [
          'call_modal',
          { channelId: 'C0SALES', entryId: ids.call_edit },
          { client: { client: { type: 'external_select', selected_option: { value: victim.id } } } },
        ],
        ['call_modal', { channelId: 'C0SALES' }, { client: { client: { type: 'external_select', selected_option: { value: victim.id } } } }],
        [
          'incident_modal',
          { channelId: 'C0SALES' },
          {
            client: { client: { type: 'external_select', selected_option: { value: victim.id } } },
            kind: { kind: { type: 'static_select', selected_option: { value: 'lying' } } },
          },
        ],
        [
          'decision_modal',
          { clientId: victim.id, digestId: null, kind: 'keep', channelId: 'C0SALES' },
          { reason: { reason: { type: 'plain_text_input', value: 'tampered' } } },
        ],
        ['decision_modal', { clientId: victim.id, digestId: null, kind: 'start_exit', channelId: 'C0SALES' }, {}],
      ] as const) {
        attempts++;
        await h.send.viewSubmission(
          ALICE,
          { id: `V0TAMPER${attempts}`, callback_id, private_metadata: JSON.stringify(metadata), title: { type: 'plain_text', text: 'x' }, blocks: [] },
          values as never,
        );
      }
      attempts++;
      await h.send.options(ALICE, { action_id: 'client', block_id: 'client', value: 'secret' });
    }
    await new Promise((r) => setTimeout(r, 500));
    const after = await snapshot();
    const leaked = h.since(seq).filter((c) => /Secret Victim|confidential/.test(JSON.stringify(c.params)));
    const victimAfter = await h.db.select().from(schema.clients).where(eq(schema.clients.id, victim.id));
    console.log(
      `[reliability] tampering: ${attempts} cross-workspace payloads → ${leaked.length} replies naming the other workspace's data, ${after.calls + after.incidents + after.decisions + after.snoozes + after.warnings - (before.calls + before.incidents + before.decisions + before.snoozes + before.warnings)} rows written`,
    );
    expect(leaked).toEqual([]);
    expect(after).toEqual(before);
    expect(victimAfter).toEqual(victimBefore);
  });

  it('people from other organisations and guests are refused on every entry point: 0 rows, 0 leaks', async () => {
    h.api.users.set('U0OUTSIDE', { id: 'U0OUTSIDE', name: 'outside', teamId: 'T0CLIENTORG' });
    h.api.users.set('U0GUESTR', { id: 'U0GUESTR', name: 'guest', teamId: ALICE.teamId, isUltraRestricted: true });
    await h.command(ALICE, '/client', 'add Guarded Secret Co <@U0ALICE|alice>');
    const logged = await h.command(ALICE, '/incident', 'guarded secret co lie confidential statement');
    const ids = buttonsOf(logged.reply.params);
    const guarded = await findClientByName(h.db, { teamId: ALICE.teamId, name: 'Guarded Secret Co' });
    const { reply: modal } = await h.command(ALICE, '/call', '');
    const before = await snapshot();
    const seq = h.api.lastSeq;
    let attempts = 0;
    for (const userId of ['U0OUTSIDE', 'U0GUESTR']) {
      const actor = { ...ALICE, userId };
      for (let round = 0; round < 5; round++) {
        for (const [command, text] of [
          ['/client', 'show guarded secret co'],
          ['/call', 'guarded secret co +comms'],
          ['/incident', 'guarded secret co lie x'],
          ['/client', 'list'],
          ['/rapport', 'digest preview'],
        ] as const) {
          attempts++;
          await h.send.command(actor, command, text);
        }
        for (const [action_id, value] of [
          ['digest_history', guarded.id],
          ['digest_acknowledge', guarded.id],
          ['digest_snooze', guarded.id],
          ['incident_undo', ids.incident_undo!],
          ['incident_edit', ids.incident_edit!],
          ['incident_client_was_told', ids.incident_client_was_told!],
        ] as const) {
          attempts++;
          await h.send.blockAction(actor, { action_id, value });
        }
        for (const kind of ['keep', 'start_exit']) {
          attempts++;
          await h.send.blockAction(actor, { action_id: 'digest_decide', type: 'overflow', selected_option: { value: `${kind}:${guarded.id}` } });
        }
        attempts++;
        await h.send.viewSubmission(
          actor,
          { ...modal.params.view, id: `V0GATE${attempts}` },
          { client: { client: { type: 'external_select', selected_option: { value: guarded.id } } } },
        );
        attempts++;
        await h.send.options(actor, { action_id: 'client', block_id: 'client', value: 'guarded' });
      }
    }
    await new Promise((r) => setTimeout(r, 500));
    const after = await snapshot();
    const leaked = h.since(seq).filter((c) => /Guarded Secret|confidential/.test(JSON.stringify(c.params)));
    console.log(
      `[reliability] outsiders: ${attempts} payloads from another organisation's person and a guest → ${leaked.length} replies naming the workspace's data, ${after.calls + after.incidents + after.decisions + after.snoozes + after.warnings + after.proposals - (before.calls + before.incidents + before.decisions + before.snoozes + before.warnings + before.proposals)} rows written`,
    );
    expect(attempts).toBeGreaterThanOrEqual(100);
    expect(leaked).toEqual([]);
    expect(after).toEqual(before);
  });
});
