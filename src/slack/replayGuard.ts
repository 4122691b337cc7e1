/**
 * Closes gaps Bolt leaves in request verification (slack-contract.md), from the headers alone, before a byte
 * of the body is read. Bolt rejects only old timestamps, so future-dated ones pass; and it checks only the part of
 * the signature between its first `=` and the next, so `v0=<hex>=x` passes, as a signature other than the one
 * stored, which would let a replay pass for a retry. Here the signature must be exactly what Slack
 * sends and the timestamp a plain integer within five minutes either way.
 *
 * Replays: the same signed delivery sent again while its signature is valid is refused (401) and does nothing,
 * whatever it asks. This process remembers the signatures it took in for their five minutes, which covers what is
 * answered without being stored (an option list, a refusal, a button nobody handles); the inbox refuses a stored
 * request's replay on any replica (db/queries/requests.ts). Slack's own retries are no replays: signed anew they
 * are recognised by the inbox, and one bearing the signature of a delivery taken in here (with
 * `X-Slack-Retry-Num`) is acknowledged with nothing done again.
 */
import type { NextFunction, Request, Response } from 'express';
import { refuseAndClose } from './boundedInput.js';

const WINDOW_SECONDS = 300;
const SIGNATURE = /^v0=[0-9a-f]{64}$/;
const TIMESTAMP = /^[1-9][0-9]*$/;
/** Signatures remembered at most: far more than five minutes of any workspace's traffic, and a few MB. */
const REMEMBERED = 100_000;

export function freshRequestsOnly(now: () => number = () => Date.now()) {
  /** Signatures of deliveries taken in (being answered, or answered 2xx), in arrival order, to when they expire. */
  const taken = new Map<string, number>();
  return (req: Request, res: Response, next: NextFunction) => {
    const signature = req.headers['x-slack-signature'];
    const timestamp = req.headers['x-slack-request-timestamp'];
    const refuse = (message: string) => refuseAndClose(res, 401, message);
    if (typeof signature !== 'string' || !SIGNATURE.test(signature)) {
      refuse('Request signature is missing or malformed.');
      return;
    }
    if (typeof timestamp !== 'string' || !TIMESTAMP.test(timestamp) || Math.abs(now() / 1000 - Number(timestamp)) > WINDOW_SECONDS) {
      refuse('Request timestamp is missing, malformed or outside the five-minute window.');
      return;
    }
    for (const [old, expires] of taken) {
      if (expires > now() && taken.size < REMEMBERED) break;
      taken.delete(old);
    }
    if (taken.has(signature)) {
      if (req.headers['x-slack-retry-num'] !== undefined) res.status(200).end();
      else refuse('Request already received.');
      return;
    }
    taken.set(signature, (Number(timestamp) + WINDOW_SECONDS) * 1000);
    // Not answered 2xx (a forged body, a request that could not be stored): not taken in, so Slack's retry passes.
    res.once('close', () => {
      if (!res.writableFinished || res.statusCode < 200 || res.statusCode >= 300) taken.delete(signature);
    });
    next();
  };
}
