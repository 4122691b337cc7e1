// Benchmark 1e: where one command's time goes. A sequential loop of signed `/call` commands through the HTTP
// receiver, each waiting for its reply, with V8's sampling profiler on in this process (every 200 µs), against
// Postgres; the samples are summed by bucket: our code by folder, each library by package, node's internals, GC
// and idle (waiting on Postgres, mostly). The sender and the Slack stand-in run in this process too: their share
// is the bench harness's. The profile itself is written beside the results, to open in Chrome DevTools.
import { writeFileSync } from 'node:fs';
import { Session, type Profiler } from 'node:inspector/promises';
import { createClient } from '../src/db/queries/clients.js';
import { LocalSlackWebApi } from '../src/local/slackWebApi.js';
import { SlackRequestSender } from '../src/local/slackRequests.js';
import { silentLogger } from '../src/log.js';
import { createRapport } from '../src/rapport.js';
import { openPrivateDatabase } from '../test/support/privateDatabase.js';

const SECRET = 'bench-signing-secret-0123456789';
const actor = { teamId: 'T0PROF', userId: 'U0PROF', channelId: 'C0PROF' };
const SAMPLING_INTERVAL_US = 200;

export interface ProfileSummary {
  commands: number;
  /** Sent → reply arrived, one after another, without the profiler and with it. */
  msPerCommand: number;
  msPerCommandProfiled: number;
  /** This process's CPU time (user and system, every thread) per command, profiled. */
  cpuMsPerCommand: number;
  samples: number;
  /** Share of the profiled time, by bucket, largest first. */
  shares: { bucket: string; percent: number }[];
  file: string;
}

const HARNESS = 'bench harness (sender, Slack stand-in, src/local)';

/** The bucket a script's URL belongs to; undefined for a frame with none (a V8 builtin: its caller's bucket). */
function bucketOf(url: string, root: string): string | undefined {
  if (!url) return undefined;
  const modules = url.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const [scope, name] = url.slice(modules + '/node_modules/'.length).split('/');
    return scope!.startsWith('@') ? `${scope}/${name}` : scope!;
  }
  if (url.startsWith('node:')) return 'node internals';
  if (!url.startsWith(root)) return `other (${url.slice(0, 60)})`;
  const [top, ...rest] = url.slice(root.length).split('/');
  // The bench runs the app from its build (dist/ mirrors src/); through tsx it is src/ itself.
  if (top !== 'dist' && top !== 'src') return HARNESS;
  if (rest[0] === 'local') return HARNESS;
  return rest.length === 1 ? 'src (top level: rapport.ts, log.ts, …)' : `src/${rest[0]}`;
}

/** Time per bucket: each sample lasts until the next one (as DevTools counts it). */
export function summariseProfile(profile: Profiler.Profile, root: string): { samples: number; shares: { bucket: string; percent: number }[] } {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  const special: Record<string, string> = {
    '(garbage collector)': 'GC',
    '(idle)': 'idle (waiting: Postgres, the network)',
    '(program)': 'V8 and native code outside JavaScript',
    '(root)': 'V8 and native code outside JavaScript',
  };
  const buckets = new Map<number, string>();
  const bucket = (id: number): string => {
    const known = buckets.get(id);
    if (known) return known;
    const { callFrame } = nodes.get(id)!;
    const up = parent.get(id);
    const found = special[callFrame.functionName] ?? bucketOf(callFrame.url, root) ?? (up === undefined ? 'node internals' : bucket(up));
    buckets.set(id, found);
    return found;
  };
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const time = new Map<string, number>();
  let total = 0;
  for (let i = 0; i < samples.length; i++) {
    const lasted = deltas[i + 1] ?? 0;
    const b = bucket(samples[i]!);
    time.set(b, (time.get(b) ?? 0) + lasted);
    total += lasted;
  }
  const shares = [...time].map(([b, t]) => ({ bucket: b, percent: (100 * t) / total })).sort((a, b) => b.percent - a.percent);
  return { samples: samples.length, shares };
}

export async function benchProfile(serverUrl: string, commands: number, warmUp: number, file: string): Promise<ProfileSummary> {
  const api = await new LocalSlackWebApi([], actor.teamId).start();
  const database = await openPrivateDatabase(serverUrl, 'rapport_profile', 4);
  const session = new Session();
  try {
    const rapport = createRapport({
      slack: { signingSecret: SECRET, botToken: 'xoxb-profile', appToken: undefined, apiUrl: api.apiUrl },
      database,
      logger: silentLogger,
    });
    const port = await rapport.start(0, '127.0.0.1');
    await createClient(database.owner, { teamId: actor.teamId, by: actor.userId, input: { name: 'Acme' } });
    const sender = new SlackRequestSender({ url: `http://127.0.0.1:${port}/slack/events`, signingSecret: SECRET, responseUrl: (id) => api.responseUrl(id) });
    let n = 0;
    /** One `/call`, until its reply reached its response URL. */
    const answered = async () => {
      const id = `p${++n}`;
      const replied = api.waitFor((c) => c.method === 'response_url' && c.responseUrlId === id, 10_000);
      await sender.command(actor, '/call', `acme +communication -reporting profiled call ${n}`, { triggerId: id, responseId: id });
      await replied;
    };
    const loop = async () => {
      const from = performance.now();
      for (let i = 0; i < commands; i++) await answered();
      return (performance.now() - from) / commands;
    };
    for (let i = 0; i < warmUp; i++) await answered();
    const msPerCommand = await loop();

    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
    await session.post('Profiler.start');
    const cpu = process.cpuUsage();
    const msPerCommandProfiled = await loop();
    const used = process.cpuUsage(cpu);
    const { profile } = await session.post('Profiler.stop');
    await rapport.stop().catch(() => {});
    writeFileSync(file, JSON.stringify(profile));
    return {
      commands,
      msPerCommand,
      msPerCommandProfiled,
      cpuMsPerCommand: (used.user + used.system) / 1000 / commands,
      ...summariseProfile(profile, new URL('..', import.meta.url).href),
      file,
    };
  } finally {
    session.disconnect();
    await database.close().catch(() => {});
    await api.stop();
  }
}
