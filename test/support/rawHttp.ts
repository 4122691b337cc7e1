/**
 * HTTP requests written by hand, as a hostile or broken sender would: the headers at once, then the body
 * however the test feeds it (not at all, slowly, endlessly), each on a connection of its own.
 */
import { randomBytes } from 'node:crypto';
import { request, type ClientRequest } from 'node:http';

export interface RawAnswer {
  /** The status the server answered, if it answered before the connection ended. */
  status: number | undefined;
  /** The server's `Connection` header. */
  connection: string | undefined;
  /** How the connection failed when there was no answer (ECONNRESET, EPIPE, …). */
  error: string | undefined;
  /** Bytes of body written before the answer or the failure. */
  written: number;
  ms: number;
}

/** Writes the body: `open()` is false once the server answered or the connection failed. */
export type BodyFeed = (req: ClientRequest, open: () => boolean, count: (bytes: number) => void) => Promise<void>;

/** Headers as Slack's look, with a signature of the right form that nothing signed. */
export function unsignedHeaders(extra: Record<string, string> = {}): Record<string, string> {
  return {
    'content-type': 'application/x-www-form-urlencoded',
    'x-slack-request-timestamp': String(Math.floor(Date.now() / 1000)),
    'x-slack-signature': `v0=${randomBytes(32).toString('hex')}`,
    ...extra,
  };
}

/** Sends the headers at once, then lets `feed` write the body (without one, the body is never sent). */
export function rawPost(url: string, headers: Record<string, string>, feed?: BodyFeed): Promise<RawAnswer> {
  const started = performance.now();
  let written = 0;
  return new Promise((resolve) => {
    let settled = false;
    const req = request(url, { method: 'POST', headers, agent: false });
    const settle = (answer: Pick<RawAnswer, 'status' | 'connection' | 'error'>) => {
      if (settled) return;
      settled = true;
      req.destroy();
      resolve({ ...answer, written, ms: performance.now() - started });
    };
    req.on('response', (res) => {
      res.resume();
      settle({ status: res.statusCode, connection: res.headers.connection, error: undefined });
    });
    req.on('error', (error: NodeJS.ErrnoException) => settle({ status: undefined, connection: undefined, error: error.code ?? error.message }));
    req.on('close', () => settle({ status: undefined, connection: undefined, error: 'closed' }));
    req.flushHeaders();
    feed?.(
      req,
      () => !settled,
      (bytes) => (written += bytes),
    ).catch(() => {
      // A write to a connection the server closed fails; the 'error' event above says how.
    });
  });
}

/** Writes `chunk` again and again (waiting for the socket to drain) until `totalBytes`, then ends; stops once answered. */
export function streamed(chunk: Buffer, totalBytes: number): BodyFeed {
  return async (req, open, count) => {
    for (let sent = 0; sent < totalBytes && open(); sent += chunk.length) {
      const piece = chunk.subarray(0, Math.min(chunk.length, totalBytes - sent));
      count(piece.length);
      if (!req.write(piece)) await drainedOrClosed(req);
    }
    if (open()) req.end();
  };
}

function drainedOrClosed(req: ClientRequest): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      req.off('drain', done).off('close', done);
      resolve();
    };
    req.on('drain', done).on('close', done);
  });
}

/** Writes one byte every `everyMs`, for as long as the connection stays open. */
export function trickled(everyMs: number): BodyFeed {
  return async (req, open, count) => {
    while (open()) {
      req.write('x');
      count(1);
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  };
}
