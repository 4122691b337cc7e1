/**
 * What the HTTP receiver takes in before it can trust a request. A signature holds only once the whole body is
 * in, so until then every byte is an unknown sender's: each body is bounded, so are all bodies held at once,
 * and so is the time a request may take to arrive.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { ServerOptions } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../log.js';

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

/**
 * Refuses a request and closes its connection once the answer is out: the rest of the body, if any, is
 * never read (Node would otherwise read it to the end to keep the connection).
 */
export function refuseAndClose(res: Response, status: 401 | 413 | 503, message: string): void {
  res.once('finish', () => res.socket?.destroy());
  res.set('Connection', 'close').status(status).send(message);
}

/**
 * Reads the body under the limits and checks its signature as it arrives, for Bolt's receiver: Bolt takes
 * `req.rawBody` when present instead of reading the request itself (its hook for hosts that read bodies
 * first), so each body is read once, here, and only a signed one reaches Bolt (which is told not to hash it again). An
 * unsigned body costs no more than its bytes, held against the limits: never Bolt's copies of it as text.
 *
 * A declared length over the limit is refused before a byte is read, and held against the total from the
 * start; a body without one (chunked) is counted as it arrives and cut off at either limit. What a request
 * holds is given back when its answer is sent or its connection closes. Runs after `freshRequestsOnly`,
 * which checked the form of the signature and the timestamp.
 */
export function signedBodiesOnly({ signingSecret, logger }: { signingSecret: string; logger: Logger }) {
  const tooLarge = `Request body is larger than ${BODY_LIMIT_BYTES} bytes.`;
  const busy = 'Too many request bodies are being received at once. Please send it again shortly.';
  let heldByAll = 0;
  return (req: Request, res: Response, next: NextFunction) => {
    const declared = req.headers['content-length'] === undefined ? 0 : Number(req.headers['content-length']);
    if (declared > BODY_LIMIT_BYTES) {
      refuseAndClose(res, 413, tooLarge);
      return;
    }
    let held = 0;
    /** Holds `bytes` in all for this request, if the total allows it. */
    const hold = (bytes: number): boolean => {
      if (heldByAll - held + bytes > BODIES_IN_FLIGHT_BYTES) return false;
      heldByAll += bytes - held;
      held = bytes;
      return true;
    };
    if (!hold(declared)) {
      refuseAndClose(res, 503, busy);
      return;
    }
    res.once('close', () => hold(0));

    // Slack signs `v0:<timestamp>:<body>`; the headers' form was checked before.
    const signature = Buffer.from(String(req.headers['x-slack-signature']).slice('v0='.length), 'hex');
    const hmac = createHmac('sha256', signingSecret).update(`v0:${String(req.headers['x-slack-request-timestamp'])}:`);
    // The body in one buffer of its own: each chunk is copied, never kept (a slice would keep the whole read it
    // came in, and a body sent in one-byte chunks would be a million objects).
    let body = Buffer.alloc(0);
    let received = 0;
    const stop = (status: 413 | 503, message: string) => {
      req.off('data', onData).off('end', onEnd);
      body = Buffer.alloc(0);
      refuseAndClose(res, status, message);
    };
    const onData = (chunk: Buffer) => {
      const total = received + chunk.length;
      if (total > BODY_LIMIT_BYTES) return stop(413, tooLarge);
      if (total > body.length) {
        // The declared length at once; without one, twice the room so far, up to the limit.
        const room = declared > 0 ? declared : Math.min(BODY_LIMIT_BYTES, Math.max(total, 2 * body.length, 16 * 1024));
        if (room > held && !hold(room)) return stop(503, busy);
        const larger = Buffer.allocUnsafe(room);
        body.copy(larger, 0, 0, received);
        body = larger;
      }
      chunk.copy(body, received);
      hmac.update(chunk);
      received = total;
    };
    const onEnd = () => {
      const expected = hmac.digest();
      if (signature.length !== expected.length || !timingSafeEqual(signature, expected)) {
        logger.warn('refused a request whose signature does not match its body (is SLACK_SIGNING_SECRET the app’s?)');
        refuseAndClose(res, 401, 'Request signature does not match its body.');
        return;
      }
      Object.assign(req, { rawBody: body.subarray(0, received) });
      next();
    };
    req.on('data', onData).once('end', onEnd);
  };
}
