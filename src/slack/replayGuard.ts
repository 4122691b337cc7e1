/**
 * Closes a gap Bolt leaves in request verification (slack-contract.md): it rejects only old timestamps, so
 * future-dated ones pass. This runs before Bolt's signature check. Within the window, a delivery replayed to
 * any replica is refused by its signature, stored with the request (db/queries/requests.ts).
 */
import type { NextFunction, Request, Response } from 'express';

const WINDOW_SECONDS = 300;

export function freshRequestsOnly(now: () => number = () => Date.now()) {
  return (req: Request, res: Response, next: NextFunction) => {
    const ts = Number(req.headers['x-slack-request-timestamp']);
    if (!Number.isFinite(ts) || Math.abs(now() / 1000 - ts) > WINDOW_SECONDS || typeof req.headers['x-slack-signature'] !== 'string') {
      res.status(401).send('Request timestamp is missing or outside the five-minute window.');
      return;
    }
    next();
  };
}
