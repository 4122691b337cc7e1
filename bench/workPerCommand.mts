// Benchmark 1d: the work one command costs, counted rather than timed, through a proxy in front of the server:
// statements run, Syncs (each simple query and each extended-protocol Sync) and exchanges (the round trips a
// latency sees: a Query or Sync sent while its connection awaited nothing, so statements pipelined together count
// once); and calls to Slack (Web API methods and response URLs, from the recording stand-in). Per `/call`, per
// `/client show`, per button (Undo) and per form (the call form submitted). Postgres only. The workers' idle
// polling of the inbox is measured first and taken off.
import type { DatabaseHandle } from '../src/db/client.js';
import { findClientByName } from '../src/db/queries/clients.js';
import { LocalSlackWebApi } from '../src/local/slackWebApi.js';
import { openPrivateDatabase } from '../test/support/privateDatabase.js';
import { startStatementProxy } from '../test/support/statementProxy.js';
import { startBenchRapport } from './benchApp.mjs';

const actor = { teamId: 'T0WORK', userId: 'U0WORK', channelId: 'C0WORK' };

export interface WorkRow {
  command: string;
  runs: number;
  statements: number;
  /** Syncs and simple queries. */
  roundTrips: number;
  exchanges: number;
  webApi: Record<string, number>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function benchWorkPerCommand(serverUrl: string, runs: number): Promise<WorkRow[]> {
  const proxy = await startStatementProxy(serverUrl);
  let database: (DatabaseHandle & { url: string }) | undefined;
  const api = await new LocalSlackWebApi([], actor.teamId).start();
  try {
    database = await openPrivateDatabase(serverUrl, 'rapport_work', 4, { routes: (url) => ({ databaseUrl: proxy.through(url) }) });
    const { rapport, sender } = await startBenchRapport(database, api, actor);
    const quiet = async () => {
      for (let still = 0, last = api.calls.length; still < 4;) {
        await sleep(50);
        still = api.calls.length === last ? still + 1 : 0;
        last = api.calls.length;
      }
    };
    /** Sends one request and waits for its answer, and then for the work after it (pictures, DMs) to be over. */
    const answered = async (send: () => Promise<unknown>) => {
      const seq = api.lastSeq;
      // A command's or button's answer goes to its response URL; a form's, submitted in a channel, is posted there.
      const replied = () => api.calls.some((c) => c.seq > seq && (c.method === 'response_url' || c.method === 'chat.postEphemeral'));
      await send();
      while (!replied()) await sleep(5);
      await quiet();
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
    const acme = await findClientByName(database.owner, { teamId: actor.teamId, name: 'Acme' });
    const checked = (blockId: string, value: string) => ({ [blockId]: { [blockId]: { type: 'checkboxes', selected_options: [{ value }] } } });
    /** The call form as `/call` with no words opens it, filled in as a person would; submitting it is what is counted. */
    const form = async () => {
      const seq = api.lastSeq;
      await sender.command(actor, '/call', '', { triggerId: `f${++n}`, responseId: `f${n}` });
      const opened = await api.waitFor((c) => c.seq > seq && c.method === 'views.open');
      await quiet();
      const view = { ...(opened.params.view as Record<string, unknown>), id: `V0WORK${n}` };
      return async () => {
        const res = await sender.viewSubmission(actor, view, {
          client: { client: { type: 'external_select', selected_option: { value: acme.id } } },
          ...checked('traits_good', 'excellent_communication'),
          ...checked('traits_bad', 'no_data_sharing'),
          notes: { notes: { type: 'plain_text_input', value: `work form ${n}` } },
        });
        // An answer in the ack is the form refused (its field errors): nothing would follow.
        if (res.body) throw new Error(`the call form was refused: ${JSON.stringify(res.body)}`);
      };
    };
    for (let i = 0; i < 3; i++) await answered(call); // warm: prepared statements, the workspace's row, the caches
    await answered(show);

    // The workers' polling while nothing happens, per millisecond.
    proxy.clear();
    const idleFrom = performance.now();
    await sleep(3000);
    const idleMs = performance.now() - idleFrom;
    const idle = { statements: proxy.executed.length / idleMs, roundTrips: proxy.roundTrips() / idleMs, exchanges: proxy.exchanges() / idleMs };

    const rows: WorkRow[] = [];
    for (const [command, send, setUp] of [
      ['/call acme +communication -reporting …', call, undefined],
      ['/client show acme (with its picture)', show, undefined],
      ['button: Undo on a call’s confirmation', undefined, undo],
      ['form: the call form submitted', undefined, form],
    ] as const) {
      const counted = { statements: 0, roundTrips: 0, exchanges: 0 };
      const webApi: Record<string, number> = {};
      for (let i = 0; i < runs; i++) {
        // A button's message is made first (the call it undoes is logged), and a form opened, outside the count.
        const sent = setUp ? await setUp() : send!;
        const seq = api.lastSeq;
        proxy.clear();
        const from = performance.now();
        await answered(sent);
        const ms = performance.now() - from;
        counted.statements += proxy.executed.length - idle.statements * ms;
        counted.roundTrips += proxy.roundTrips() - idle.roundTrips * ms;
        counted.exchanges += proxy.exchanges() - idle.exchanges * ms;
        for (const c of api.calls.filter((c) => c.seq > seq)) webApi[c.method] = (webApi[c.method] ?? 0) + 1;
      }
      rows.push({
        command,
        runs,
        statements: counted.statements / runs,
        roundTrips: counted.roundTrips / runs,
        exchanges: counted.exchanges / runs,
        webApi: Object.fromEntries(Object.entries(webApi).map(([m, k]) => [m, k / runs])),
      });
    }
    await rapport.stop().catch(() => {});
    return rows;
  } finally {
    await database?.close().catch(() => {});
    await api.stop();
    await proxy.stop();
  }
}
