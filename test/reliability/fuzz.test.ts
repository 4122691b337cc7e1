/**
 * 10,000 generated command texts and modal payloads (random, unicode, oversize, injection-looking, wrong
 * types) through the real receiver: no crash, no unhandled rejection, every one answered, no partial write.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq, sql } from 'drizzle-orm';
import * as schema from '../../src/db/schema/index.js';
import type { Logger } from '../../src/log.js';
import { seededRandom } from '../../src/local/seededRandom.js';
import { TEST_DRIVERS } from '../support/database.js';
import { ALICE, ADMIN, BOB, startHarness, textOf, type Harness } from '../support/slackHarness.js';

const TOTAL = Number(process.env.FUZZ_COUNT ?? 10_000);
const CONCURRENCY = 16;

const NASTY = [
  "'; drop table clients;--",
  '" OR 1=1 --',
  '%',
  '_',
  '\\',
  '<@U0ADMIN>',
  '<!channel>',
  '&amp;',
  '🦄',
  '👩‍👩‍👧',
  '\u0000',
  '\u202e',
  '\n\n',
  'ｆｕｌｌｗｉｄｔｈ',
  'Ω≈ç√∫',
  '${jndi:ldap://x}',
  '{{7*7}}',
  '../../etc/passwd',
  'NaN',
  '-1',
  '1e309',
  '0x10',
  'null',
  'undefined',
  '[]',
  '{}',
];

describe('fuzzed commands and modal payloads', () => {
  const driver = TEST_DRIVERS.at(-1)!; // Postgres when the run has one, else the embedded database
  let h: Harness;
  let unexpected = 0;
  let unhandled = 0;
  const onUnhandled = () => unhandled++;
  const errors = new Map<string, number>();
  const counting: Logger = {
    debug() {},
    info() {},
    warn() {},
    error: (message, context) => {
      unexpected++;
      const key = `${message} ${String(context?.error ?? '')
        .split('\n')[0]!
        .slice(0, 300)}`;
      errors.set(key, (errors.get(key) ?? 0) + 1);
    },
  };

  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled);
    h = await startHarness(driver, undefined, counting);
    for (const line of ['add Acme Corp vip <@U0ALICE|alice>', 'add Globex problem', "add O'Brien & Sons"]) await h.command(ALICE, '/client', line);
  });
  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled);
    await h?.close();
  });

  it(`answers ${TOTAL} generated inputs without crashing or writing half an entry`, async () => {
    const rand = seededRandom(Number(process.env.FUZZ_SEED ?? 7));
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
    const junk = () => {
      const n = rand() < 0.05 ? 5000 + Math.floor(rand() * 15_000) : Math.floor(rand() * 40);
      let s = '';
      while (s.length < n) s += rand() < 0.5 ? pick(NASTY) : String.fromCodePoint(32 + Math.floor(rand() * (rand() < 0.8 ? 95 : 0x2fff)));
      return s;
    };
    const word = () => pick(['acme', 'acme corp', 'Acme Corp', 'globex', '"Acme Corp"', "O'Brien & Sons", 'nobody', junk()]);
    const trait = () => pick(['+communication', '-reporting', '+comms', '-etiquette', '+charm', '-', '+', `+${junk()}`]);
    const commands = () => {
      switch (Math.floor(rand() * 5)) {
        case 0:
          return ['/call', `${word()} ${trait()} ${trait()} ${junk()}`] as const;
        case 1:
          return [
            '/incident',
            `${word()} ${pick(['late', 'lie', 'dispute', 'competitor', 'abuse', 'grumpy', junk()])} ${pick(['45', 'days=abc', 'amount=-5', 'invoice=' + junk(), 'competitor=' + junk(), ''])} ${junk()}`,
          ] as const;
        case 2:
          return [
            '/client',
            `${pick(['add', 'show', 'list', 'set', 'frobnicate', ''])} ${word()} ${pick(['vip', 'category', 'owner', 'value', junk()])} ${junk()}`,
          ] as const;
        case 3:
          return ['/rapport', `${pick(['settings', 'digest', 'help', junk()])} ${pick(['timezone', 'threshold', 'preview', 'now'])} ${junk()}`] as const;
        default:
          return ['/call', junk()] as const;
      }
    };
    const stateValue = (): unknown =>
      pick([
        null,
        42,
        'text',
        [],
        {},
        { type: 'external_select', selected_option: { value: junk() } },
        { type: 'datepicker', selected_date: junk() },
        { type: 'checkboxes', selected_options: [{ value: junk() }] },
        { type: 'plain_text_input', value: junk() },
        { type: 'number_input', value: pick(['-1', '1e309', 'NaN', junk()]) },
      ]);
    const viewPayload = () => ({
      id: `V${Math.floor(rand() * 1e9)}`,
      callback_id: pick(['call_modal', 'incident_modal', 'decision_modal']),
      private_metadata: pick([
        '',
        '{}',
        junk(),
        JSON.stringify({ channelId: junk(), entryId: junk() }),
        JSON.stringify({ clientId: junk(), digestId: null, kind: pick(['keep', 'start_exit', junk()]) }),
      ]),
      title: { type: 'plain_text', text: 'x' },
      blocks: [],
    });

    let answered = 0;
    let logged = 0;
    const kinds = { command: 0, view: 0 };
    let next = 0;
    const worker = async () => {
      while (next < TOTAL) {
        const i = next++;
        const actor = pick([ALICE, BOB, ADMIN]);
        if (rand() < 0.75) {
          kinds.command++;
          const [command, text] = commands();
          const { reply } = await h.command(actor, command, text, `fuzz-${i}`);
          answered++;
          if (/^(Call|Incident) with .* logged\.|^Incident for .* logged\./.test(String(reply.params.text ?? ''))) logged++;
        } else {
          kinds.view++;
          const values: Record<string, Record<string, unknown>> = {};
          for (const block of ['client', 'date', 'traits_good', 'traits_bad', 'notes', 'kind', 'days_late', 'amount', 'reason', junk().slice(0, 20)]) {
            if (rand() < 0.7) values[block] = { [block]: stateValue() };
          }
          const seq = h.api.lastSeq;
          const res = await h.send.viewSubmission(actor, viewPayload(), values);
          expect(res.status).toBe(200);
          // Answered: field errors in the ack, or (accepted) a confirmation to the user.
          if (res.body?.response_action !== 'errors') {
            const confirmation = await h.api
              .waitFor((c) => c.seq > seq && (c.method === 'chat.postEphemeral' || c.method === 'chat.postMessage') && c.params.user === actor.userId, 5000)
              .catch(() => undefined);
            expect(confirmation, 'an accepted submission is confirmed').toBeDefined();
            if (/logged\.$/.test(String(confirmation!.params.text ?? ''))) logged++;
          }
          answered++;
        }
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const seconds = (performance.now() - started) / 1000;

    const [calls] = await h.db.select({ n: count() }).from(schema.calls);
    const [incidents] = await h.db.select({ n: count() }).from(schema.incidents);
    const [audits] = await h.db
      .select({ n: count() })
      .from(schema.auditLog)
      .where(sql`${schema.auditLog.action} in ('call.log', 'incident.log')`);
    const [orphans] = await h.db
      .select({ n: count() })
      .from(schema.traitObservations)
      .where(sql`not exists (select 1 from calls c where c.id = ${schema.traitObservations.callId})`);
    const [badIncidents] = await h.db
      .select({ n: count() })
      .from(schema.incidents)
      .where(sql`${schema.incidents.details}->>'kind' <> ${schema.incidents.kind}::text`);
    const [clientsLeft] = await h.db.select({ n: count() }).from(schema.clients).where(eq(schema.clients.teamId, ALICE.teamId));

    console.log(
      `[reliability] fuzz: ${TOTAL} inputs (${kinds.command} commands, ${kinds.view} modal payloads) in ${seconds.toFixed(1)} s on ${driver}; ` +
        `answered ${answered}; unexpected errors ${unexpected}; unhandled rejections ${unhandled}; ` +
        `stored ${calls!.n} calls + ${incidents!.n} incidents = ${logged} confirmations, ${audits!.n} audit rows, ${orphans!.n} orphan observations`,
    );
    for (const [e, n] of errors) console.log(`[reliability] fuzz error ×${n}: ${e}`);
    expect(answered).toBe(TOTAL);
    expect(unexpected).toBe(0);
    expect(unhandled).toBe(0);
    expect(calls!.n + incidents!.n).toBe(logged);
    expect(audits!.n).toBe(calls!.n + incidents!.n);
    expect(orphans!.n).toBe(0);
    expect(badIncidents!.n).toBe(0);
    expect(clientsLeft!.n).toBeGreaterThanOrEqual(3);
    expect(textOf({ text: '' })).toBe('');
  });
});
