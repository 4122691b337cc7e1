/**
 * Which workspace the app's statements work for, and how every statement carries it to the database: row-level
 * security (migration 0010) lets the role `rapport_app` see and write only the rows whose `team_id` equals
 * `rapport.team_id`, and both are set here, per transaction, around whatever drizzle runs on the app's `db`.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { PGlite, Transaction } from '@electric-sql/pglite';
import type postgres from 'postgres';

const workspace = new AsyncLocalStorage<string>();

/**
 * Runs `work` for one workspace: every statement `db` runs within it sees and writes that workspace's rows only.
 * Awaited inside, because drizzle's queries are lazy: one returned unawaited would run after the scope ended.
 */
export function inWorkspace<T>(teamId: string, work: () => T | PromiseLike<T>): Promise<T> {
  return workspace.run(teamId, async () => await work());
}

/**
 * The first statement of each of the app's transactions (a lone statement gets a transaction of its own):
 * both settings end with the transaction, so a pooled connection never carries them to the next one.
 */
const ENTER_WORKSPACE = "select set_config('role', 'rapport_app', true), set_config('rapport.team_id', $1, true)";
const enteredWorkspace = () => [workspace.getStore() ?? ''];

/**
 * postgres.js's client, with every statement and transaction drizzle runs on it entering the workspace first.
 * A lone statement gets a transaction of its own (`sql.begin`), its settings sent together with it; a
 * transaction sends its settings ahead of its first statement. (Pipelining BEGIN and COMMIT too, on a reserved
 * connection, saved two round trips but hung in the Postgres-restart reliability run: postgres.js neither fails
 * the queries queued on a reserved connection that closes, nor keeps it out of the pool once released.)
 */
export function inWorkspaces(sql: postgres.Sql): postgres.Sql {
  const enter = (tx: postgres.TransactionSql) => tx.unsafe(ENTER_WORKSPACE, enteredWorkspace(), { prepare: true });
  const statement = (query: string, params: never[], options: postgres.UnsafeQueryOptions, values: boolean) =>
    sql.begin((tx) => [enter(tx), values ? tx.unsafe(query, params, options).values() : tx.unsafe(query, params, options)]).then((results) => results[1]);
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

/** The same for PGlite (one connection: its transactions already run one at a time). */
export function inWorkspacesEmbedded(pg: PGlite): PGlite {
  const enter = (tx: Transaction) => tx.query(ENTER_WORKSPACE, enteredWorkspace());
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
