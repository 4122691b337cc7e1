/**
 * The workers of one process: they take stored Slack requests from the inbox (db/queries/requests.ts) and work
 * them (`work`). Any number of processes may run them against the same database; a request is held under a
 * lease renewed while its work goes on, so when a process dies, what it held is taken over once the lease runs
 * out, and finished exactly once (its writes carry the request's key).
 *
 * They look for work when woken: at once in this process (its receiver stored a request), on the database's
 * NOTIFY from any other process, when one of theirs ends while they were full, and every second regardless (a
 * request put back for later, a lapsed lease). Each look is one statement taking as many as they have room for.
 *
 * While one of them is free and nothing is known to be waiting, the receiver hands its request straight over
 * (`slotFor`): stored already claimed, in the same insert, and worked at once, with no NOTIFY, claim or look.
 */
import { hostname } from 'node:os';
import type { Database, DatabaseHandle } from '../db/client.js';
import {
  claimRequests,
  finishRequest,
  renewLease,
  REQUESTS_CHANNEL,
  retryRequestLater,
  type ClaimedOnStore,
  type SlackRequest,
} from '../db/queries/requests.js';
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
  work: (request: SlackRequest, lease: Lease) => Promise<WorkOutcome>;
}

/**
 * What this process knows of its lease on a request without asking the database: held for sure until half its
 * length after the claim (or a renewal) was sent, which is before the database stamped it. Half, so that clocks
 * running at slightly different rates never matter; a process that stalls past it asks the database again.
 */
export class Lease {
  private until: number;

  constructor(
    seconds: number,
    sent: number,
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.until = sent + seconds * 500;
  }

  renewed(seconds: number, sent: number): void {
    this.until = Math.max(this.until, sent + seconds * 500);
  }

  /**
   * The person was answered under this lease (Turn.reply), and whether the inbox says so yet. It is written only
   * when the request could be worked again: put back for later, handed back, or before anything more is sent
   * (Turn.fence). A finished request is never worked again, so most requests spend no statement on it.
   */
  answer: 'none' | 'unrecorded' | 'recorded' = 'none';

  /** Handed back (stopping): only the database can say who holds it now. */
  forget(): void {
    this.until = -Infinity;
  }

  get surelyHeld(): boolean {
    return this.clock() < this.until;
  }
}

/** A free worker of this process, kept for the request the receiver is storing (`RequestWorkers.slotFor`). */
export interface Slot {
  claimedBy: ClaimedOnStore;
  /** Works the request, which its store claimed for this worker. */
  take(request: SlackRequest, sent: number): void;
  /** It was not stored (a retry, a failure): the worker is free again. */
  release(): void;
}

const POLL_MS = 1_000;
/** Within a stop's 10 s (README): the rest is for handing back, closing the database and exiting. */
export const DRAIN_MS = 7_000;

export class RequestWorkers {
  readonly id: string;
  /** Each request being worked, by the promise of its work. */
  private readonly running = new Map<Promise<void>, { request: SlackRequest; lease: Lease }>();
  /** Slots kept for requests the receiver is storing, by workspace. */
  private readonly kept = new Map<string, number>();
  /** Requests may be waiting in the inbox (another process stored one; the last look left some): none is handed over. */
  private waiting = true;
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

  /**
   * A worker kept for a request of `teamId` the receiver is about to store, when one is free, the workspace has
   * room (`perWorkspace`) and nothing is known to be waiting (which would be overtaken).
   */
  slotFor(teamId: string): Slot | undefined {
    const { concurrency, perWorkspace, leaseSeconds } = this.options;
    if (this.stopped || this.waiting || this.taken >= concurrency) return undefined;
    if (perWorkspace !== undefined && this.heldBy(teamId) + (this.kept.get(teamId) ?? 0) >= perWorkspace) return undefined;
    this.keep(teamId, 1);
    let open = true;
    const release = () => {
      if (!open) return;
      open = false;
      this.keep(teamId, -1);
    };
    return {
      claimedBy: { worker: this.id, leaseSeconds },
      // After the ack has gone: the receiver acks once this returns, and the work's first steps run synchronously.
      take: (request, sent) =>
        setImmediate(() => {
          release();
          // Stopped meanwhile: the request is handed back like any it held.
          if (this.stopped) void this.handBack(request);
          else this.take(request, new Lease(leaseSeconds, sent));
        }),
      release: () => {
        release();
        if (this.full) this.wake();
      },
    };
  }

  private keep(teamId: string, n: number): void {
    const kept = (this.kept.get(teamId) ?? 0) + n;
    if (kept === 0) this.kept.delete(teamId);
    else this.kept.set(teamId, kept);
  }

  /** Workers running a request or kept for one being stored. */
  private get taken(): number {
    let n = this.running.size;
    for (const kept of this.kept.values()) n += kept;
    return n;
  }

  private heldBy(teamId: string): number {
    let n = 0;
    for (const { request } of this.running.values()) if (request.teamId === teamId) n++;
    return n;
  }

  /**
   * Looks for work now (coalesced: one look at a time, and one more if woken meanwhile). Until the look says
   * otherwise, requests may be waiting: none is handed over meanwhile.
   */
  wake(): void {
    if (this.stopped) return;
    this.waiting = true;
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
        while (!this.stopped && this.taken < this.options.concurrency) {
          const room = this.options.concurrency - this.taken;
          const sent = performance.now();
          const requests = await this.claim(room);
          for (const request of requests) this.take(request, new Lease(this.options.leaseSeconds, sent));
          // Fewer than there was room for: nothing more was due (unless woken since, which looks again).
          const more = requests.length === room;
          this.waiting = more || this.again;
          if (!more) break;
        }
        this.full = this.taken >= this.options.concurrency;
      } while (this.again && !this.stopped);
    } finally {
      this.filling = false;
    }
  }

  private take(request: SlackRequest, lease: Lease): void {
    const job = this.run(request, lease).finally(() => {
      this.running.delete(job);
      if (this.full) this.wake();
    });
    this.running.set(job, { request, lease });
  }

  private async claim(limit: number): Promise<SlackRequest[]> {
    try {
      return await claimRequests(this.options.db, { worker: this.id, leaseSeconds: this.options.leaseSeconds, limit, perWorkspace: this.options.perWorkspace });
    } catch (error) {
      // The database is away: the poll looks again. Said once a minute, not once a second.
      if (Date.now() - this.lastClaimError > 60_000) this.options.logger.warn('workers cannot reach the inbox', { error: errorText(error) });
      this.lastClaimError = Date.now();
      this.waiting = true;
      return [];
    }
  }

  private async run(request: SlackRequest, lease: Lease): Promise<void> {
    const { db, logger, leaseSeconds } = this.options;
    const renew = setInterval(
      () => {
        const sent = performance.now();
        void renewLease(db, { request, worker: this.id, leaseSeconds }).then(
          (held) =>
            held
              ? lease.renewed(leaseSeconds, sent)
              : logger.warn('lost the lease on a request still being worked; another worker took it over', { request: request.requestKey }),
          () => {},
        );
      },
      (leaseSeconds * 1000) / 3,
    );
    try {
      const result = await this.options.work(request, lease);
      if ('later' in result)
        await retryRequestLater(db, {
          request,
          worker: this.id,
          delaySeconds: result.later,
          counted: result.counted ?? true,
          answered: lease.answer === 'unrecorded',
        });
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
    await Promise.all(
      [...this.running.values()].map(({ request, lease }) => {
        // Its work, still going, asks the database before it sends anything more, and finds it handed back.
        lease.forget();
        return this.handBack(request, lease.answer === 'unrecorded');
      }),
    );
  }

  private async handBack(request: SlackRequest, answered = false): Promise<void> {
    const { db, logger } = this.options;
    try {
      await retryRequestLater(db, { request, worker: this.id, delaySeconds: 0, counted: false, answered });
      logger.warn('stopping: handed a request still being worked back to the inbox', { entry: request.entry, request: request.requestKey });
    } catch (error) {
      // Its lease runs out instead, and another worker (or the next start) takes it over.
      logger.error('stopping: could not hand a request back to the inbox', { request: request.requestKey, error: errorText(error) });
    }
  }
}
