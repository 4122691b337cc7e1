/** The compiled entry points (`npm run build`): tests that start Rapport as a process start what production runs. */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

type Entry = 'main' | 'worker' | 'keysRotate';

export function builtEntry(name: Entry): string {
  const path = fileURLToPath(new URL(`../../dist/${name}.js`, import.meta.url));
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run build\` first (npm test and npm run test:reliability do).`);
  return path;
}

/** The npm script that runs each entry point in production (package.json). */
const SCRIPT_OF: Record<Entry, string> = { main: 'start', worker: 'worker', keysRotate: 'keys:rotate' };

/**
 * Node's arguments for an entry point as its npm script runs it (`node <flags> dist/<entry>.js`): its flags (the
 * V8 memory settings, say), then the compiled file. What spawns the app spawns it so, never with other settings.
 */
export function builtCommand(name: Entry): string[] {
  const scripts = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> }).scripts;
  const script = scripts[SCRIPT_OF[name]] ?? '';
  const parts = /^node((?: --\S+)*) dist\/(\w+)\.js$/.exec(script);
  if (!parts || parts[2] !== name) throw new Error(`package.json's "${SCRIPT_OF[name]}" script is not \`node [--flags] dist/${name}.js\`: ${script}`);
  return [...parts[1]!.split(' ').filter(Boolean), builtEntry(name)];
}
