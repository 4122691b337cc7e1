/**
 * Who does something, in which workspace, when (the app's clock), and for which Slack request: every use case
 * takes one. The request key makes each write idempotent, so a retried delivery (or a retried attempt after a
 * lost database connection) finds what the first one stored instead of storing it twice.
 */
import type { Author } from '../db/queries/audit.js';
import type { Catalogue } from '../domain/catalogue.js';

export interface Act {
  teamId: string;
  actor: string;
  at: Date;
  requestKey: string | null;
}

/** An act in a workspace whose catalogue and time zone the use case needs. */
export interface ActIn extends Act {
  catalogue: Catalogue;
  timeZone: string;
}

export const authorOf = (act: Act): Author => ({ actor: act.actor, at: act.at, requestKey: act.requestKey });
