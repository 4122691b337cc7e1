/**
 * What the HTTP receiver takes in before it can trust a request. A signature can only be checked once the whole
 * body is in, so until then every byte is an unknown sender's: each body is bounded, so are all bodies held at
 * once, and so is the time a request may take to arrive.
 */
import type { ServerOptions } from 'node:http';
import type { NextFunction, Request, Response } from 'express';

/**
 * The largest body accepted: 1 MiB. Slack's largest bodies are interactions, which carry the whole message or
 * view: a block action on a digest page at its limits (46 blocks, 11k characters, every one a 3-byte character,
 * so 9 bytes once form-encoded) is 178 KB; Rapport's largest form (a call's notes, 3,000 such characters, as
 * initial value and as state) is 69 KB. 1 MiB is over five times the first.
 */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * All bodies being received (and held until their answer) at once: 32 MiB, 32 bodies at the limit, thousands of
 * the few kilobytes Slack really sends. Beyond it a request is answered 503 at once (Slack retries an event).
 */
export const BODIES_IN_FLIGHT_BYTES = 32 * BODY_LIMIT_BYTES;

/**
 * The receiver's HTTP server. Headers must arrive within 5 s and the whole request within 10 s: Slack sends its
 * small bodies at once and gives up on an ack after 3 s, so a request still arriving after that is not Slack's
 * (Node's default waits 300 s). Node checks those clocks every second (by default every 30 s). An idle
 * keep-alive connection is kept 65 s, longer than the 60 s idle timeout of common proxies and load balancers,
 * so that they close it, not Rapport: a request sent just as Rapport closed the connection would fail.
 */
export const RECEIVER_SERVER_OPTIONS = {
  headersTimeout: 5_000,
  requestTimeout: 10_000,
  connectionsCheckingInterval: 1_000,
  keepAliveTimeout: 65_000,
} satisfies ServerOptions;

export interface BodyLimits {
  /** The largest body accepted, in bytes. */
  bodyBytes: number;
  /** All bodies being received or held at once, in bytes. */
  inFlightBytes: number;
}

/** The rest of the body is never read: closing the connection discards it rather than pulling it off the wire. */
function refuse(res: Response, status: 413 | 503, message: string): void {
  res.set('Connection', 'close').status(status).send(message);
}

/**
 * Reads the body under the limits, for Bolt's receiver: it takes `req.rawBody` when present instead of reading
 * the request itself (its hook for hosts that read bodies first), so each body is read once, here. A declared
 * length over the limit is refused before a byte is read, and held against the total from the start; a body
 * without one (chunked) is counted as it arrives and cut off at either limit. What a request holds is given
 * back when its answer is sent or its connection closes.
 */
export function boundedBodies(limits: BodyLimits = { bodyBytes: BODY_LIMIT_BYTES, inFlightBytes: BODIES_IN_FLIGHT_BYTES }) {
  let heldByAll = 0;
  return (req: Request, res: Response, next: NextFunction) => {
    const tooLarge = `Request body is larger than ${limits.bodyBytes} bytes.`;
    const busy = 'Too many request bodies are being received at once. Please send it again shortly.';
    const declared = req.headers['content-length'] === undefined ? 0 : Number(req.headers['content-length']);
    if (declared > limits.bodyBytes) {
      refuse(res, 413, tooLarge);
      return;
    }
    let held = 0;
    /** Holds `bytes` in all for this request, if the total allows it. */
    const hold = (bytes: number): boolean => {
      if (heldByAll - held + bytes > limits.inFlightBytes) return false;
      heldByAll += bytes - held;
      held = bytes;
      return true;
    };
    if (!hold(declared)) {
      refuse(res, 503, busy);
      return;
    }
    res.once('close', () => hold(0));

    const chunks: Buffer[] = [];
    let received = 0;
    const stop = (status: 413 | 503, message: string) => {
      req.off('data', onData).off('end', onEnd);
      chunks.length = 0;
      refuse(res, status, message);
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > limits.bodyBytes) stop(413, tooLarge);
      else if (received > held && !hold(received)) stop(503, busy);
      else chunks.push(chunk);
    };
    const onEnd = () => {
      Object.assign(req, { rawBody: Buffer.concat(chunks, received) });
      chunks.length = 0;
      next();
    };
    req.on('data', onData).once('end', onEnd);
  };
}
