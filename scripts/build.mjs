// `npm run build` (always compiles) and `npm start`'s check (`--if-changed`: compiles only when the sources,
// the TypeScript settings, the lockfile or this script differ from what dist/ was built from). Either way it
// also keeps dist/embedded-database.tar.gz: an embedded database created and migrated ahead, which a first
// start copies instead of creating one (PGlite's creation, initdb in WASM, is most of a first start: measured
// 2–4 s of the 3–5 s its database takes). It is made again only when the migrations or PGlite change, and made
// beside the compiler, which runs as a process of its own.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const at = (...path) => join(root, ...path);
const DIST = at('dist');
const STAMP = at('dist', 'build.json');
/** Read by src/db/client.ts, which names the same file. */
const TEMPLATE = at('dist', 'embedded-database.tar.gz');
const require = createRequire(import.meta.url);

/** One hash of the files' paths and contents, in a stable order. */
function fingerprint(paths) {
  const hash = createHash('sha256');
  for (const path of paths.flatMap(filesOf).sort())
    hash
      .update(`${path}\0`)
      .update(readFileSync(at(path)))
      .update('\0');
  return hash.digest('hex');
}

function filesOf(path) {
  if (!statSync(at(path)).isDirectory()) return [path];
  return readdirSync(at(path), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(root.length));
}

const pgliteVersion = () => JSON.parse(readFileSync(join(dirname(require.resolve('@electric-sql/pglite')), '..', 'package.json'), 'utf8')).version;

const readStamp = () => {
  try {
    return JSON.parse(readFileSync(STAMP, 'utf8'));
  } catch {
    return {};
  }
};

function compile() {
  const tsc = join(dirname(require.resolve('typescript/package.json')), 'bin', 'tsc');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tsc, '-p', at('tsconfig.build.json')], { stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`tsc exited with ${code}`))));
  });
}

/** In memory, then one gzipped tarball (about 5 MB): the same migrations the app applies, nothing else. */
async function makeTemplate() {
  const [{ PGlite }, { drizzle }, { migrate }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('drizzle-orm/pglite'),
    import('drizzle-orm/pglite/migrator'),
  ]);
  const pg = new PGlite();
  try {
    await migrate(drizzle(pg), { migrationsFolder: at('drizzle') });
    writeFileSync(TEMPLATE, Buffer.from(await (await pg.dumpDataDir('gzip')).arrayBuffer()));
  } finally {
    await pg.close();
  }
}

const started = performance.now();
const stamp = readStamp();
const sources = fingerprint(['src', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json', 'scripts/build.mjs']);
const template = `${pgliteVersion()}:${fingerprint(['drizzle'])}`;
const compiling = !process.argv.includes('--if-changed') || stamp.sources !== sources || !existsSync(at('dist', 'main.js'));
const templating = stamp.template !== template || !existsSync(TEMPLATE);
if (compiling) {
  // Output of sources since deleted must not linger; the template is kept unless it is remade.
  for (const entry of existsSync(DIST) ? readdirSync(DIST) : [])
    if (at('dist', entry) !== TEMPLATE) rmSync(at('dist', entry), { recursive: true, force: true });
}
await Promise.all([compiling ? compile() : undefined, templating ? makeTemplate() : undefined]);
if (compiling) cpSync(at('src', 'local', 'public'), at('dist', 'local', 'public'), { recursive: true });
if (compiling || templating) {
  writeFileSync(STAMP, JSON.stringify({ sources, template }, null, 2));
  const made = [compiling && 'compiled', templating && 'made the embedded database template'].filter(Boolean).join(' and ');
  process.stderr.write(`build: ${made} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}
