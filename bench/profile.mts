// Benchmark 1e: where one command's time goes. A sequential loop of signed `/call` commands through the HTTP
// receiver, each waiting for its reply, with V8's sampling profiler on in this process (every 200 µs), against
// Postgres; the samples are summed by bucket: our code by folder, each library by package, node's internals, GC
// and idle (waiting on Postgres, mostly). The sender and the Slack stand-in run in this process too: their share
// is the bench harness's. The profile itself is written beside the results, to open in Chrome DevTools.
import { writeFileSync } from 'node:fs';
import { Session, type Profiler } from 'node:inspector/promises';
import { LocalSlackWebApi } from '../src/local/slackWebApi.js';
import { openPrivateDatabase } from '../test/support/privateDatabase.js';
import { startBenchRapport } from './benchApp.mjs';

const actor = { teamId: 'T0PROF', userId: 'U0PROF', channelId: 'C0PROF' };
const SAMPLING_INTERVAL_US = 200;

export interface ProfileSummary {
  commands: number;
  /** Sent → reply arrived, one after another, without the profiler and with it. */
  msPerCommand: number;
  msPerCommandProfiled: number;
  /** This process's CPU time (user and system, every thread) per command, without the profiler and with it. */
  cpuMsPerCommand: number;
  cpuMsPerCommandProfiled: number;
  samples: number;
  /** Share of the profiled time, by bucket, largest first. */
  shares: Share[];
  /** The functions with the most time of their own, V8's own frames (idle, GC) left out. */
  hottest: Hot[];
  file: string;
}

export type Group = 'our code' | 'libraries' | 'node internals' | 'bench harness' | 'GC' | 'idle' | 'V8 and native';

export interface Share {
  group: Group;
  bucket: string;
  percent: number;
}

/** A function's own time (not its callees'). */
export interface Hot {
  function: string;
  bucket: string;
  percent: number;
}

const HARNESS: [Group, string] = ['bench harness', 'bench harness (sender, Slack stand-in, src/local)'];
const NATIVE: [Group, string] = ['V8 and native', 'V8 and native code outside JavaScript'];
/** V8's own frames, by their names (a Map: a function may be called `toString`). */
const SPECIAL = new Map<string, [Group, string]>([
  ['(garbage collector)', ['GC', 'GC']],
  ['(idle)', ['idle', 'idle (waiting: Postgres, the network)']],
  ['(program)', NATIVE],
  ['(root)', NATIVE],
]);

/** Our code by folder, a library by package, the harness; undefined for any other script (node's own, a builtin, WebAssembly). */
function bucketOf(url: string, root: string): [Group, string] | undefined {
  if (!url.startsWith('file:')) return undefined;
  const modules = url.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const [scope, name] = url.slice(modules + '/node_modules/'.length).split('/');
    return ['libraries', scope!.startsWith('@') ? `${scope}/${name}` : scope!];
  }
  if (!url.startsWith(root)) return ['libraries', url];
  const [top, ...rest] = url.slice(root.length).split('/');
  // The bench runs the app from its build (dist/ mirrors src/); through tsx it is src/ itself.
  if ((top !== 'dist' && top !== 'src') || rest[0] === 'local') return HARNESS;
  return ['our code', rest.length === 1 ? 'src (top level: rapport.ts, log.ts, …)' : `src/${rest[0]}`];
}

/**
 * Time per bucket: each sample lasts until the next one (as DevTools counts it). Node's own code is named with the
 * nearest caller of ours, a library's or the harness's it works for (a socket written for postgres), and a builtin
 * or WebAssembly frame is its caller's.
 */
export function summariseProfile(profile: Profiler.Profile, root: string): { samples: number; shares: Share[]; hottest: Hot[] } {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  /** The nearest frame up the stack (itself included) that is a file's. */
  const caller = (id: number | undefined): [Group, string] | undefined => {
    for (; id !== undefined; id = parent.get(id)) {
      const found = bucketOf(nodes.get(id)!.callFrame.url, root);
      if (found) return found;
    }
    return undefined;
  };
  const buckets = new Map<number, [Group, string]>();
  const bucket = (id: number): [Group, string] => {
    const known = buckets.get(id);
    if (known) return known;
    const { callFrame } = nodes.get(id)!;
    const up = parent.get(id);
    let found = SPECIAL.get(callFrame.functionName) ?? bucketOf(callFrame.url, root);
    if (!found && callFrame.url.startsWith('node:'))
      found = ['node internals', `node internals, for ${caller(up)?.[1] ?? 'the event loop (sockets read, timers)'}`];
    found ??= up === undefined ? NATIVE : bucket(up);
    buckets.set(id, found);
    return found;
  };
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const time = new Map<string, { group: Group; bucket: string; t: number }>();
  const functions = new Map<string, { bucket: string; t: number }>();
  let total = 0;
  for (let i = 0; i < samples.length; i++) {
    const lasted = deltas[i + 1] ?? 0;
    const [group, name] = bucket(samples[i]!);
    const entry = time.get(name) ?? time.set(name, { group, bucket: name, t: 0 }).get(name)!;
    entry.t += lasted;
    total += lasted;
    const { functionName, url, lineNumber } = nodes.get(samples[i]!)!.callFrame;
    if (SPECIAL.has(functionName)) continue;
    const where = `${functionName || '(anonymous)'} ${url ? `${url.slice(url.lastIndexOf('/') + 1)}:${lineNumber + 1}` : '(native)'}`;
    (functions.get(where) ?? functions.set(where, { bucket: name, t: 0 }).get(where)!).t += lasted;
  }
  const shares = [...time.values()]
    .map(({ group, bucket: name, t }) => ({ group, bucket: name, percent: (100 * t) / total }))
    .sort((a, b) => b.percent - a.percent);
  const hottest = [...functions]
    .map(([where, { bucket: name, t }]) => ({ function: where, bucket: name, percent: (100 * t) / total }))
    .sort((a, b) => b.percent - a.percent)
    .slice(0, 10);
  return { samples: samples.length, shares, hottest };
}

export async function benchProfile(serverUrl: string, commands: number, warmUp: number, file: string): Promise<ProfileSummary> {
  const api = await new LocalSlackWebApi([], actor.teamId).start();
  const database = await openPrivateDatabase(serverUrl, 'rapport_profile', 4);
  const session = new Session();
  try {
    const { rapport, sender } = await startBenchRapport(database, api, actor);
    let n = 0;
    /** One `/call`, until its reply reached its response URL. */
    const answered = async () => {
      const id = `p${++n}`;
      const replied = api.waitFor((c) => c.method === 'response_url' && c.responseUrlId === id, 10_000);
      await sender.command(actor, '/call', `acme +communication -reporting profiled call ${n}`, { triggerId: id, responseId: id });
      await replied;
    };
    /** Wall-clock and CPU ms per command. */
    const loop = async () => {
      const from = performance.now();
      const cpu = process.cpuUsage();
      for (let i = 0; i < commands; i++) await answered();
      const used = process.cpuUsage(cpu);
      return [(performance.now() - from) / commands, (used.user + used.system) / 1000 / commands] as const;
    };
    for (let i = 0; i < warmUp; i++) await answered();
    const [msPerCommand, cpuMsPerCommand] = await loop();

    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
    await session.post('Profiler.start');
    const [msPerCommandProfiled, cpuMsPerCommandProfiled] = await loop();
    const { profile } = await session.post('Profiler.stop');
    await rapport.stop().catch(() => {});
    writeFileSync(file, JSON.stringify(profile));
    return {
      commands,
      msPerCommand,
      msPerCommandProfiled,
      cpuMsPerCommand,
      cpuMsPerCommandProfiled,
      ...summariseProfile(profile, new URL('..', import.meta.url).href),
      file,
    };
  } finally {
    session.disconnect();
    await database.close().catch(() => {});
    await api.stop();
  }
}
