/**
 * Rapport runs on the Node its package.json pins (the `node` package, a Node 24 binary in node_modules/.bin),
 * not on the machine's own Node, which may be older and only runs npm: every npm script, and so the tests and
 * every process they start with `process.execPath`, finds that binary first on its PATH.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { delimiter } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const pinned = manifest.dependencies['node'];
const major = (version: string | undefined) => version?.replace(/^[^\d]*/, '').split('.')[0];

describe('the runtime', () => {
  it('is the pinned Node 24, not the machine’s', () => {
    expect(pinned).toMatch(/^24\.\d+\.\d+$/);
    expect(process.versions.node).toBe(pinned);
  });

  it('has type definitions of its own major version', () => {
    expect(major(manifest.devDependencies['@types/node'])).toBe(major(pinned));
  });

  it('is what an npm script runs when the caller’s PATH knows only the machine’s Node', async () => {
    // The PATH a person's shell has: no project's node_modules/.bin, so `npm` itself runs on the machine's Node.
    const PATH = (process.env['PATH'] ?? '')
      .split(delimiter)
      .filter((dir) => !dir.includes('node_modules'))
      .join(delimiter);
    const { stdout } = await promisify(execFile)('npm', ['exec', '--call', 'node -p process.versions.node'], {
      cwd: root,
      env: { ...process.env, PATH },
    });
    expect(stdout.trim()).toBe(pinned);
  }, 60_000); // npm starts in about a second when the machine is quiet, several times that when it is busy
});
