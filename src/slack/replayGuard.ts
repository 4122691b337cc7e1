/**
 * Closes gaps Bolt leaves in request verification (slack-contract.md), from the headers alone, before a byte
 * of the body is read. Bolt rejects only old timestamps, so future-dated ones pass; and it checks only the part of
 * the signature between its first `=` and the next, so `v0=<hex>=x` passes, as a signature other than the one
 * stored, which would let a replay pass for a retry. Here the signature must be exactly what Slack
 * sends and the timestamp a plain integer within five minutes either way. Within the window, a delivery
 * replayed to any replica is refused by its signature, stored with the request (db/queries/requests.ts).
 */
import type { NextFunction, Request, Response } from 'express';
import { refuseAndClose } from './boundedInput.js';

const WINDOW_SECONDS = 300;
const SIGNATURE = /^v0=[0-9a-f]{64}$/;
const TIMESTAMP = /^[1-9][0-9]*$/;

export function freshRequestsOnly(now: () => number = () => Date.now()) {
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
    next();
  };
}
