/** What every listener is given (no singletons: tests pass their own database and clock). */
import type { Database } from '../db/client.js';
import type { DigestRunner } from '../digest/run.js';
import type { Logger } from '../log.js';
import type { Metrics } from '../metrics.js';
import type { Installations } from './installations.js';
import type { Handlers } from './frame.js';
import type { PeopleDirectory } from './people.js';

export interface SlackDeps {
  /** Each workspace's data, as the request being worked may see it (row-level security). */
  db: Database;
  /** The request inbox, which spans workspaces: stored before the ack, before any workspace is trusted. */
  owner: Database;
  logger: Logger;
  /** The clock: only main.ts (and tests) pass a real one in. */
  now: () => Date;
  people: PeopleDirectory;
  digest: DigestRunner;
  /** True for a URL Slack gave us to answer on (hooks.slack.com, or the configured stand-in's). */
  isResponseUrl: (url: string) => boolean;
  /** Each entry point's work, registered with its listener: what workers run stored requests with. */
  handlers: Handlers;
  /** A request was stored: this process's workers look at once (other processes hear of it from the database). */
  wakeWorkers: () => void;
  /** This process's workers' id: its stores' notifications carry it, so its own workers can ignore them. */
  workersId: string;
  metrics: Metrics;
  /** Who Rapport is in each workspace (its bot token); uninstalling forgets it. */
  installations: Installations;
}
