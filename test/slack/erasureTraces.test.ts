/**
 * After `/client delete`, nothing anywhere names the client or holds what was said about it: every column of
 * every table the database lists (its catalogue, so a table or column added later is scanned without anyone
 * remembering to), the digest's stored pages and the request inbox included, and every file `/rapport export`
 * sends. The digest messages already in Slack are edited to match. Through the real receiver and workers.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import * as schema from '../../src/db/schema/index.js';
import { findClientByName } from '../../src/db/queries/clients.js';
import { stringsOf } from '../../src/domain/mentions.js';
import { nameKey } from '../../src/domain/names.js';
import { createLogger } from '../../src/log.js';
import { DELETED_CLIENT_LINE } from '../../src/slack/blocks/digest.js';
import { TEST_DRIVERS } from '../support/database.js';
import { ADMIN, ALICE, BOB, TEAM, pinnedClock, startHarness, textOf, type Harness } from '../support/slackHarness.js';

const CHANNEL = 'C0DIGEST';
const NAME = 'Leak İş Co';
/** Everything said about it, each in its own place: a call's notes (two calls), an incident, a next step, a decision. */
const SAID = [
  'Said the invoice was paid',
  'Promised the İş numbers by Friday',
  'Chased the unpaid invoice again',
  'Collect the signed İş contract',
  'Worth keeping: they pay in the end',
];

const rowsOf = (result: unknown) => ((result as { rows?: unknown[] }).rows ?? result) as Record<string, unknown>[];

/** What in `text` names the client or repeats what was said about it: its name or notes folded as names are, its id. */
function tracesIn(text: string, clientId: string): string[] {
  // JSON read as JSON too (escapes decoded), and the JSON text inside it (a form's metadata).
  const readings = [text];
  for (const reading of [text, ...parsed(text)]) readings.push(...parsed(reading));
  const folded = readings.map(nameKey).join('\n');
  return [NAME, ...SAID].filter((said) => folded.includes(nameKey(said))).concat(text.toLowerCase().includes(clientId) ? ['its id'] : []);
}
function parsed(text: string): string[] {
  if (!/^\s*[[{"]/.test(text)) return [];
  try {
    return stringsOf(JSON.parse(text));
  } catch {
    return [];
  }
}

describe.each(TEST_DRIVERS)('nothing of a deleted client is left, anywhere, on %s', (driver) => {
  let h: Harness;
  const logged: string[] = [];
  const say = async (actor: typeof ALICE, command: string, text: string) => textOf((await h.command(actor, command, text)).reply.params);

  /** Every column of every table of the app's schema, as the database's catalogue lists them. */
  async function catalogue(): Promise<{ table: string; column: string }[]> {
    return rowsOf(
      await h.db.execute(sql`
        select c.relname as "table", a.attname as "column"
        from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
        where c.relkind in ('r', 'p') and n.nspname = current_schema() and a.attnum > 0 and not a.attisdropped
        order by 1, a.attnum`),
    ) as { table: string; column: string }[];
  }

  /** Rows naming the client, by `table.column` (every row of every column, read as text). */
  async function tracesInDatabase(clientId: string): Promise<Record<string, number>> {
    const found: Record<string, number> = {};
    for (const { table, column } of await catalogue()) {
      const values = rowsOf(await h.db.execute(sql`select ${sql.identifier(column)}::text as value from ${sql.identifier(table)}`));
      const naming = values.filter((row) => typeof row.value === 'string' && tracesIn(row.value, clientId).length > 0);
      if (naming.length > 0) found[`${table}.${column}`] = naming.length;
    }
    return found;
  }

  /** Resolves once every request due has been worked (one put back for later may still wait). */
  async function workedAllButLater(): Promise<void> {
    // Generous: a busy machine works the inbox slowly, and a request stuck for good still fails the test.
    const until = Date.now() + 30_000;
    for (;;) {
      const [due] = rowsOf(
        await h.db.execute(sql`select count(*)::int as n from slack_requests where state = 'working' or (state = 'waiting' and due_at <= now())`),
      );
      if (due!.n === 0) return;
      if (Date.now() > until) throw new Error('requests still due after 30 s');
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** `/rapport export`'s files that name the client, with what in each. */
  async function tracesInExport(clientId: string): Promise<Record<string, string[]>> {
    const before = h.api.files.size;
    expect(await say(ADMIN, '/rapport', 'export')).toContain('Sent to you by DM: ');
    await workedAllButLater();
    const sent = [...h.api.files.values()].slice(before);
    expect(sent.map((f) => f.filename)).toContain('raw-digest_messages.csv');
    return Object.fromEntries(sent.map((f) => [f.filename, tracesIn(f.content, clientId)] as const).filter(([, traces]) => traces.length > 0));
  }

  beforeAll(async () => {
    h = await startHarness(driver, pinnedClock(), createLogger({ level: 'debug', format: 'json', write: (line) => logged.push(line) }));
    await say(ALICE, '/client', `add ${NAME} vip <@U0ALICE|alice> 9k`);
    await say(ALICE, '/client', 'add Steady Ltd <@U0ALICE|alice>');
    // Typed in other cases than it is written: found by its folded key.
    await say(ALICE, '/incident', `LEAK İŞ CO lie ${SAID[0]}`);
    await say(ALICE, '/call', `leak iş co -reporting -communication ${SAID[1]}`);
    // By its first word only: the request's body never has its whole name.
    await say(ALICE, '/call', `leak -reporting ${SAID[2]}`);
    await say(ALICE, '/client', `next leak iş co ${SAID[3]} <@U0ALICE|alice> tomorrow`);
    await say(ALICE, '/client', 'set leak iş co renews 2027-01-10');
    await say(ALICE, '/client', 'show leak iş co');
    // Bob is not its owner: his change is a proposal.
    expect(await say(BOB, '/client', 'set leak iş co category problem')).toContain('asked');
    await say(ALICE, '/incident', 'steady ltd lie Said the audit was done');
    expect(await say(ADMIN, '/rapport', `settings channel <#${CHANNEL}|digest>`)).toContain('Saved');
    await say(ADMIN, '/rapport', 'digest now');
    await h.idle();
  }, 60_000);
  afterAll(() => h?.close());
  // A request a test put back for later is worked before the next test (which waits for every request).
  afterEach(async () => {
    await h.db
      .update(schema.slackRequests)
      .set({ dueAt: sql`now()` })
      .where(eq(schema.slackRequests.state, 'waiting'));
    await h.idle();
  });

  it('after /client delete, no column of any table and no exported file names it or holds what was said; Slack’s digest is edited', async () => {
    const leak = await findClientByName(h.db, { teamId: TEAM, name: NAME });
    // The first digest posted (the other test of this file may have posted another, which names it too).
    const [page] = await h.db.select().from(schema.digestMessages).where(eq(schema.digestMessages.teamId, TEAM)).orderBy(schema.digestMessages.postedAt);
    expect(page?.ts).toBeTruthy();
    // Kept from the digest, with a reason: the message is updated in place and says why.
    const seq = h.api.lastSeq;
    await h.send.blockAction(ALICE, { type: 'overflow', action_id: 'digest_decide', selected_option: { value: `keep:${leak.id}` } } as never, {
      message: { ts: page!.ts!, blocks: page!.blocks },
      channelId: CHANNEL,
    });
    const modal = (await h.api.next('views.open', seq)).params.view;
    await h.send.viewSubmission(ALICE, { ...modal, id: 'V0KEEPLEAK' }, { reason: { reason: { type: 'plain_text_input', value: SAID[4] } } });
    expect(textOf((await h.api.next('chat.update', seq)).params)).toContain(SAID[4]);
    await h.idle();
    // A /call naming it, put back for later (its database went away while it was worked), still waiting.
    const [putBack] = await h.db
      .insert(schema.slackRequests)
      .values({
        teamId: TEAM,
        requestKey: 'cmd:put-back',
        entry: 'command /call',
        body: { command: '/call', text: `Leak iş co -reporting ${SAID[0]}`, team_id: TEAM, user_id: 'U0ALICE', channel_id: 'C0SALES' },
        receivedAt: h.now(),
        state: 'waiting',
        dueAt: sql`now() + interval '1 hour'`,
        attempts: 1,
      })
      .returning();

    // What the scans find before: they can find it, in every kind of place it was.
    const before = await tracesInDatabase(leak.id);
    expect(Object.keys(before)).toEqual(
      expect.arrayContaining([
        'clients.name',
        'calls.notes',
        'incidents.description',
        'next_steps.what',
        'decisions.reason',
        'proposals.client_id',
        'audit_log.details',
        'digest_messages.blocks',
        'digest_messages.client_ids',
        'slack_requests.body',
      ]),
    );
    expect(Object.keys(await tracesInExport(leak.id))).toEqual(
      expect.arrayContaining(['clients.csv', 'calls.csv', 'raw-clients.csv', 'raw-calls.csv', 'raw-digest_messages.csv']),
    );
    const steady = (await findClientByName(h.db, { teamId: TEAM, name: 'Steady Ltd' })).id;
    const steadyBlocks = (blocks: unknown[]) => (blocks as { block_id?: string }[]).filter((b) => b.block_id?.endsWith(steady));

    const showing = (await h.db.select().from(schema.digestMessages).where(eq(schema.digestMessages.teamId, TEAM))).filter((p) =>
      JSON.stringify(p.blocks).includes(leak.id),
    ).length;
    const { reply } = await h.command(ALICE, '/client', 'delete leak iş co');
    expect(reply.method).toBe('views.open');
    await workedAllButLater();
    const seq2 = h.api.lastSeq;
    await h.send.viewSubmission(ALICE, { ...reply.params.view, id: 'V0ERASELEAK' }, {});
    const told = await h.api.waitFor((c) => c.seq > seq2 && textOf(c.params).includes('Deleted'));
    expect(textOf(told.params)).toContain(
      showing === 1 ? 'It was also taken out of 1 digest message.' : `It was also taken out of ${showing} digest messages.`,
    );
    await workedAllButLater();

    // Someone's request still to be worked keeps its body (it may be about another client); once worked, it is
    // forgotten like every finished request. The form's own request, stored once the erasure was done (a form is
    // saved before its ack), lost its body when it was finished.
    expect(await tracesInDatabase(leak.id)).toEqual({ 'audit_log.entity_id': 1, 'slack_requests.body': 1 });
    await h.db
      .update(schema.slackRequests)
      .set({ dueAt: sql`now()` })
      .where(eq(schema.slackRequests.id, putBack!.id));
    await h.idle();
    const [worked] = await h.db.select().from(schema.slackRequests).where(eq(schema.slackRequests.id, putBack!.id));
    expect(worked).toMatchObject({ state: 'done', body: {} });
    expect(await tracesInDatabase(leak.id)).toEqual({ 'audit_log.entity_id': 1 });
    // The export has the audit line too, and nothing else of it.
    expect(await tracesInExport(leak.id)).toEqual({ 'raw-audit_log.csv': ['its id'] });
    const auditFile = [...h.api.files.values()].filter((f) => f.filename === 'raw-audit_log.csv').at(-1)!.content;
    expect(auditFile.split(leak.id)).toHaveLength(2);
    // The message in Slack: the client's part is gone, the rest as it was.
    const edited = h.since(seq2).find((c) => c.method === 'chat.update' && c.params.ts === page!.ts);
    expect(edited?.params).toMatchObject({ channel: CHANNEL, ts: page!.ts });
    expect(tracesIn(JSON.stringify(edited!.params), leak.id)).toEqual([]);
    expect(JSON.stringify(edited!.params.blocks)).toContain(DELETED_CLIENT_LINE);
    expect(textOf(edited!.params)).toMatch(/By owner: <@U0ALICE> \d+: Steady Ltd/);
    const [stored] = await h.db.select().from(schema.digestMessages).where(eq(schema.digestMessages.id, page!.id));
    expect(steadyBlocks(stored!.blocks)).toEqual(steadyBlocks(page!.blocks));
    expect(steadyBlocks(edited!.params.blocks)).toEqual(steadyBlocks(page!.blocks));
    // One audit line remains: who deleted which client id, when, and how many rows of each table.
    const [audit] = await h.db.select().from(schema.auditLog).where(eq(schema.auditLog.entityId, leak.id));
    expect(audit).toMatchObject({ action: 'client.erase', actor: 'U0ALICE', details: { rewritten: { digest_messages: showing } } });

    expect(logged.filter((line) => tracesIn(line, leak.id).length > 0)).toEqual([]);
  }, 60_000);

  it('a digest message Slack will not edit is logged; the client is erased all the same', async () => {
    await say(ALICE, '/client', 'add Gone Too Co');
    await say(ALICE, '/incident', 'gone too co lie Said the cheque was sent');
    await say(ADMIN, '/rapport', 'digest now --force');
    await h.idle();
    const gone = await findClientByName(h.db, { teamId: TEAM, name: 'Gone Too Co' });
    const { reply } = await h.command(ALICE, '/client', 'delete gone too co');
    await h.idle();
    h.api.failNext('chat.update', 'message_not_found');
    const seq = h.api.lastSeq;
    await h.send.viewSubmission(ALICE, { ...reply.params.view, id: 'V0ERASEGONE' }, {});
    expect(textOf((await h.api.waitFor((c) => c.seq > seq && textOf(c.params).includes('Deleted'))).params)).toContain('Deleted *Gone Too Co*');
    await h.idle();
    expect(
      h
        .since(seq)
        .filter((c) => c.method === 'chat.update')
        .map((c) => c.response?.error),
    ).toContain('message_not_found');
    expect(logged.some((line) => line.includes('could not edit a digest message in Slack after a client was deleted'))).toBe(true);
    const pages = await h.db.select().from(schema.digestMessages).where(eq(schema.digestMessages.teamId, TEAM));
    expect(JSON.stringify(pages)).not.toMatch(/Gone Too Co|cheque/);
    expect(JSON.stringify(pages)).not.toContain(gone.id);
  }, 60_000);
});
