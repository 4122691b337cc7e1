/**
 * Faults on a PostgreSQL server of the suite's own: an app instance killed while posting the digest, and the
 * server restarted under load. Skipped (with a note) where no PostgreSQL binaries are installed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq, sql } from 'drizzle-orm';
import { openDatabase, type DatabaseHandle } from '../../src/db/client.js';
import * as schema from '../../src/db/schema/index.js';
import { createClient } from '../../src/db/queries/clients.js';
import { updateWorkspaceSettings } from '../../src/db/queries/workspaces.js';
import { LocalSlackWebApi } from '../../src/local/slackWebApi.js';
import { SlackRequestSender } from '../../src/local/slackRequests.js';
import { silentLogger, type Logger } from '../../src/log.js';
import { createRapport } from '../../src/rapport.js';
import { postgresBinaries, startThrowawayPostgres, type ThrowawayPostgres } from '../support/throwawayPostgres.js';
import { textOf } from '../support/slackHarness.js';

const available = !!postgresBinaries();
if (!available) console.warn('fault tests skipped: no PostgreSQL binaries under /usr/lib/postgresql');

describe.skipIf(!available)('faults on a throwaway PostgreSQL server', () => {
  let pg: ThrowawayPostgres;
  let database: DatabaseHandle;
  beforeAll(async () => {
    pg = await startThrowawayPostgres();
    database = await openDatabase({ databaseUrl: pg.url, logger: silentLogger, poolSize: 10 });
  });
  afterAll(async () => {
    await database?.close();
    await pg?.stop();
  });

  it('three instances tick ten times together, one killed mid-post: exactly one digest per workspace-week', async () => {
    const due = new Date(Date.now() - 60_000);
    const teams = ['T0KILLA', 'T0KILLB', 'T0KILLC'];
    for (const teamId of teams) {
      await updateWorkspaceSettings(database.owner, {
        teamId,
        by: 'U0ADMIN',
        patch: {
          digestChannelId: `C${teamId.slice(1)}`,
          timeZone: 'UTC',
          digestDay: due.getUTCDay(),
          digestTime: due.toISOString().slice(11, 16),
        },
      });
    }
    await database.owner
      .update(schema.workspaces)
      .set({ createdAt: new Date('2026-01-01T00:00:00Z') })
      .where(sql`${schema.workspaces.teamId} in ('T0KILLA', 'T0KILLB', 'T0KILLC')`);
    const api = await new LocalSlackWebApi().start();
    api.holdNext('chat.postMessage');
    const children = new Map<string, ChildProcess>();
    let killed = '';
    api.onCall((call) => {
      if (call.method === 'chat.postMessage' && !killed) {
        killed = String(call.token).replace('xoxb-', '');
        children.get(killed)?.kill('SIGKILL'); // dies with its post accepted and unanswered
      }
    });
    const exits: Promise<unknown>[] = [];
    for (const instance of ['a', 'b', 'c']) {
      const child = spawn(process.execPath, ['--import', 'tsx', 'test/reliability/digestInstance.mts'], {
        env: { ...process.env, DATABASE_URL: pg.url, API_URL: api.apiUrl, INSTANCE: instance, TICKS: '10', TICK_MS: '500', LEASE: '2' },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      children.set(instance, child);
      exits.push(new Promise((resolve) => child.once('exit', resolve)));
    }
    await Promise.all(exits);
    await api.stop();

    const perChannel = teams.map((t) => api.calls.filter((c) => c.method === 'chat.postMessage' && c.params.channel === `C${t.slice(1)}`).length);
    const rows = await database.owner
      .select()
      .from(schema.digests)
      .where(sql`${schema.digests.teamId} in ('T0KILLA', 'T0KILLB', 'T0KILLC')`);
    console.log(
      `[reliability] instances: 3 × 10 ticks, instance ${killed} killed mid-post → posts per workspace ${perChannel.join(', ')}; digest rows ${rows.map((r) => `${r.teamId}:${r.status}`).join(', ')}`,
    );
    expect(killed).not.toBe('');
    expect(perChannel).toEqual([1, 1, 1]);
    expect(rows.map((r) => r.status)).toEqual(['posted', 'posted', 'posted']);
  });

  it('Postgres restarted while 200 commands are in flight: acknowledged entries are stored, failures are told, the app recovers', async () => {
    const api = await new LocalSlackWebApi([], 'T0RESTART').start();
    const errors: string[] = [];
    const logger: Logger = { debug() {}, info() {}, warn() {}, error: (m, c) => void errors.push(`${m} ${String(c?.error ?? '').slice(0, 160)}`) };
    const slack = createRapport({
      slack: { signingSecret: 'restart-secret-123', botToken: 'xoxb-t', appToken: undefined, apiUrl: api.apiUrl },
      database,
      logger,
    });
    const port = await slack.start(0, '127.0.0.1');
    const send = new SlackRequestSender({
      url: `http://127.0.0.1:${port}/slack/events`,
      signingSecret: 'restart-secret-123',
      responseUrl: (id) => api.responseUrl(id),
    });
    const actor = { teamId: 'T0RESTART', userId: 'U0DANA', channelId: 'C0R' };
    await createClient(database.owner, { teamId: actor.teamId, by: 'U0DANA', input: { name: 'Acme' } });

    const N = 200;
    let restarted = 0;
    const replies = new Map<number, string>();
    api.onCall((c) => {
      const m = /^r(\d+)$/.exec(c.responseUrlId ?? '');
      if (m) replies.set(Number(m[1]), textOf(c.params));
    });
    const sends = Array.from({ length: N }, async (_, i) => {
      await new Promise((r) => setTimeout(r, i * 10)); // spread over ~2 s
      if (i === 60) void pg.restart().then(() => (restarted = Date.now()));
      const res = await send.command(actor, '/call', `acme +comms entry-${i}`, { responseId: `r${i}`, triggerId: `t${i}` });
      // A request the app could not store is answered in its ack: nothing was saved, send it again.
      if (res.status === 200 && res.body?.text) replies.set(i, String(res.body.text));
      return res.status;
    });
    const statuses = await Promise.all(sends);
    for (let i = 0; i < 600 && (replies.size < N || !restarted); i++) await new Promise((r) => setTimeout(r, 50));

    // After the restart the same app, untouched, logs again.
    const recovery = await send.command(actor, '/call', 'acme +comms after-restart', { responseId: 'r-after', triggerId: 't-after' });
    const after = await api.waitFor((c) => c.responseUrlId === 'r-after', 15_000);
    const slowest = replies.size;
    await slack.stop(); // finishes whatever is still retrying
    await api.stop();
    const stored = new Set(
      (await database.owner.select({ notes: schema.calls.notes }).from(schema.calls).where(eq(schema.calls.teamId, actor.teamId))).map((r) => r.notes),
    );
    const acknowledged = statuses.filter((s) => s === 200).length;
    const logged = [...replies].filter(([, t]) => t.includes('logged.'));
    const failed = [...replies].filter(([, t]) => !t.includes('logged.'));
    const lost = logged.filter(([i]) => !stored.has(`entry-${i}`));
    console.log(
      `[reliability] restart: ${N} commands, ${acknowledged} acked, ${replies.size} answered (${N - slowest} after more than 30 s) — ${logged.length} stored and confirmed, ` +
        `${failed.length} told it failed${failed[0] ? ` ("${failed[0][1].slice(0, 60)}")` : ''}; confirmed but missing: ${lost.length}; recovered without restart: ${after ? 'yes' : 'no'}; errors logged: ${errors.length}${[...new Set(errors)].map((e) => `\n  logged: ${e}`).join('')}`,
    );
    expect(acknowledged).toBe(N);
    expect(replies.size).toBe(N);
    expect(lost).toEqual([]);
    expect(failed.every(([, t]) => /went wrong|nothing was stored|nothing was done/i.test(t))).toBe(true);
    expect(failed.filter(([i]) => stored.has(`entry-${i}`))).toEqual([]);
    expect(recovery.status).toBe(200);
    expect(textOf(after.params)).toContain('logged.');
    const [row] = await database.owner.select({ n: count() }).from(schema.calls).where(eq(schema.calls.notes, 'after-restart'));
    expect(row!.n).toBe(1);
  });
});
