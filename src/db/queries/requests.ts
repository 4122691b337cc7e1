/**
 * The inbox of Slack requests (schema/requests.ts). Storing is the one write before the ack; the rest is the
 * workers' side: claim with a lease, renew it while working, finish, or put back for later.
 *
 * Claiming and the queue's figures read across workspaces on purpose: the queue is the app's, not a
 * workspace's, and a row is only ever worked within its own team (`teamId` of the row scopes everything after).
 */
import { and, eq, gt, inArray, lte, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { preparedOnce, type Placeholders } from '../builtOnce.js';
import type { Database } from '../client.js';
import { inFlight, settled, slackRequests } from '../schema/index.js';

export type SlackRequest = typeof slackRequests.$inferSelect;
export type NewSlackRequest = Pick<typeof slackRequests.$inferInsert, 'teamId' | 'requestKey' | 'signature' | 'entry' | 'body' | 'receivedAt'>;

/** The channel storing a request notifies, with the storing process's workers' id as the payload. */
export const REQUESTS_CHANNEL = 'slack_requests';

const seconds = (n: number) => sql`now() + make_interval(secs => ${n})`;

/** A worker of this process that takes the request as it is stored (`storeRequest`), under a lease of this length. */
export type ClaimedOnStore = {
  worker: string;
  leaseSeconds: number;
};

/**
 * Stores a request unless it is already in: `stored` (work will follow), `retry` (the same request delivered
 * again, signed anew: Slack retrying) or `replay` (the very same delivery, signature and all, sent again).
 *
 * Stored for any worker, it notifies REQUESTS_CHANNEL in the same statement (one round trip), naming `origin` so
 * that the storing process, which wakes its own workers directly, can ignore its own notification. With
 * `claimedBy`, a worker of the storing process that had room takes it in the same insert (`claimed`: the row as
 * a claim would have returned it), and nobody is woken: no claim follows, and no other process looks for it.
 * `existing` is the row already stored under the key (none when only the signature matched another's: a replay).
 */
export async function storeRequest(
  db: Database,
  { request, origin = '', claimedBy }: { request: NewSlackRequest; origin?: string; claimedBy?: ClaimedOnStore },
): Promise<{ stored: number; claimed?: SlackRequest } | { repeated: 'retry' | 'replay'; existing?: SlackRequest }> {
  const row = {
    teamId: request.teamId,
    requestKey: request.requestKey,
    signature: request.signature ?? null,
    entry: request.entry,
    body: storable(request.body) as NewSlackRequest['body'],
    receivedAt: request.receivedAt,
  };
  if (claimedBy) {
    const [inserted] = await storingClaimed(db, { ...row, worker: claimedBy.worker, leaseSeconds: claimedBy.leaseSeconds });
    if (inserted)
      return {
        stored: inserted.id,
        claimed: { ...row, ...inserted, state: 'working', attempts: 1, worker: claimedBy.worker, answeredAt: null, finishedAt: null },
      };
  } else {
    const [inserted] = await storing(db, { ...row, origin });
    if (inserted) return { stored: inserted.id };
  }
  const [existing] = await db
    .select()
    .from(slackRequests)
    .where(and(eq(slackRequests.teamId, request.teamId), eq(slackRequests.requestKey, request.requestKey)));
  // No row under this key: the signature matched another request's, which only a replay can do.
  if (!existing) return { repeated: 'replay' };
  return { repeated: request.signature === null || request.signature === undefined || existing.signature !== request.signature ? 'retry' : 'replay', existing };
}

type Storing = Required<Omit<NewSlackRequest, 'signature'>> & { signature: string | null };

// On the ack's path: built once (db/builtOnce.ts). The placeholders are a proxy, which has no properties of its
// own to spread: named one by one.
const storedRow = (p: Placeholders<Storing>) => ({
  teamId: p.teamId,
  requestKey: p.requestKey,
  signature: p.signature,
  entry: p.entry,
  body: p.body,
  receivedAt: p.receivedAt,
});
const storing = preparedOnce((db, p: Placeholders<Storing & { origin: string }>) => {
  const stored = db.$with('stored').as(db.insert(slackRequests).values(storedRow(p)).onConflictDoNothing().returning({ id: slackRequests.id }));
  return db
    .with(stored)
    .select({ id: stored.id, notified: sql`pg_notify(${REQUESTS_CHANNEL}, ${p.origin})` })
    .from(stored)
    .prepare('store_request');
});
const storingClaimed = preparedOnce((db, p: Placeholders<Storing & ClaimedOnStore>) =>
  db
    .insert(slackRequests)
    .values({ ...storedRow(p), state: 'working', worker: p.worker, attempts: 1, dueAt: seconds(p.leaseSeconds) })
    .onConflictDoNothing()
    .returning({ id: slackRequests.id, queuedAt: slackRequests.queuedAt, dueAt: slackRequests.dueAt })
    .prepare('store_claimed_request'),
);

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * The request as jsonb can hold it: Postgres refuses NUL and lone surrogates in any string (which a fuzzer,
 * or a broken client, can put in a payload); both become U+FFFD, as a decoder would show them.
 */
export function storable(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(LONE_SURROGATE, '\uFFFD').replaceAll('\u0000', '\uFFFD');
  if (Array.isArray(value)) return value.map(storable);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [storable(k), storable(v)]));
  return value;
}

/**
 * Takes up to `limit` of the requests due (waiting, or working under a lease that ran out: its worker died) for
 * `worker`, in one statement; other workers skip the rows it is taking. Workspaces take turns: each one's oldest
 * request comes before any one's second, and no workspace gets more than `perWorkspace` of this worker's slots
 * at once (counting those it holds already; no bound when undefined), so one workspace whose Slack calls are slow
 * cannot hold them all.
 */
export async function claimRequests(
  db: Database,
  { worker, leaseSeconds, limit, perWorkspace }: { worker: string; leaseSeconds: number; limit: number; perWorkspace?: number },
): Promise<SlackRequest[]> {
  // Each workspace's first few in turn are enough: `limit` are taken, past those other processes' claims are
  // locking at the same moment (skipped). Room for four such claims; past that, a claim may take fewer than it
  // could, and its workers look again when woken (a request ending, a NOTIFY, the poll).
  const candidates = limit + CLAIMED_ELSEWHERE;
  const claimed = await (perWorkspace === undefined
    ? claimingAny(db, { worker, leaseSeconds, limit, candidates })
    : claimingFairly(db, { worker, leaseSeconds, limit, candidates, perWorkspace }));
  return claimed.sort((a, b) => a.id - b.id);
}

/** Due requests of one workspace other processes' claims may be locking while this one runs: four claims of four. */
const CLAIMED_ELSEWHERE = 16;

type Claim = { worker: string; leaseSeconds: number; limit: number; candidates: number; perWorkspace: number };

/**
 * The claim, built once (db/builtOnce.ts): each worker runs it on every wake. Turns are numbered within each
 * workspace's first `candidates` due requests (index slack_requests_due: team, due, id), not across every due
 * request: with thousands waiting after an outage, numbering and sorting them all took ~20-35 ms a claim, one
 * claim per freed worker, which capped the backlog's pace; now its cost is a pass over the due index.
 */
function claiming(db: Database, p: Placeholders<Claim>, bounded: boolean) {
  const r = slackRequests;
  const q = alias(slackRequests, 'queued');
  const worker = p.worker;
  const isDue = (t: { state: typeof r.state; dueAt: typeof r.dueAt } | typeof q) => and(inFlight(t.state), lte(t.dueAt, sql`now()`));
  const held = db.$with('held').as(
    db
      .select({ teamId: r.teamId, n: sql<number>`count(*)::int`.as('n') })
      .from(r)
      .where(and(sql`${r.state} = 'working'`, eq(r.worker, worker), gt(r.dueAt, sql`now()`)))
      .groupBy(r.teamId),
  );
  const teams = db.$with('teams').as(db.selectDistinct({ teamId: r.teamId }).from(r).where(isDue(r)));
  const firstOfEach = db
    .select({
      id: q.id,
      teamId: q.teamId,
      dueAt: q.dueAt,
      turn: sql<number>`row_number() over (order by ${q.dueAt}, ${q.id})`.as('turn'),
    })
    .from(q)
    .where(and(eq(q.teamId, teams.teamId), isDue(q)))
    .orderBy(q.dueAt, q.id)
    .limit(p.candidates)
    .as('first_of_each');
  const due = db
    .$with('due')
    .as(
      db.select({ id: firstOfEach.id, teamId: firstOfEach.teamId, dueAt: firstOfEach.dueAt, turn: firstOfEach.turn }).from(teams).crossJoinLateral(firstOfEach),
    );
  const fair = db.$with('fair').as(
    db
      .select({ teamId: due.teamId, id: due.id, turn: due.turn, dueAt: due.dueAt })
      .from(due)
      .leftJoin(held, eq(held.teamId, due.teamId))
      .where(bounded ? sql`${due.turn} + coalesce(${held.n}, 0) <= ${p.perWorkspace}::int` : undefined),
  );
  // The candidates in turn, each reached by its primary key and locked, until `limit` are taken: a candidate another
  // worker locked is skipped for the next in turn, and one it claimed meanwhile (its state checked again) is no
  // longer due. The lateral probe is fenced (`offset 0`) so no plan can turn it around: folded into a join, a plan
  // made while the inbox was small scanned every due request for each candidate. The recheck binds the states as
  // parameters on purpose, so the probe can take no index but the primary key.
  const taking = sql`select locked.team_id, locked.id from (select * from ${fair} order by turn, due_at, id) as turns
    cross join lateral (select ${r.teamId}, ${r.id} from ${r}
      where ${r.teamId} = turns.team_id and ${r.id} = turns.id and ${inArray(r.state, ['waiting', 'working'])} and ${r.dueAt} <= now()
      offset 0 for update of ${r} skip locked) as locked
    order by turns.turn, turns.due_at, turns.id limit ${p.limit}`;
  // Each step computed once (MATERIALIZED, which drizzle cannot say): folded into one query, a generic plan made
  // while the inbox was small ran the workspaces' and their candidates' reads again for every due request, 4 s a
  // claim at 6,000 waiting.
  const steps = sql.join(
    [held, teams, due, fair].map((step) => sql`${sql.identifier(step._.alias)} as materialized (${step._.sql})`),
    sql`, `,
  );
  return (
    db
      .update(r)
      .set({ state: 'working', dueAt: seconds(p.leaseSeconds), attempts: sql`${r.attempts} + 1`, worker })
      // By the primary key, (team_id, id).
      .where(sql`(${r.teamId}, ${r.id}) in (with ${steps} ${taking})`)
      .returning()
      .prepare(bounded ? 'claim_requests_fairly' : 'claim_requests')
  );
}
const claimingFairly = preparedOnce((db, p: Placeholders<Claim>) => claiming(db, p, true));
const claimingAny = preparedOnce((db, p: Placeholders<Omit<Claim, 'perWorkspace'>>) => claiming(db, p as Placeholders<Claim>, false));

/** A claimed request: its attempt is the fencing token of the lease (a later claim of the same row counts one more). */
type Held = Pick<SlackRequest, 'id' | 'teamId' | 'attempts'>;
const held = (request: Held, worker: string) =>
  and(
    eq(slackRequests.teamId, request.teamId),
    eq(slackRequests.id, request.id),
    eq(slackRequests.worker, worker),
    eq(slackRequests.attempts, request.attempts),
    eq(slackRequests.state, 'working'),
  );

/** Keeps the request while its work goes on; false when the lease was lost (another worker took it over). */
export async function renewLease(db: Database, { request, worker, leaseSeconds }: { request: Held; worker: string; leaseSeconds: number }): Promise<boolean> {
  const rows = await db
    .update(slackRequests)
    .set({ dueAt: seconds(leaseSeconds) })
    .where(held(request, worker))
    .returning({ id: slackRequests.id });
  return rows.length > 0;
}

/**
 * Whether `worker` still holds the request under this claim: checked before anything is sent to Slack, so a
 * worker that stalled past its lease (another took the request over) never confirms a second time.
 */
export async function holdsLease(db: Database, { request, worker }: { request: Held; worker: string }): Promise<boolean> {
  const rows = await checkingLease(db, { teamId: request.teamId, id: request.id, attempts: request.attempts, worker });
  return rows.length > 0;
}

// On most requests' path, built once (db/builtOnce.ts): the lease checked before a reply, answered, finished.
type Lease = { teamId: string; id: number; attempts: number; worker: string };
const heldBy = (p: Placeholders<Lease>) => held({ teamId: p.teamId, id: p.id, attempts: p.attempts }, p.worker);

/**
 * A condition that always holds and makes its statement's commit not wait for the disk (SET LOCAL
 * synchronous_commit = off, read when the statement's own transaction commits): ~1 ms less per commit on the
 * bench's machine. Only for what comes after a request's answer (answered, finished): a database server that
 * crashes in the moment after loses at most that mark, and the request is worked again, which finds everything it
 * stored (each write carries the request's key) and, at worst, answers its person a second time.
 */
const committedWithoutWaiting = sql`(select set_config('synchronous_commit', 'off', true)) = 'off'`;
const checkingLease = preparedOnce((db, p: Placeholders<Lease>) =>
  db.select({ id: slackRequests.id }).from(slackRequests).where(heldBy(p)).prepare('holds_lease'),
);
const finishing = preparedOnce((db, p: Placeholders<Lease & { state: 'done' | 'failed' }>) =>
  db
    .update(slackRequests)
    .set({ state: p.state, finishedAt: sql`now()`, body: {} })
    .where(and(heldBy(p), committedWithoutWaiting))
    .prepare('finish_request'),
);
const answering = preparedOnce((db, p: Placeholders<Pick<Lease, 'teamId' | 'id'>>) =>
  db
    .update(slackRequests)
    .set({ answeredAt: sql`now()` })
    .where(and(eq(slackRequests.teamId, p.teamId), eq(slackRequests.id, p.id), committedWithoutWaiting))
    .prepare('mark_answered'),
);

/**
 * Finished: its payload is dropped at once (what a person typed about a client is kept no longer than its work
 * needs); the row stays a day, so a retry or replay of it is still recognised by its key and signature.
 */
export async function finishRequest(db: Database, { request, worker, state }: { request: Held; worker: string; state: 'done' | 'failed' }): Promise<void> {
  await finishing(db, { teamId: request.teamId, id: request.id, attempts: request.attempts, worker, state });
}

/**
 * Puts a request back, to be tried again in `delaySeconds` (the database could not be reached; Slack asked to
 * wait). `counted: false` (Slack's rate limit) does not count the try among the attempts a request is given.
 * `answered`: its person was answered on this try and the inbox does not say so yet; the next try must not answer again.
 */
export async function retryRequestLater(
  db: Database,
  {
    request,
    worker,
    delaySeconds,
    counted = true,
    answered = false,
  }: { request: Held; worker: string; delaySeconds: number; counted?: boolean; answered?: boolean },
): Promise<void> {
  await db
    .update(slackRequests)
    .set({
      state: 'waiting',
      dueAt: seconds(delaySeconds),
      ...(counted ? {} : { attempts: sql`${slackRequests.attempts} - 1` }),
      ...(answered ? { answeredAt: sql`coalesce(${slackRequests.answeredAt}, now())` } : {}),
    })
    .where(held(request, worker));
}

export async function markAnswered(db: Database, request: Pick<Held, 'id' | 'teamId'>): Promise<void> {
  await answering(db, { teamId: request.teamId, id: request.id });
}

export interface QueueState {
  waiting: number;
  working: number;
  /** Seconds the oldest waiting request has waited (0 when none). */
  oldestWaitingSeconds: number;
}

export async function queueState(db: Database): Promise<QueueState> {
  const [row] = await db
    .select({
      waiting: sql<number>`count(*) filter (where ${slackRequests.state} = 'waiting')`.mapWith(Number),
      working: sql<number>`count(*) filter (where ${slackRequests.state} = 'working')`.mapWith(Number),
      oldest: sql<number>`coalesce(extract(epoch from now() - min(${slackRequests.queuedAt}) filter (where ${slackRequests.state} = 'waiting')), 0)`.mapWith(
        Number,
      ),
    })
    .from(slackRequests)
    .where(inFlight(slackRequests.state));
  return { waiting: row?.waiting ?? 0, working: row?.working ?? 0, oldestWaitingSeconds: Math.max(0, Math.round(row?.oldest ?? 0)) };
}

/**
 * Forgets finished requests after a day: long past Slack's retries (minutes) and the five-minute window a
 * signature is valid in, so nothing a retry or a replay could match is forgotten.
 */
export async function forgetFinishedRequests(db: Database, keepHours = 24): Promise<number> {
  const rows = await db
    .delete(slackRequests)
    .where(and(settled(slackRequests.state), lte(slackRequests.finishedAt, sql`now() - make_interval(hours => ${keepHours})`)))
    .returning({ id: slackRequests.id });
  return rows.length;
}
