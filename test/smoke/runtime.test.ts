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
import { builtCommand } from '../support/built.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  scripts: Record<string, string>;
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

  it('runs the app, a worker and the bench with the same V8 settings, which keep the young generation to 16 MB a half', async () => {
    const [app, worker] = [builtCommand('main'), builtCommand('worker')].map((command) => command.slice(0, -1));
    // The bench runs the app in its own process for section 1: with the flags production has, before its imports.
    const bench = /&& node((?: --(?!import)\S+)*) --import/
      .exec(manifest.scripts['bench'] ?? '')?.[1]
      ?.trim()
      .split(' ');
    expect(app).toContain('--max-semi-space-size=16');
    expect(worker).toEqual(app);
    expect(bench).toEqual(app);
    // Garbage made as a busy process makes it: left to itself V8 grew this space to 64 MB and kept it.
    const churn = `let k=[];for(let i=0;i<3e6;i++){k.push({i,s:'x'+i});if(k.length>2e4)k=[]}
      console.log(require('node:v8').getHeapSpaceStatistics().find((s)=>s.space_name==='new_space').space_size)`;
    const { stdout } = await promisify(execFile)(process.execPath, [...app!, '-e', churn]);
    expect(Number(stdout)).toBeGreaterThan(0);
    expect(Number(stdout)).toBeLessThanOrEqual(2 * 16 * 1024 * 1024);
  }, 60_000);
});
