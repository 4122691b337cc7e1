/**
 * What every request's work is given (no singletons: tests pass their own database and clock). A leaf: the
 * frame adds its registry of entry points to make what listeners are given (frame.ts `SlackDeps`).
 */
import type { Database } from '../db/client.js';
import type { Logger } from '../log.js';
import type { Metrics } from '../metrics.js';
import type { Installations } from './installations.js';
import type { PeopleDirectory } from './people.js';
import type { Digest } from '../services/workspace.js';
import type { DigestPage } from './blocks/digest.js';
import type { Slot } from './workers.js';

/** How posting the digest ended, as the one who asked is told. */
export type PostOutcome =
  /** Every message of the digest is in the channel. `early`: posted by hand before its week's scheduled slot (which will then not post again). */
  | { status: 'posted'; digest: Digest; ts: string; pages: number; week: string; early?: boolean }
  /**
   * The first message is in the channel, but `waiting` of the `threadPages` pages of its thread are not yet (Slack
   * failed, `error` when it said how): later ticks post them, each once. Counts as the week's digest, as `posted` does.
   */
  | {
      status: 'partly_posted';
      digest: Digest;
      ts: string;
      week: string;
      channelId: string;
      threadPages: number;
      waiting: number;
      error?: string;
      early?: boolean;
    }
  /** `threadPagesWaiting`: pages of its thread that later ticks are still to post. */
  | { status: 'already_posted'; digest: Digest; threadPagesWaiting: number }
  | { status: 'claimed_elsewhere' }
  /** This week's digest failed before (`error`, as Slack said it); the claim's lease retries it by itself. */
  | { status: 'will_retry'; error: string; channelId: string }
  /** Slack definitely refused the digest (`isDefiniteRefusal`); retried by itself, and whoever set the channel is told. */
  | { status: 'failed'; error: string; channelId: string }
  /** Slack could not be reached or failed for a moment: nothing was posted, and the claim's lease retries it by itself. */
  | { status: 'delayed'; error: string; channelId: string }
  | { status: 'no_channel' }
  /** The digest channel is shared outside the organisation: Rapport does not post there until a channel is set again. */
  | { status: 'channel_refused'; reason: string; channelId: string };

/**
 * What Slack's entry points ask of the digest. The digest's runner does it, built by the composition root and
 * handed in: slack/ never imports digest/ (the digest decides when and once; Slack renders and talks to Slack).
 */
export interface DigestOnDemand {
  /** The pages this week's digest would have now, for one reader (`/rapport digest preview`). */
  preview(teamId: string, reader: string): Promise<DigestPage[]>;
  /** `/rapport digest now`: this week's digest unless posted already; `force` posts it again. */
  postNow(teamId: string, actor: string, force: boolean): Promise<PostOutcome>;
  /** Stops posting to a channel shared outside the organisation, and tells whoever set it. */
  refuseChannel(workspace: { teamId: string }, channelId: string, reason: string): Promise<void>;
}

/**
 * The time now, in a workspace: the same for every workspace in production; the local page moves one local
 * workspace's clock on (src/local/clock.ts), so its reminders and digests can be seen in a minute. Without a
 * team, the time of none moved.
 */
export type Clock = (teamId?: string) => Date;

export interface WorkDeps {
  /** Each workspace's data, as the request being worked may see it (row-level security). */
  db: Database;
  /**
   * The same, on the read replica when there is one (DATABASE_READ_URL): only for heavy reads that may lag a write
   * by a moment (Home's portfolio, the export), never to read back what the request just wrote.
   */
  reader: Database;
  /** The request inbox, which spans workspaces: stored before the ack, before any workspace is trusted. */
  owner: Database;
  logger: Logger;
  /** The clock: only main.ts (and tests) pass a real one in. */
  now: Clock;
  people: PeopleDirectory;
  digest: DigestOnDemand;
  /** True for a URL Slack gave us to answer on (hooks.slack.com, or the configured stand-in's). */
  isResponseUrl: (url: string) => boolean;
  /** A request was stored: this process's workers look at once (other processes hear of it from the database). */
  wakeWorkers: () => void;
  /** A worker of this process free to take the request being stored straight from the receiver (workers.ts). */
  workerSlot?: (teamId: string) => Slot | undefined;
  /** This process's workers' id: its stores' notifications carry it, so its own workers can ignore them. */
  workersId: string;
  metrics: Metrics;
  /** Who Rapport is in each workspace (its bot token); uninstalling forgets it. */
  installations: Installations;
}
