/**
 * A TCP proxy in front of a Postgres server that records the text of every statement its clients send (simple
 * Query and extended-protocol Parse messages): a stand-in "replica" on the same server, to prove which
 * statements a connection pool routes to it.
 */
import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';

export interface StatementProxy {
  /** `url` with its host and port replaced by the proxy's. */
  through(url: string): string;
  /** Every statement sent through it since the start (or the last `clear`), in order. */
  statements: string[];
  /** Every statement run since the start (or the last `clear`), prepared ones included, each time it runs. */
  executed: string[];
  /**
   * Round trips its clients began since the start (or the last `clear`): each simple Query, and each Sync that
   * ends an extended-protocol exchange (Parse/Bind/Execute, however many statements it pipelines).
   */
  roundTrips(): number;
  /**
   * The round trips a latency sees: each Query or Sync sent while its connection awaited no answer (every earlier
   * one's ReadyForQuery had come back). Statements pipelined behind one another count once.
   */
  exchanges(): number;
  clear(): void;
  stop(): Promise<void>;
}

export async function startStatementProxy(serverUrl: string): Promise<StatementProxy> {
  const upstream = new URL(serverUrl);
  const statements: string[] = [];
  const executed: string[] = [];
  let trips = 0;
  let exchanges = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const backend = connect(Number(upstream.port || 5432), upstream.hostname);
    sockets.add(client).add(backend);
    let pending = Buffer.alloc(0);
    const prepared = new Map<string, string>();
    let started = false;
    /** Queries and Syncs sent whose ReadyForQuery has not come back yet. */
    let outstanding = 0;
    let fromBackend = Buffer.alloc(0);
    client.on('data', (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      // The startup message has no type byte; every later one is type, length (itself included), body.
      for (;;) {
        if (!started) {
          if (pending.length < 4) break;
          const length = pending.readInt32BE(0);
          if (pending.length < length) break;
          pending = pending.subarray(length);
          started = true;
          continue;
        }
        if (pending.length < 5) break;
        const type = String.fromCharCode(pending[0]!);
        const length = pending.readInt32BE(1);
        if (pending.length < 1 + length) break;
        const body = pending.subarray(5, 1 + length);
        if (type === 'Q' || type === 'S') {
          trips++;
          if (outstanding === 0) exchanges++;
          outstanding++;
        }
        if (type === 'Q') {
          statements.push(body.toString('utf8', 0, body.indexOf(0)));
          executed.push(statements.at(-1)!);
        }
        if (type === 'P') {
          const nameEnd = body.indexOf(0);
          statements.push(body.toString('utf8', nameEnd + 1, body.indexOf(0, nameEnd + 1)));
          prepared.set(body.toString('utf8', 0, nameEnd), statements.at(-1)!);
        }
        if (type === 'B') {
          // Portal name, then the prepared statement's name.
          const portalEnd = body.indexOf(0);
          executed.push(prepared.get(body.toString('utf8', portalEnd + 1, body.indexOf(0, portalEnd + 1))) ?? '?');
        }
        pending = pending.subarray(1 + length);
      }
      backend.write(chunk);
    });
    backend.on('data', (chunk: Buffer) => {
      // Every backend message is type, length (itself included), body; the ReadyForQuery after authentication
      // answers no query, hence the floor at 0.
      fromBackend = Buffer.concat([fromBackend, chunk]);
      while (fromBackend.length >= 5 && fromBackend.length >= 1 + fromBackend.readInt32BE(1)) {
        if (fromBackend[0] === 0x5a) outstanding = Math.max(0, outstanding - 1);
        fromBackend = fromBackend.subarray(1 + fromBackend.readInt32BE(1));
      }
      client.write(chunk);
    });
    const end = () => {
      client.destroy();
      backend.destroy();
      sockets.delete(client);
      sockets.delete(backend);
    };
    client.on('close', end).on('error', end);
    backend.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    through(url) {
      const proxied = new URL(url);
      proxied.hostname = '127.0.0.1';
      proxied.port = String(port);
      return proxied.toString();
    },
    statements,
    executed,
    roundTrips: () => trips,
    exchanges: () => exchanges,
    clear: () => {
      statements.splice(0);
      executed.splice(0);
      trips = 0;
      exchanges = 0;
    },
    async stop() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
