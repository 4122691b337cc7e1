// `npm run build` (always compiles) and `npm start`'s check (`--if-changed`: compiles only when the sources,
// the TypeScript settings, the lockfile or this script differ from what dist/ was built from). Either way it
// also keeps dist/embedded-database.tar.gz: an embedded database created and migrated ahead, which a first
// start copies instead of creating one (PGlite's creation, initdb in WASM, is most of a first start: measured
// 2–4 s of the 3–5 s its database takes). It is made again only when the migrations or PGlite change, and made
// beside the compiler, which runs as a process of its own.
//
// After tsc (which checks the types and writes dist/ file by file, as the other entry points, the tests and the
// bench import it), esbuild bundles the two long-running entry points, dist/main.js and dist/worker.js, with their
// dependencies: Node then reads a few files instead of about 1,400 modules (measured: loading the code went from
// about 1.7 s to 0.4 s). What is loaded on demand stays out of the bundle, from node_modules as before: the
// embedded database and the chart libraries (a process that never draws never loads them), and pino-pretty.
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

const pgliteVersion = () => JSON.parse(readFileSync(PGLITE_PACKAGE, 'utf8')).version;

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

/** The long-running entry points, bundled. */
const ENTRIES = ['main', 'worker'];

/** Loaded on demand (see above), or, for resvg, a native binary: never in the bundle. */
const UNBUNDLED = ['@electric-sql/pglite', 'vega', 'vega-lite', '@resvg/resvg-js', 'pino-pretty'];

/**
 * dist/main.js and dist/worker.js: each turns V8's compile cache on (Node 22+; in the system's temporary folder, or
 * NODE_COMPILE_CACHE), then loads its bundle, which holds what it imports; what both load, and what main loads
 * later (the local workspace), are in shared chunks beside them. The cache spares a restart compiling the bundle
 * again (measured: about a quarter of loading it). A module's `import.meta.url` is kept as its own file's in dist/ (the
 * migrations, the template and the local page's files are found from it); CommonJS dependencies get a `require`.
 */
async function bundle() {
  const src = at('src');
  const { build } = await import('esbuild');
  await build({
    entryPoints: Object.fromEntries(ENTRIES.map((name) => [`${name}.bundle`, at('src', `${name}.ts`)])),
    outdir: DIST,
    chunkNames: 'chunk-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    external: UNBUNDLED,
    allowOverwrite: true,
    logLevel: 'warning',
    banner: { js: "import { createRequire as __rapportRequire } from 'node:module';\nconst require = __rapportRequire(import.meta.url);" },
    plugins: [
      {
        name: 'own-import-meta-url',
        setup(builder) {
          builder.onLoad({ filter: /\/src\/.*\.ts$/ }, ({ path }) => {
            const own = `./${path
              .slice(src.length + 1)
              .replaceAll('\\', '/')
              .replace(/\.ts$/, '.js')}`;
            const contents = readFileSync(path, 'utf8').replaceAll('import.meta.url', `new URL(${JSON.stringify(own)}, import.meta.url).href`);
            return { contents, loader: 'ts' };
          });
        },
      },
    ],
  });
  for (const name of ENTRIES)
    writeFileSync(
      at('dist', `${name}.js`),
      `// Written by scripts/build.mjs: the compile cache first, so that it serves the bundle.\nimport module from 'node:module';\n\nmodule.enableCompileCache?.();\nawait import('./${name}.bundle.js');\n`,
    );
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
const SOURCES = ['src', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json', 'scripts/build.mjs'];
const PGLITE_PACKAGE = join(dirname(require.resolve('@electric-sql/pglite')), '..', 'package.json');
/**
 * Each input's size and modification time: `npm start` on unchanged files reads none of them (a few milliseconds
 * instead of hashing 1.5 MB). Any difference, or `npm run build`, goes on to compare hashes, which decide.
 */
const stats = Object.fromEntries(
  [...[...SOURCES, 'drizzle'].flatMap(filesOf).map((path) => at(path)), PGLITE_PACKAGE].sort().map((path) => {
    const { size, mtimeMs } = statSync(path);
    return [path, `${size}:${mtimeMs}`];
  }),
);
const built = existsSync(at('dist', 'main.js')) && existsSync(TEMPLATE);
if (process.argv.includes('--if-changed') && built && JSON.stringify(stats) === JSON.stringify(stamp.stats)) process.exit(0);
const sources = fingerprint(SOURCES);
const template = `${pgliteVersion()}:${fingerprint(['drizzle'])}`;
const compiling = !process.argv.includes('--if-changed') || stamp.sources !== sources || !existsSync(at('dist', 'main.js'));
const templating = stamp.template !== template || !existsSync(TEMPLATE);
if (compiling) {
  // Output of sources since deleted must not linger; the template is kept unless it is remade.
  for (const entry of existsSync(DIST) ? readdirSync(DIST) : [])
    if (at('dist', entry) !== TEMPLATE) rmSync(at('dist', entry), { recursive: true, force: true });
}
await Promise.all([compiling ? compile().then(bundle) : undefined, templating ? makeTemplate() : undefined]);
if (compiling) cpSync(at('src', 'local', 'public'), at('dist', 'local', 'public'), { recursive: true });
writeFileSync(STAMP, JSON.stringify({ sources, template, stats }, null, 2));
if (compiling || templating) {
  const made = [compiling && 'compiled', templating && 'made the embedded database template'].filter(Boolean).join(' and ');
  process.stderr.write(`build: ${made} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}
