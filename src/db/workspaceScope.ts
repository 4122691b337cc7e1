/**
 * Which workspace the app's statements work for, and how every statement carries it to the database: row-level
 * security lets the role `rapport_app` see and write only the rows whose `team_id` is the workspace its
 * transaction proved (migrations 0010 and 0014), and the proof is set here, per transaction, around whatever
 * drizzle runs on the app's `db`.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import type { PGlite, Transaction } from '@electric-sql/pglite';
import type postgres from 'postgres';

const workspace = new AsyncLocalStorage<{ teamId: string; replayable: boolean }>();

/**
 * Runs `work` for one workspace: every statement `db` runs within it sees and writes that workspace's rows only.
 * Awaited inside, because drizzle's queries are lazy: one returned unawaited would run after the scope ended.
 *
 * `replayable`: the work of a request already stored durably in the inbox, which is worked again until its finish
 * is recorded. Its commits then do not wait for the disk (synchronous_commit off for each transaction): the
 * write-ahead log is flushed in order, so a server crash loses at most a tail of it, and whatever of this work is
 * lost, the request's finish (written after it) is lost with it; the request is worked again, and its writes,
 * keyed by the request, are made once. At worst its person is answered a second time. Work a person is told is
 * saved before anything durable holds it (a form checked in the receiver, the scheduler's) keeps waiting.
 */
export function inWorkspace<T>(teamId: string, work: () => T | PromiseLike<T>, { replayable = false }: { replayable?: boolean } = {}): Promise<T> {
  return workspace.run({ teamId, replayable }, async () => await work());
}

/**
 * What proves `teamId` to `rapport_team()` (migration 0014): hex(sha256(secret ':' teamId)). Only a holder of the
 * database's secret computes it, and the app's role cannot read the secret: a statement of the app that sets
 * another `rapport.team_id` has no proof for it, and sees nothing.
 */
export function teamProof(secret: string, teamId: string): string {
  return createHash('sha256').update(`${secret}:${teamId}`).digest('hex');
}

/** Statements planned once whatever their values (`planOnce`), by their text. */
const plannedOnce = new Set<string>();

/**
 * Has the server plan `text` once per connection, for any values: a statement built once (builtOnce.ts) is written
 * so that its generic plan holds (README, "Plans that hold without statistics"). Left to choose, Postgres plans a
 * prepared statement anew for its first five runs and then keeps whichever it judged cheaper on a connection's
 * tables of that moment: a confirmation's read that kept planning paid 2.3–2.7 ms at each bind instead of 0.4
 * (measured), and which one a connection keeps depends on when it was opened.
 */
export function planOnce(text: string): void {
  plannedOnce.add(text);
}

/**
 * The first statement of each of the app's transactions (a lone statement gets a transaction of its own): the
 * workspace and its proof (parameters, so no statement log or pg_stat_activity shows the proof), plus the role
 * where the connection is not already logged in as it (the embedded database's). All end with the transaction,
 * so a pooled connection never carries them to the next one.
 */
function entering(secret: string, takesRole: boolean, jitOff = false) {
  const settings = [
    "set_config('rapport.team_id', $1, true)",
    "set_config('rapport.team_proof', $2, true)",
    // Null: the server's own setting (inWorkspace's `replayable` says when it is 'off').
    "set_config('synchronous_commit', coalesce($3::text, current_setting('synchronous_commit')), true)",
    // Null: the server's own choice (`planOnce` says when it is a generic plan, for the statement the prelude precedes).
    "set_config('plan_cache_mode', coalesce($4::text, current_setting('plan_cache_mode')), true)",
  ];
  // Local settings too (`true`: SET LOCAL), never the session's: behind a transaction pooler the next transaction on
  // this server connection is any client's, any workspace's (test/db/pgbouncer.test.ts).
  const before = [...(takesRole ? ["set_config('role', 'rapport_app', true)"] : []), ...(jitOff ? ["set_config('jit', 'off', true)"] : [])];
  return {
    text: `select ${[...before, ...settings].join(', ')}`,
    /**
     * The same settings as a statement that returns no rows, for postgres.js's `prelude` (patches/postgres+3.4.9.patch):
     * sent ahead of a lone statement with no Sync between them, so both run in one implicit transaction and the
     * SET LOCALs hold for the statement: one round trip instead of BEGIN, settings, statement, COMMIT. Parsed once
     * per connection under a name, then only bound (~0.1 ms of the server's CPU a statement, measured). The settings
     * sit in a subquery fenced by OFFSET 0 whose columns the outer filter reads, so the planner must evaluate them.
     */
    prelude: `select from (select ${[...before, ...settings].map((s, i) => `${s} s${i}`).join(', ')} offset 0) settings where ${[...before, ...settings]
      .map((_, i) => `s${i} is null`)
      .join(' or ')}`,
    /** The settings' values, for the statement `text` where the settings are its prelude. */
    values: (text?: string) => {
      const scope = workspace.getStore();
      const plan = text !== undefined && plannedOnce.has(text) ? 'force_generic_plan' : null;
      return scope ? [scope.teamId, teamProof(secret, scope.teamId), scope.replayable ? 'off' : null, plan] : ['', '', null, plan];
    },
  };
}

/**
 * postgres.js's client, with every statement and transaction drizzle runs on it entering the workspace first.
 * A lone statement carries its settings as a prelude in the same implicit transaction (one round trip); a
 * transaction sends its settings ahead of its first statement. (Pipelining BEGIN and COMMIT too, on a reserved
 * connection, saved two round trips but hung in the Postgres-restart reliability run: postgres.js neither fails
 * the queries queued on a reserved connection that closes, nor keeps it out of the pool once released.)
 */
export function inWorkspaces(sql: postgres.Sql, secret: string, { pooled = false }: { pooled?: boolean } = {}): postgres.Sql {
  // Behind a pooler the connection cannot carry `jit = off` from its start (client.ts): each transaction sets it.
  const entry = entering(secret, false, pooled);
  const enter = (tx: postgres.TransactionSql) => tx.unsafe(entry.text, entry.values(), { prepare: true });
  const statement = pooled
    ? // Behind a pooler nothing is prepared, and the prelude needs a prepared statement (its unnamed one would replace
      // the statement's): a transaction of its own, the settings pipelined with the statement.
      (query: string, params: never[], options: postgres.UnsafeQueryOptions, values: boolean) =>
        sql.begin((tx) => [enter(tx), values ? tx.unsafe(query, params, options).values() : tx.unsafe(query, params, options)]).then((results) => results[1])
    : (query: string, params: never[], options: postgres.UnsafeQueryOptions, values: boolean) => {
        const run = sql.unsafe(query, params, {
          ...options,
          prepare: true,
          simple: false,
          prelude: { string: entry.prelude, parameters: entry.values(query) },
        } as postgres.UnsafeQueryOptions);
        return values ? run.values() : run;
      };
  return new Proxy(sql, {
    get(target, property, receiver) {
      if (property === 'unsafe') {
        // drizzle awaits the query itself, or its `.values()`.
        return (query: string, params: never[], options: postgres.UnsafeQueryOptions) => ({
          values: () => statement(query, params, options, true),
          then: (resolve: (v: unknown) => unknown, reject: (e: unknown) => unknown) => statement(query, params, options, false).then(resolve, reject),
        });
      }
      if (property === 'begin') {
        return (...args: unknown[]) => {
          const work = args.pop() as (tx: postgres.TransactionSql) => unknown;
          return target.begin(...(args as [string]), async (tx) => {
            const entered = enter(tx).execute();
            // Its failure also fails the statements after it; reported below, after the work's own error.
            entered.catch(() => {});
            const result = await work(tx);
            await entered;
            return result;
          });
        };
      }
      return Reflect.get(target, property, receiver);
    },
  });
}

/**
 * The same for PGlite (one connection: its transactions already run one at a time). Its one user cannot log in
 * as another role, so each transaction takes `rapport_app` (SET ROLE), which a statement could undo: the
 * embedded database is a single process's own, on its own machine.
 */
export function inWorkspacesEmbedded(pg: PGlite, secret: string): PGlite {
  const entry = entering(secret, true);
  const enter = (tx: Transaction) => tx.query(entry.text, entry.values());
  return new Proxy(pg, {
    get(target, property) {
      if (property === 'transaction') {
        return <T>(work: (tx: Transaction) => Promise<T>) =>
          target.transaction(async (tx) => {
            await enter(tx);
            return work(tx);
          });
      }
      if (property === 'query') {
        return (query: string, params?: unknown[], options?: object) =>
          target.transaction(async (tx) => {
            await enter(tx);
            return tx.query(query, params, options);
          });
      }
      // PGlite's methods use private fields: called on the instance itself, not on the proxy.
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
