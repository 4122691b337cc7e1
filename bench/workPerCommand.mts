// Benchmark 1d: the work one command costs, counted rather than timed: database round trips (through a proxy that
// counts each simple query and each extended-protocol Sync the app's connections send) and calls to Slack (Web API
// methods and response URLs, from the recording stand-in), per `/call`, per `/client show` and per button (Undo).
// Postgres only. The workers' idle polling of the inbox is measured first and taken off.
import type { DatabaseHandle } from '../src/db/client.js';
import { createClient } from '../src/db/queries/clients.js';
import { LocalSlackWebApi } from '../src/local/slackWebApi.js';
import { SlackRequestSender } from '../src/local/slackRequests.js';
import { silentLogger } from '../src/log.js';
import { createRapport } from '../src/rapport.js';
import { openPrivateDatabase } from '../test/support/privateDatabase.js';
import { startStatementProxy } from '../test/support/statementProxy.js';

const SECRET = 'bench-signing-secret-0123456789';
const actor = { teamId: 'T0WORK', userId: 'U0WORK', channelId: 'C0WORK' };

export interface WorkRow {
  command: string;
  runs: number;
  roundTrips: number;
  webApi: Record<string, number>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function benchWorkPerCommand(serverUrl: string, runs: number): Promise<WorkRow[]> {
  const proxy = await startStatementProxy(serverUrl);
  let database: (DatabaseHandle & { url: string }) | undefined;
  const api = await new LocalSlackWebApi([], actor.teamId).start();
  try {
    database = await openPrivateDatabase(serverUrl, 'rapport_work', 4, { routes: (url) => ({ databaseUrl: proxy.through(url) }) });
    const rapport = createRapport({
      slack: { signingSecret: SECRET, botToken: 'xoxb-work', appToken: undefined, apiUrl: api.apiUrl },
      database,
      logger: silentLogger,
    });
    const port = await rapport.start(0, '127.0.0.1');
    await createClient(database.owner, { teamId: actor.teamId, by: actor.userId, input: { name: 'Acme' } });
    const sender = new SlackRequestSender({ url: `http://127.0.0.1:${port}/slack/events`, signingSecret: SECRET, responseUrl: (id) => api.responseUrl(id) });
    const replies = () => api.callsTo('response_url').length;
    /** Sends one request and waits for its answer, and then for the work after it (pictures, DMs) to be over. */
    const answered = async (send: () => Promise<unknown>) => {
      const before = replies();
      await send();
      while (replies() === before) await sleep(5);
      for (let quiet = 0, last = api.calls.length; quiet < 4;) {
        await sleep(50);
        quiet = api.calls.length === last ? quiet + 1 : 0;
        last = api.calls.length;
      }
    };
    let n = 0;
    const call = () => sender.command(actor, '/call', `acme +communication -reporting work call ${++n}`, { triggerId: `w${n}`, responseId: `w${n}` });
    const show = () => sender.command(actor, '/client', 'show acme', { triggerId: `s${++n}`, responseId: `s${n}` });
    const undo = async () => {
      await answered(call);
      const confirmation = api.callsTo('response_url').at(-1)!;
      const button = JSON.stringify(confirmation.params.blocks).match(/"action_id":"(call_undo)","value":"([^"]+)"/);
      if (!button) throw new Error('no Undo on the call’s confirmation');
      return () => sender.blockAction(actor, { action_id: button[1]!, value: button[2]! });
    };
    for (let i = 0; i < 3; i++) await answered(call); // warm: prepared statements, the workspace's row, the caches
    await answered(show);

    // The workers' polling while nothing happens, per millisecond.
    proxy.clear();
    const idleFrom = performance.now();
    await sleep(3000);
    const idlePerMs = proxy.roundTrips() / (performance.now() - idleFrom);

    const rows: WorkRow[] = [];
    for (const [command, send, setUp] of [
      ['/call acme +communication -reporting …', call, undefined],
      ['/client show acme (with its picture)', show, undefined],
      ['button: Undo on a call’s confirmation', undefined, undo],
    ] as const) {
      let trips = 0;
      const webApi: Record<string, number> = {};
      for (let i = 0; i < runs; i++) {
        // A button's message is made first (the call it undoes is logged), outside the count.
        const sent = setUp ? await setUp() : send!;
        const seq = api.lastSeq;
        proxy.clear();
        const from = performance.now();
        await answered(sent);
        trips += proxy.roundTrips() - idlePerMs * (performance.now() - from);
        for (const c of api.calls.filter((c) => c.seq > seq)) webApi[c.method] = (webApi[c.method] ?? 0) + 1;
      }
      rows.push({ command, runs, roundTrips: trips / runs, webApi: Object.fromEntries(Object.entries(webApi).map(([m, k]) => [m, k / runs])) });
    }
    await rapport.stop().catch(() => {});
    return rows;
  } finally {
    await database?.close().catch(() => {});
    await api.stop();
    await proxy.stop();
  }
}
