/**
 * Creates and migrates one embedded database for the whole run and hands its tarball to every test file:
 * loading a copy takes a fraction of creating one (stack-notes: PGlite creation is 3–4 s).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/db/client.js';
import { silentLogger } from '../../src/log.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteSnapshot: string;
  }
}

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-test-'));
  const handle = await openDatabase({ dataDir: undefined, logger: silentLogger });
  const path = join(dir, 'migrated.tar');
  writeFileSync(path, Buffer.from(await (await handle.dump!()).arrayBuffer()));
  await handle.close();
  project.provide('pgliteSnapshot', path);
  return () => rmSync(dir, { recursive: true, force: true });
}
