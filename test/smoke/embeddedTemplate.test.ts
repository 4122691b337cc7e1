/**
 * What makes a first `npm start` quick (scripts/build.mjs): the build check compiles nothing when dist/ is
 * current, and a new embedded data folder is a copy of the database the build created and migrated ahead, with
 * a workspace-proof secret of its own (workspaceScope.ts), not the one every copy would share.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/client.js';
import { silentLogger } from '../../src/log.js';
import { builtEntry } from '../support/built.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const TEMPLATE = join(root, 'dist', 'embedded-database.tar.gz');

/** The cluster's identity (initdb draws it) and the database's workspace-proof secret. */
async function identity(query: (text: string) => Promise<Record<string, unknown>[]>) {
  const [row] = await query(
    'select (select system_identifier::text from pg_control_system()) as cluster, (select secret from workspace_proof_secret) as secret',
  );
  return row as { cluster: string; secret: string };
}
const ofHandle = (handle: DatabaseHandle) =>
  identity(async (text) => ((await handle.owner.execute(sql.raw(text))) as unknown as { rows: Record<string, unknown>[] }).rows);

describe('a first start, prepared by the build', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('npm start’s build check compiles nothing when dist/ is what the sources build', async () => {
    const built = statSync(builtEntry('main')).mtimeMs;
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [join(root, 'scripts', 'build.mjs'), '--if-changed'], { cwd: root });
    expect(stdout + stderr).toBe('');
    expect(statSync(builtEntry('main')).mtimeMs).toBe(built);
  });

  it('a new data folder is a copy of the template, migrated, with a secret of its own', async () => {
    const template = new PGlite({ loadDataDir: new Blob([readFileSync(TEMPLATE)]) });
    const original = await identity(async (text) => (await template.query<Record<string, unknown>>(text)).rows);
    await template.close();

    const copies = [];
    for (const _ of [1, 2]) {
      const dir = mkdtempSync(join(tmpdir(), 'rapport-template-'));
      dirs.push(dir);
      const handle = await openDatabase({ dataDir: dir, logger: silentLogger });
      copies.push(await ofHandle(handle));
      await handle.close();
      // Reopened, it keeps its own.
      const again = await openDatabase({ dataDir: dir, logger: silentLogger });
      expect(await ofHandle(again)).toEqual(copies.at(-1));
      await again.close();
    }
    expect(copies.map((c) => c.cluster)).toEqual([original.cluster, original.cluster]);
    expect(new Set([original.secret, ...copies.map((c) => c.secret)]).size).toBe(3);
  }, 120_000);
});
