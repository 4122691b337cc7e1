// Benchmark 3: `npm start` to ready on the embedded database (first start and restart), and idle RSS.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtEntry } from '../test/support/built.js';

export interface ColdStartRow {
  run: 'first start (creates the database)' | 'restart (existing database)';
  readyMs: number;
  idleRssMb: number;
}

async function startOnce(dataDir: string): Promise<{ readyMs: number; idleRssMb: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [builtEntry('main')], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dataDir, PORT: String(45_000 + Math.floor(Math.random() * 10_000)) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const readyMs = await new Promise<number>((resolve, reject) => {
    let log = '';
    const read = (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes('Rapport is ready')) resolve(performance.now() - started);
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${log}`)));
  });
  await new Promise((r) => setTimeout(r, 3000)); // idle
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const idleRssMb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
  return { readyMs, idleRssMb };
}

export async function benchColdStart(): Promise<ColdStartRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-bench-start-'));
  try {
    const first = await startOnce(dir);
    const again = await startOnce(dir);
    return [
      { run: 'first start (creates the database)', ...first },
      { run: 'restart (existing database)', ...again },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
