/**
 * Prometheus metrics (prom-client), served on `/metrics`. One registry per app instance (tests run several in
 * one process). Labels are bounded sets (kinds, outcomes, status codes): never a team, user or client id.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** What Slack sent: the part of an entry name before its first space (`command /call` → command). */
export const kindOfEntry = (entry: string) => {
  const kind = entry.split(' ', 1)[0]!;
  return KINDS.has(kind) ? kind : 'other';
};
const KINDS = new Set(['command', 'action', 'view', 'shortcut', 'event', 'options']);

export interface QueueGauges {
  queue: () => Promise<{ waiting: number; working: number; oldestWaitingSeconds: number }>;
  busy: () => number;
  capacity: number;
}

export class Metrics {
  readonly registry = new Registry();
  private readonly registers = [this.registry];

  /** Requests as the receiver found them: `stored` (work follows), `retry`, `replay`, `unsaved` (the insert failed). */
  readonly received = new Counter({
    name: 'rapport_slack_requests_received_total',
    help: 'Slack requests received, by kind and by what the receiver did with them.',
    labelNames: ['kind', 'outcome'] as const,
    registers: this.registers,
  });

  /** Requests as workers finished them: `done`, `failed` (given up, or no such entry point), `later` (database away). */
  readonly worked = new Counter({
    name: 'rapport_slack_requests_worked_total',
    help: 'Stored Slack requests worked, by kind and outcome.',
    labelNames: ['kind', 'outcome'] as const,
    registers: this.registers,
  });

  readonly ack = new Histogram({
    name: 'rapport_slack_ack_duration_seconds',
    help: 'From a request reaching /slack/events to the HTTP response, by status code.',
    labelNames: ['status'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: this.registers,
  });

  readonly reply = new Histogram({
    name: 'rapport_slack_reply_duration_seconds',
    help: 'From a request being received to its answer being sent, by kind and by how it was sent.',
    labelNames: ['kind', 'via'] as const,
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 120, 600, 1800],
    registers: this.registers,
  });

  readonly digestPosts = new Counter({
    name: 'rapport_digest_posts_total',
    help: 'Digest post attempts, by outcome (posted, failed: Slack refused, channel_refused: shared outside, and so on).',
    labelNames: ['outcome'] as const,
    registers: this.registers,
  });

  readonly databaseRetries = new Counter({
    name: 'rapport_database_retries_total',
    help: 'Work retried because the database connection failed (a restart, a failover).',
    registers: this.registers,
  });

  constructor(options: { process?: boolean } = {}) {
    // Process metrics (CPU, memory, event loop lag, handles): once per process, on its main registry only.
    if (options.process !== false) collectDefaultMetrics({ register: this.registry, prefix: 'rapport_' });
  }

  /** The request inbox as gauges, read from the database at each scrape. */
  observeQueue(gauges: QueueGauges): void {
    const registers = this.registers;
    type State = { waiting: number; working: number; oldestWaitingSeconds: number } | undefined;
    // One query per scrape for the three gauges: a reading less than a second old is reused.
    let cached: { at: number; state: Promise<State> } | undefined;
    const state = () => {
      if (!cached || Date.now() - cached.at > 1000) cached = { at: Date.now(), state: gauges.queue().catch(() => undefined) };
      return cached.state;
    };
    const fromQueue = (name: string, help: string, pick: (s: NonNullable<State>) => number) =>
      new Gauge({
        name,
        help,
        registers,
        async collect() {
          const s = await state();
          if (s) this.set(pick(s));
        },
      });
    fromQueue('rapport_requests_waiting', 'Stored requests waiting for a worker (all processes).', (s) => s.waiting);
    fromQueue('rapport_requests_working', 'Stored requests being worked (all processes).', (s) => s.working);
    fromQueue('rapport_requests_oldest_waiting_seconds', 'How long the oldest waiting request has waited.', (s) => s.oldestWaitingSeconds);
    new Gauge({
      name: 'rapport_workers_busy',
      help: 'Requests this process is working now.',
      registers,
      collect() {
        this.set(gauges.busy());
      },
    });
    new Gauge({ name: 'rapport_workers_capacity', help: 'Requests this process works at once (WORKERS).', registers }).set(gauges.capacity);
  }

  async expose(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
