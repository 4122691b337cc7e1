/**
 * Closes the gaps Bolt leaves in request verification (slack-contract.md): it rejects only old timestamps,
 * so future-dated ones pass and a captured request can be replayed within five minutes. This runs before
 * Bolt's own signature check.
 */
import type { NextFunction, Request, Response } from 'express';

const WINDOW_SECONDS = 300;

export function replayGuard(now: () => number = () => Date.now()) {
  const seen = new Map<string, number>();
  const prune = (at: number) => {
    for (const [sig, until] of seen) if (until <= at) seen.delete(sig);
  };
  return (req: Request, res: Response, next: NextFunction) => {
    const at = now();
    const ts = Number(req.headers['x-slack-request-timestamp']);
    const signature = req.headers['x-slack-signature'];
    if (!Number.isFinite(ts) || Math.abs(at / 1000 - ts) > WINDOW_SECONDS || typeof signature !== 'string') {
      res.status(401).send('Request timestamp is missing or outside the five-minute window.');
      return;
    }
    if (seen.has(signature)) {
      res.status(401).send('Request already received.');
      return;
    }
    if (seen.size > 50_000) prune(at);
    seen.set(signature, at + 2 * WINDOW_SECONDS * 1000);
    // A delivery we failed to handle may be retried by Slack with the same signature: let that through.
    res.on('finish', () => {
      if (res.statusCode >= 500) seen.delete(signature);
    });
    next();
  };
}
