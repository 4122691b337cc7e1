/**
 * A PostgreSQL server of the suite's own (stack-notes): its own data folder and port, so fault tests can
 * restart or kill it without touching the machine's shared server.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function postgresBinaries(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : undefined;
}

export interface ThrowawayPostgres {
  url: string;
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const bin = postgresBinaries();
  if (!bin) throw new Error('no PostgreSQL binaries under /usr/lib/postgresql');
  const dir = mkdtempSync(join(tmpdir(), 'rapport-pg-'));
  const data = join(dir, 'data');
  const sock = join(dir, 'sock');
  const log = join(dir, 'log');
  for (const d of [data, sock, log]) mkdirSync(d);
  // Postgres refuses to run as root: run it as the postgres user, owning its folders.
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) =>
    execFileSync(asRoot ? 'runuser' : join(bin, cmd), asRoot ? ['-u', 'postgres', '--', join(bin, cmd), ...args] : args, { stdio: 'pipe' });
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    for (const d of [dir, data, sock, log]) chownSync(d, uid, gid);
  }
  run('initdb', ['-D', data, '-U', 'app', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  // The ports tried lie in Linux's ephemeral range, where the suite's own connections take local ports: one may
  // be in use (CI saw it once), so another is tried.
  let port = 0;
  let options: string[] = [];
  for (let attempt = 1; ; attempt++) {
    port = 54_329 + Math.floor(Math.random() * 1000);
    options = ['-o', `-p ${port} -k ${sock} -c listen_addresses=127.0.0.1 -c fsync=off`];
    try {
      run('pg_ctl', ['-D', data, '-l', join(log, 'pg.log'), ...options, '-w', 'start']);
      break;
    } catch (error) {
      const inUse = readFileSync(join(log, 'pg.log'), 'utf8').includes(`port ${port}?`);
      if (!inUse || attempt === 20) {
        rmSync(dir, { recursive: true, force: true });
        throw error;
      }
    }
  }
  return {
    url: `postgres://app@127.0.0.1:${port}/postgres`,
    async restart() {
      run('pg_ctl', ['-D', data, '-l', join(log, 'pg.log'), ...options, '-m', 'fast', '-w', 'restart']);
    },
    async stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
