/** The compiled entry points (`npm run build`): tests that start Rapport as a process start what production runs. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function builtEntry(name: 'main' | 'worker' | 'keysRotate'): string {
  const path = fileURLToPath(new URL(`../../dist/${name}.js`, import.meta.url));
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run build\` first (npm test and npm run test:reliability do).`);
  return path;
}
