/**
 * The arrows of the architecture, checked on the source: Slack's Block Kit builders and parsers never reach the
 * database, the database never reaches Slack, Slack never reaches the digest, and no module imports itself back
 * through others, not even by its types (a type cycle is a knot a reader has to untie all the same).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.ts$/.test(name) ? [path] : [];
  });
}

/** Each module's imports of other modules of ours, type-only ones included. */
const graph = new Map<string, { all: string[] }>();
for (const file of sources(SRC)) {
  const text = readFileSync(file, 'utf8');
  const all: string[] = [];
  for (const m of text.matchAll(/^(?:import|export)\s[^;]*?from\s+'(\.[^']+)';/gms)) all.push(resolve(dirname(file), m[1]!.replace(/\.js$/, '.ts')));
  graph.set(file, { all });
}
const rel = (file: string) => relative(SRC, file);

/** The exported functions of a query module that write (insert, update, delete, a transaction, an audit line). */
function writersIn(file: string): Set<string> {
  const text = readFileSync(file, 'utf8');
  const exported = [...text.matchAll(/^export (?:async )?function (\w+)/gm)];
  return new Set(
    exported
      .filter((m, i) => /\.(insert|update|delete)\(|\.transaction\(|appendAudit\(/.test(text.slice(m.index, exported[i + 1]?.index ?? text.length)))
      .map((m) => m[1]!),
  );
}
const under = (file: string, folder: string) => rel(file).startsWith(`${folder}/`);

describe('the import graph', () => {
  it('finds the modules', () => {
    expect(graph.size).toBeGreaterThan(50);
  });

  it('Block Kit builders and parsers never import the database', () => {
    const offending = [...graph].flatMap(([file, { all }]) =>
      under(file, 'slack/blocks') || under(file, 'slack/parse') ? all.filter((t) => under(t, 'db')).map((t) => `${rel(file)} → ${rel(t)}`) : [],
    );
    expect(offending).toEqual([]);
  });

  it('parsers never import Block Kit builders (the arrow runs one way)', () => {
    const offending = [...graph].flatMap(([file, { all }]) =>
      under(file, 'slack/parse') ? all.filter((t) => under(t, 'slack/blocks')).map((t) => `${rel(file)} → ${rel(t)}`) : [],
    );
    expect(offending).toEqual([]);
  });

  it('the database never imports Slack', () => {
    const offending = [...graph].flatMap(([file, { all }]) =>
      under(file, 'db') ? all.filter((t) => under(t, 'slack')).map((t) => `${rel(file)} → ${rel(t)}`) : [],
    );
    expect(offending).toEqual([]);
  });

  /**
   * The layering rule for Slack and the database: a listener READS through the queries directly (a use case that
   * only passed a read on would say nothing), and every WRITE goes through a use case in services/, which
   * authorises, decides, writes with the act's request key and says whom to tell. A query function writes when
   * its text inserts, updates, deletes, opens a transaction or appends an audit line. Outside the rule: the
   * request inbox (db/queries/requests: stored before the ack), the installations Bolt authorises with, and the
   * frame's plumbing (db/client, db/workspaceScope, db/transient).
   */
  it('Slack reads through the queries, and writes only through the use cases (services/)', () => {
    const plumbing = ['db/client.ts', 'db/workspaceScope.ts', 'db/transient.ts', 'db/queries/requests.ts', 'db/queries/installations.ts'];
    const offending = [...graph.keys()].flatMap((file) => {
      if (!under(file, 'slack')) return [];
      return [...readFileSync(file, 'utf8').matchAll(/^import\s+(type\s+)?\{([^}]*)\}\s+from\s+'(\.[^']+)';/gm)].flatMap((m) => {
        const target = resolve(dirname(file), m[3]!.replace(/\.js$/, '.ts'));
        if (m[1] || !under(target, 'db') || plumbing.includes(rel(target))) return [];
        if (!under(target, 'db/queries')) return [`${rel(file)} → ${rel(target)}`];
        const writers = writersIn(target);
        return m[2]!
          .split(',')
          .map((name) => name.trim().split(/\s+as\s+/)[0]!)
          .filter((name) => name && !name.startsWith('type ') && writers.has(name))
          .map((name) => `${rel(file)} → ${rel(target)} ${name} (a write: through services/)`);
      });
    });
    expect(offending).toEqual([]);
  });

  it('a use case composes: no service only passes a read on (a listener reads through the query itself)', () => {
    const offending = [...graph.keys()].flatMap((file) => {
      if (!under(file, 'services')) return [];
      const text = readFileSync(file, 'utf8');
      const reads = new Set(
        [...text.matchAll(/^import\s+\{([^}]*)\}\s+from\s+'(\.[^']+)';/gm)].flatMap((m) => {
          const target = resolve(dirname(file), m[2]!.replace(/\.js$/, '.ts'));
          if (!under(target, 'db/queries')) return [];
          const writers = writersIn(target);
          return m[1]!
            .split(',')
            .map((name) =>
              name
                .trim()
                .split(/\s+as\s+/)
                .at(-1)!,
            )
            .filter((name) => name && !writers.has(name));
        }),
      );
      return [...text.matchAll(/^export (?:async )?function (\w+)[^{]*\{\n\s*return (?:await )?(\w+)\([^;]*\);\n\}/gm)]
        .filter((m) => reads.has(m[2]!))
        .map((m) => `${rel(file)} ${m[1]} only returns ${m[2]}`);
    });
    expect(offending).toEqual([]);
  });

  it('Slack never imports the digest, not even its types: the digest decides when and once, Slack renders and talks to Slack', () => {
    const offending = [...graph].flatMap(([file, { all }]) =>
      under(file, 'slack') ? all.filter((t) => under(t, 'digest')).map((t) => `${rel(file)} → ${rel(t)}`) : [],
    );
    expect(offending).toEqual([]);
  });

  it('no module imports itself back, through any path, type imports included', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'visiting') {
        cycles.push([...path.slice(path.indexOf(file)), file].map(rel).join(' → '));
        return;
      }
      state.set(file, 'visiting');
      for (const next of graph.get(file)?.all ?? []) visit(next, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of graph.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });
});

/** The parameters of each exported function of a query module, as written (top-level commas split them). */
function queryParameters(): { name: string; params: string[] }[] {
  return sources(join(SRC, 'db/queries')).flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    return [...text.matchAll(/^export (?:async )?function (\w+)(?:<[^(]*>)?\(/gm)].map((m) => {
      const params: string[] = [];
      let depth = 0;
      let current = '';
      for (const c of text.slice(m.index + m[0].length)) {
        if ('({[<'.includes(c)) depth++;
        if (')}]'.includes(c) || (c === '>' && !current.endsWith('='))) depth--;
        if (depth < 0) break;
        if (c === ',' && depth === 0) (params.push(current.trim()), (current = ''));
        else current += c;
      }
      if (current.trim()) params.push(current.trim());
      return { name: `${rel(file)} ${m[1]}`, params };
    });
  });
}

describe('queries', () => {
  it('take the database and at most one argument more (a workspace id, or one object naming every parameter), so no two can be swapped unnoticed', () => {
    const found = queryParameters();
    expect(found.length).toBeGreaterThan(100);
    const positional = found.filter(({ params }) => /^(db|tx)\b/.test(params[0] ?? '') && params.length > 2).map(({ name }) => name);
    expect(positional).toEqual([]);
  });
});
