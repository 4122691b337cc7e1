/**
 * The workers of one process: they take stored Slack requests from the inbox (db/queries/requests.ts) and work
 * them (`work`). Any number of processes may run them against the same database; a request is held under a
 * lease renewed while its work goes on, so when a process dies, what it held is taken over once the lease runs
 * out, and finished exactly once (its writes carry the request's key).
 *
 * They look for work when woken: at once in this process (its receiver stored a request), on the database's
 * NOTIFY from any other process, when one of theirs ends while they were full, and every second regardless (a
 * request put back for later, a lapsed lease). Each look is one statement taking as many as they have room for.
 */
import { hostname } from 'node:os';
import type { Database, DatabaseHandle } from '../db/client.js';
import { claimRequests, finishRequest, renewLease, REQUESTS_CHANNEL, retryRequestLater, type SlackRequest } from '../db/queries/requests.js';
import { errorText, type Logger } from '../log.js';

/**
 * How working a request ended: `lost` when another worker took it over (this one's lease ran out), which then
 * finishes it; `later` puts it back for that many seconds (`counted: false`: not one of its attempts).
 */
export type WorkOutcome = { outcome: 'done' | 'failed' | 'lost' } | { later: number; counted?: boolean };

/**
 * How many of a process's workers one workspace may hold at once where many workspaces share it ("Add to Slack"):
 * all but a quarter (at least one) are left for the others, so a workspace whose Slack calls are slow (each gives
 * up after REQUEST_CALL_TIMEOUT_MS) can never hold every worker, while a workspace alone still has most of them.
 */
export const workersPerWorkspace = (concurrency: number) => (concurrency <= 1 ? 1 : concurrency - Math.max(1, Math.floor(concurrency / 4)));

/** A name for one process's workers, unique across the machines sharing the database. */
export const newWorkersId = () => `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;

export interface WorkerOptions {
  /** Names this process's workers in the inbox, the logs, /healthz and its stores' notifications. */
  id: string;
  db: Database;
  /** Wakes on other processes' requests (omitted: this process's own, and the poll). */
  listen?: DatabaseHandle['listen'];
  logger: Logger;
  /** Requests worked at once by this process (0: it only receives; other processes work). */
  concurrency: number;
  /** How long a request stays with a worker that stopped renewing it (it died) before another takes it. */
  leaseSeconds: number;
  /** The most workers one workspace may hold at once (`workersPerWorkspace`); unset: no bound (one workspace). */
  perWorkspace?: number | undefined;
  work: (request: SlackRequest) => Promise<WorkOutcome>;
}

const POLL_MS = 1_000;
/** Within a stop's 10 s (README): the rest is for handing back, closing the database and exiting. */
export const DRAIN_MS = 7_000;

export class RequestWorkers {
  readonly id: string;
  /** Each request being worked, by the promise of its work. */
  private readonly running = new Map<Promise<void>, SlackRequest>();
  private filling = false;
  private again = false;
  /** The last look stopped because every slot was busy: a request ending may leave work waiting. */
  private full = false;
  private stopped = true;
  private timers: NodeJS.Timeout[] = [];
  private unlisten: (() => Promise<void>) | undefined;
  private lastClaimError = 0;

  constructor(private readonly options: WorkerOptions) {
    this.id = options.id;
  }

  async start(): Promise<void> {
    if (this.options.concurrency <= 0) return;
    this.stopped = false;
    // This process's own stores woke it already.
    this.unlisten = await this.options.listen?.(REQUESTS_CHANNEL, (origin) => origin !== this.id && this.wake());
    this.timers.push(setInterval(() => this.wake(), POLL_MS));
    for (const timer of this.timers) timer.unref();
    this.wake();
  }

  /** Requests this process is working now. */
  get busy(): number {
    return this.running.size;
  }

  /** Looks for work now (coalesced: one look at a time, and one more if woken meanwhile). */
  wake(): void {
    if (this.stopped) return;
    if (this.filling) {
      this.again = true;
      return;
    }
    this.filling = true;
    setImmediate(() => void this.fill());
  }

  private async fill(): Promise<void> {
    try {
      do {
        this.again = false;
        while (!this.stopped && this.running.size < this.options.concurrency) {
          const room = this.options.concurrency - this.running.size;
          const requests = await this.claim(room);
          for (const request of requests) {
            const job = this.run(request).finally(() => {
              this.running.delete(job);
              if (this.full) this.wake();
            });
            this.running.set(job, request);
          }
          if (requests.length < room) break;
        }
        this.full = this.running.size >= this.options.concurrency;
      } while (this.again && !this.stopped);
    } finally {
      this.filling = false;
    }
  }

  private async claim(limit: number): Promise<SlackRequest[]> {
    try {
      return await claimRequests(this.options.db, { worker: this.id, leaseSeconds: this.options.leaseSeconds, limit, perWorkspace: this.options.perWorkspace });
    } catch (error) {
      // The database is away: the poll looks again. Said once a minute, not once a second.
      if (Date.now() - this.lastClaimError > 60_000) this.options.logger.warn('workers cannot reach the inbox', { error: errorText(error) });
      this.lastClaimError = Date.now();
      return [];
    }
  }

  private async run(request: SlackRequest): Promise<void> {
    const { db, logger, leaseSeconds } = this.options;
    const renew = setInterval(
      () =>
        void renewLease(db, { request, worker: this.id, leaseSeconds }).then(
          (held) => held || logger.warn('lost the lease on a request still being worked; another worker took it over', { request: request.requestKey }),
          () => {},
        ),
      (leaseSeconds * 1000) / 3,
    );
    try {
      const result = await this.options.work(request);
      if ('later' in result) await retryRequestLater(db, { request, worker: this.id, delaySeconds: result.later, counted: result.counted ?? true });
      else if (result.outcome !== 'lost') await finishRequest(db, { request, worker: this.id, state: result.outcome });
    } catch (error) {
      // Finishing could not be recorded (the database went away): the lease runs out and the request is worked
      // again, which finds what this run stored and does not answer twice.
      logger.error('could not record the end of a request', { entry: request.entry, request: request.requestKey, error: errorText(error) });
    } finally {
      clearInterval(renew);
    }
  }

  /**
   * Stops: works what is due now (on the embedded database nobody else would until the next start) for up to
   * `drainMs`, then hands back what it still holds (Slack not answering, say): put back in the inbox as waiting,
   * not counted as an attempt, for another worker or the next start, whose run finds what this one stored (every
   * write carries the request's key) and, its fence checked first, this one sends nothing more. Its work is not
   * waited for: the process exits.
   */
  async stop(drainMs = DRAIN_MS): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
    await this.unlisten?.().catch(() => {});
    this.unlisten = undefined;
    const deadline = Date.now() + drainMs;
    while (!this.stopped && Date.now() < deadline) {
      this.wake();
      while (this.filling) await new Promise((r) => setTimeout(r, 5));
      if (this.running.size === 0) break;
      await Promise.race([Promise.allSettled(this.running.keys()), new Promise((r) => setTimeout(r, Math.max(0, deadline - Date.now())))]);
    }
    this.stopped = true;
    // A look already under way may still take requests: they are handed back with the rest.
    while (this.filling) await new Promise((r) => setTimeout(r, 5));
    const { db, logger } = this.options;
    await Promise.all(
      [...this.running.values()].map(async (request) => {
        try {
          await retryRequestLater(db, { request, worker: this.id, delaySeconds: 0, counted: false });
          logger.warn('stopping: handed a request still being worked back to the inbox', { entry: request.entry, request: request.requestKey });
        } catch (error) {
          // Its lease runs out instead, and another worker (or the next start) takes it over.
          logger.error('stopping: could not hand a request back to the inbox', { request: request.requestKey, error: errorText(error) });
        }
      }),
    );
  }
}
