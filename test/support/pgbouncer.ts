/**
 * A real PgBouncer (Debian's package) of a test's own, in transaction mode, on a free loopback port, in front of
 * TEST_DATABASE_URL's server with trust authentication: what Rapport meets behind a pooler in production.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where Debian puts it; PATH too, for other installs. */
export function pgbouncerBinary(): string | undefined {
  for (const candidate of ['/usr/sbin/pgbouncer', 'pgbouncer']) {
    if (spawnSync(candidate, ['--version'], { stdio: 'ignore' }).status === 0) return candidate;
  }
  return undefined;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface PgBouncer {
  /** `url` with its host and port replaced by the pooler's. */
  through(url: string): string;
  /** What it logged (for a failure's message). */
  log(): string;
  stop(): Promise<void>;
}

/**
 * `serverPoolSize`: server connections per database and user. Small, so that many client connections share few
 * server connections and transactions of different workspaces follow each other on one of them.
 */
export async function startPgBouncer(binary: string, serverUrl: string, users: string[], serverPoolSize = 2): Promise<PgBouncer> {
  const server = new URL(serverUrl);
  const dir = mkdtempSync(join(tmpdir(), 'rapport-pgbouncer-'));
  chmodSync(dir, 0o755); // read by the unprivileged user it runs as, below
  const port = await freePort();
  // trust: no password checked, but the user must still be listed in auth_file.
  writeFileSync(join(dir, 'users.txt'), users.map((u) => `"${u}" ""\n`).join(''), { mode: 0o644 });
  writeFileSync(
    join(dir, 'pgbouncer.ini'),
    [
      '[databases]',
      `* = host=${server.hostname} port=${server.port || '5432'}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'auth_type = trust',
      `auth_file = ${join(dir, 'users.txt')}`,
      'pool_mode = transaction',
      `default_pool_size = ${serverPoolSize}`,
      'max_client_conn = 200',
      '',
    ].join('\n'),
    { mode: 0o644 },
  );
  // PgBouncer refuses to run as root: as the server's own user then.
  const asUser = process.getuid?.() === 0 ? ['-u', spawnSync('id', ['postgres']).status === 0 ? 'postgres' : 'nobody'] : [];
  const child: ChildProcess = spawn(binary, [...asUser, join(dir, 'pgbouncer.ini')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout!.on('data', (c: Buffer) => (log += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (log += c.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Ready once it accepts connections (or it has exited: said with its log).
  const until = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`pgbouncer exited (${child.exitCode}):\n${log}`);
    const listening = await new Promise<boolean>((resolve) => {
      const probe = createServer();
      probe.once('error', () => resolve(true)); // the port is taken: by it
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(false)));
    });
    if (listening) break;
    if (Date.now() > until) throw new Error(`pgbouncer did not listen on ${port}:\n${log}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    through(url) {
      const pooled = new URL(url);
      pooled.hostname = '127.0.0.1';
      pooled.port = String(port);
      return pooled.toString();
    },
    log: () => log,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
