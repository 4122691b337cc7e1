/**
 * The one frame every Slack entry point goes through (commands, buttons, forms, shortcuts, events, option
 * loads). A listener only declares what it does with a `Turn`. The receiver's side stores the verified request
 * in the inbox and acks (in milliseconds; nothing Slack was told "ok" about can be lost after that); a worker,
 * in this process or another, takes it from there (`workRequest`): it builds the turn (workspace, acting user,
 * clock, where to answer), retries the work when the database connection was lost (every write Rapport makes
 * from Slack carries the request's key, so a retry finds what the first try stored), and turns any failure into
 * what the person sees: a private answer, a field error on a form, or a DM when there is nowhere else.
 * Unexpected errors are logged once, with the request's context, and the person is still answered.
 */
import type { AckFn, App, BlockAction, BlockElementAction, SlackShortcut, SlashCommand, ViewOutput, ViewResponseAction } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { CatalogueError } from '../domain/catalogue.js';
import { RapportError } from '../domain/errors.js';
import { holdsLease, markAnswered, storeRequest, type SlackRequest } from '../db/queries/requests.js';
import { kindOfEntry } from '../metrics.js';
import { isTransientSlackError, rateLimitRetryAfter, slackErrorCode } from './slackError.js';
import { isTransientDatabaseError, retryTransient } from '../db/transient.js';
import type { Option } from './blocks/kit.js';
import type { Act, ActIn } from '../services/act.js';
import type { ClientProfile } from '../domain/types.js';
import { workspaceContext, workspaceContextNaming, type WorkspaceContext } from '../services/workspace.js';
import { clientFromWords } from '../services/clients.js';
import { typedClientName, type NamedClient } from '../db/queries/clients.js';
import type { WorkDeps } from './deps.js';
import { owningTeam, refusalOf, refuse } from './gate.js';
import type { FieldErrors } from './parse/viewState.js';
import { replyEphemeral, sendDm, type Ephemeral } from './reply.js';
import { dmMember, type ForReader } from './recipients.js';
import { readerOf } from './readers.js';
import { ENGLISH, type Reader } from '../i18n/reader.js';
import { md, said, say, type Said } from '../i18n/messages.js';
import { lastLocale, rememberLocale } from './lastLocale.js';
import { errorText } from '../log.js';
import type { Lease, WorkOutcome } from './workers.js';
import { limitConcurrency } from '../limit.js';

/** An unexpected failure, in English (what logs and tests compare with); each person is told it in their words. */
export const UNEXPECTED = say('en', said('errors.unexpected'));

/** Where a turn's request is stored (worked from the inbox): whether its person was answered already, and the lease it is worked under. */
export interface StoredRequest {
  id: number;
  teamId: string;
  answeredAt: Date | null;
  /** The worker holding it, and its claim's attempt: the fence checked before anything is sent to Slack. */
  worker: string | null;
  attempts: number;
  /**
   * What the worker knows of its lease without asking (workers.ts): the fence asks only when unsure. It also keeps
   * whether the person was answered on this try, which the worker records only if the request goes back to the inbox.
   */
  lease?: Pick<Lease, 'surelyHeld' | 'answer'>;
}

/** This worker's lease on the request ran out and another worker took it over: it sends nothing more. */
export class LeaseLost extends Error {
  readonly code = 'lease_lost';
}

export interface TurnFields {
  /** `command /call`, `action digest_snooze`, …: names the entry point in logs. */
  entry: string;
  teamId: string;
  userId: string;
  channelId: string | null;
  responseUrl: string | null;
  triggerId: string | null;
  /** Stable across Slack's retries of this request: what makes every write of it idempotent. */
  requestKey: string;
  /** When the person acted: what the work stamps its writes with, however late a worker takes it. */
  now: Date;
  stored?: StoredRequest;
}

/** A response URL answers for 30 minutes (slack-contract.md); later answers go by DM. */
const RESPONSE_URL_MS = 29 * 60_000;

/** One request, as the work sees it: who acts, in which workspace, where an answer goes. */
export class Turn implements Readonly<TurnFields> {
  private context: Promise<WorkspaceContext> | undefined;
  private readerOnce: Promise<Reader> | undefined;
  readonly entry: string;
  readonly teamId: string;
  readonly userId: string;
  readonly channelId: string | null;
  readonly responseUrl: string | null;
  readonly triggerId: string | null;
  readonly requestKey: string;
  readonly now: Date;
  readonly stored: StoredRequest | undefined;

  constructor(
    readonly deps: WorkDeps,
    readonly web: WebClient,
    fields: TurnFields,
  ) {
    ({
      entry: this.entry,
      teamId: this.teamId,
      userId: this.userId,
      channelId: this.channelId,
      responseUrl: this.responseUrl,
      triggerId: this.triggerId,
      requestKey: this.requestKey,
      now: this.now,
      stored: this.stored,
    } = fields);
  }

  /** The workspace, its catalogue and today's date there, read once per turn. */
  workspace(): Promise<WorkspaceContext> {
    this.context ??= workspaceContext(this.deps.db, { teamId: this.teamId, now: this.now, userId: this.userId });
    // A failed read is not kept: the frame's retry reads again.
    this.context.catch(() => (this.context = undefined));
    return this.context;
  }

  /**
   * The client a command's leading words name (services/clients.ts `clientFromWords`): read with the workspace in
   * one statement when this turn has not read the workspace yet, as a command naming a client needs both.
   */
  async clientFromWords(words: readonly string[], stopAt = words.length): ReturnType<typeof clientFromWords> {
    let named: readonly NamedClient[] | undefined;
    if (!this.context && words.length > 0) {
      const read = workspaceContextNaming(this.deps.db, { teamId: this.teamId, now: this.now, userId: this.userId, words: words.slice(0, stopAt) });
      this.context = read.then((r) => r.context);
      // A failed read is not kept: the frame's retry reads again.
      this.context.catch(() => (this.context = undefined));
      named = (await read).named;
    }
    return clientFromWords(this.deps.db, this.act, words, stopAt, named);
  }

  /**
   * The client a command names with all its remaining words (`/client show Acme Corp`), as `findClientByName`
   * finds it, read with the workspace as `clientFromWords` reads one.
   */
  async clientNamed(name: string): Promise<ClientProfile> {
    return (await this.clientFromWords([typedClientName(name)], 1)).client;
  }

  /** The person who acts, as a reader: their language, calendar, the workspace's zone and currency; read once per turn. */
  reader(): Promise<Reader> {
    this.readerOnce ??= this.workspace().then(async ({ workspace, actor }) => {
      const reader = await readerOf(this.deps, this.web, workspace, this.userId, actor?.userId === this.userId ? actor.settings : undefined);
      rememberLocale(this.teamId, this.userId, reader.locale);
      return reader;
    });
    this.readerOnce.catch(() => (this.readerOnce = undefined));
    return this.readerOnce;
  }

  /** Someone else of the workspace (an owner, an assignee), as a reader. */
  async readerFor(userId: string): Promise<Reader> {
    return userId === this.userId ? this.reader() : readerOf(this.deps, this.web, (await this.workspace()).workspace, userId);
  }

  /** The person changed their language or the workspace's changed: what follows is in the new one. */
  forgetReader(): void {
    this.readerOnce = undefined;
    this.context = undefined;
  }

  /**
   * This turn (a worker's), knowing what `receiver`'s turn of the same request read already (the workspace, the
   * person): a form's work after its ack does not read them again.
   */
  knowing(receiver: Turn): this {
    if (receiver.teamId !== this.teamId || receiver.userId !== this.userId || receiver.requestKey !== this.requestKey) return this;
    this.context ??= receiver.context;
    this.readerOnce ??= receiver.readerOnce;
    return this;
  }

  /** The same turn, answering in a channel the request did not come from (a form opened from a command there). */
  answeringIn(channelId: string | null): Turn {
    const turn = new Turn(this.deps, this.web, { ...this, channelId });
    turn.context = this.context;
    turn.readerOnce = this.readerOnce;
    return turn;
  }

  /** Who does what, when, for which request: what every use case takes. */
  get act(): Act {
    return { teamId: this.teamId, actor: this.userId, at: this.now, requestKey: this.requestKey };
  }

  /** The act, with the workspace's catalogue and time zone. */
  async actIn(): Promise<ActIn> {
    const { workspace, catalogue } = await this.workspace();
    return { ...this.act, catalogue, timeZone: workspace.timeZone };
  }

  /**
   * A private answer to the person who acted: the response URL while it works, else an ephemeral, else a DM.
   * Once per request: a request taken over after its worker died does not answer a second time.
   */
  async reply(message: Ephemeral): Promise<void> {
    if (this.stored?.answeredAt) {
      this.deps.logger.info('not answering again: this request was answered before its worker stopped', { entry: this.entry, request: this.requestKey });
      return;
    }
    await this.fence();
    const late = this.deps.now(this.teamId).getTime() - this.now.getTime() > RESPONSE_URL_MS;
    const target = { client: this.web, userId: this.userId, logger: this.deps.logger };
    await (late ? sendDm(this.web, this.userId, message) : replyEphemeral({ ...target, responseUrl: this.responseUrl, channelId: this.channelId }, message));
    this.deps.metrics.reply.observe(
      { kind: kindOfEntry(this.entry), via: late ? 'dm' : 'reply' },
      (this.deps.now(this.teamId).getTime() - this.now.getTime()) / 1000,
    );
    const { stored } = this;
    if (stored?.lease) stored.lease.answer = stored.lease.answer === 'recorded' ? 'recorded' : 'unrecorded';
    else if (stored) await markAnswered(this.deps.owner, stored);
  }

  /**
   * Before what follows an answer (its pictures), sent outside `reply`: false when the request was answered before
   * its worker stopped, and those went then; else the answer is recorded first, so that a worker taking the request
   * over sends neither again.
   */
  async mayFollowAnswer(): Promise<boolean> {
    if (this.stored?.answeredAt) return false;
    await this.recordAnswer();
    return true;
  }

  private async recordAnswer(): Promise<void> {
    const { stored } = this;
    if (stored?.lease?.answer !== 'unrecorded') return;
    await markAnswered(this.deps.owner, stored);
    stored.lease.answer = 'recorded';
  }

  /** Replaces the message that was clicked (an ephemeral confirmation, a DM): the answer takes its place. */
  replaceOriginal(message: Ephemeral): Promise<void> {
    return this.reply({ ...message, replaceOriginal: true });
  }

  /**
   * A DM to the person who acts (checked by the gate before the turn began), or to someone else only while they
   * are a member here (recipients.ts): false when they were not told.
   */
  async dm(userId: string, message: ForReader): Promise<boolean> {
    await this.fence();
    if (userId !== this.userId) return dmMember(this.deps, this.web, this.teamId, userId, message);
    await sendDm(this.web, userId, typeof message === 'function' ? message(await this.reader()) : message);
    return true;
  }

  /**
   * Before a stored request's work sends anything: this worker must still hold it. One that stalled past its lease
   * (paused, starved) while another worker took the request over and answered stops here, sending nothing twice.
   * The database is asked only when the worker is not sure (workers.ts: well within the lease since it was claimed).
   */
  private async fence(): Promise<void> {
    const { stored } = this;
    if (stored?.worker && !stored.lease?.surelyHeld && !(await holdsLease(this.deps.owner, { request: stored, worker: stored.worker })))
      throw new LeaseLost('Another worker took this request over.');
    // An answer sent before this: recorded now, so that one taking the request over repeats neither.
    await this.recordAnswer();
  }

  /** Re-renders an open form; a newer re-render winning the race (hash_conflict) is no failure. */
  async updateModal(viewId: string, hash: string | undefined, view: ModalView): Promise<void> {
    try {
      await this.web.views.update({ view_id: viewId, ...(hash ? { hash } : {}), view });
    } catch (error) {
      if (slackErrorCode(error) !== 'hash_conflict') throw error;
    }
  }

  async openModal(view: ModalView): Promise<{ id: string; hash: string }> {
    const opened = await this.web.views.open({ trigger_id: this.triggerId ?? '', view });
    return { id: opened.view?.id ?? '', hash: opened.view?.hash ?? '' };
  }
}

/**
 * What a person is told about a failure, in one place, in their words; unexpected errors are logged here, once.
 * When their language cannot be read (the database is away), they are told in the one they were last answered
 * in, else English.
 */
export async function whatToTell(error: unknown, turn: Pick<Turn, 'deps' | 'entry' | 'teamId' | 'userId' | 'requestKey' | 'reader'>): Promise<string> {
  const reader = () => turn.reader().catch(() => ENGLISH);
  if (error instanceof RapportError && error.said) return say(await reader(), error.said);
  if (error instanceof RapportError) return error.message;
  // The settings' own fault is named in English (catalogue.ts), within a sentence in the reader's words.
  if (error instanceof CatalogueError) return say(await reader(), said('errors.settingsUnusable', { detail: md(error.message) }));
  turn.deps.logger.error('unexpected error handling a Slack request', {
    entry: turn.entry,
    team: turn.teamId,
    request: turn.requestKey,
    error: errorText(error, true),
  });
  // With the database away, their settings cannot be read either: the language they were last answered in.
  if (isTransientDatabaseError(error)) return say(lastLocale(turn.teamId, turn.userId) ?? 'en', said('errors.databaseAway'));
  return say(await reader(), said('errors.unexpected'));
}

type Body = Record<string, any>;

function turnFor(deps: SlackDeps, web: WebClient, entry: string, body: Body, requestKey: string, now: Date, stored?: StoredRequest): Turn {
  return new Turn(deps, web, {
    entry,
    teamId: owningTeam(body) ?? '',
    userId: body.user_id ?? body.user?.id ?? body.event?.user ?? '',
    channelId: body.channel_id ?? body.channel?.id ?? body.container?.channel_id ?? null,
    responseUrl: body.response_url ?? body.response_urls?.[0]?.response_url ?? null,
    triggerId: body.trigger_id ?? null,
    requestKey,
    now,
    ...(stored ? { stored } : {}),
  });
}

/** What a stored request's work is, for one entry point: run it, and how a failure or a refusal reaches the person. */
export interface Handler {
  run(turn: Turn, body: Body): Promise<void>;
  tell(turn: Turn, text: string, body: Body): Promise<unknown>;
}

/** Every entry point's work, by entry name: what a worker looks a stored request up in. */
export class Handlers {
  private readonly byEntry = new Map<string, Handler>();

  add(entry: string, handler: Handler): void {
    if (this.byEntry.has(entry)) throw new Error(`${entry} is registered twice`);
    this.byEntry.set(entry, handler);
  }

  get(entry: string): Handler | undefined {
    return this.byEntry.get(entry);
  }
}

/**
 * What every listener is given: what the work is given (deps.ts), and the registry each entry point's work is
 * kept in. Defined here, not in deps.ts, because a handler takes a `Turn`: deps.ts stays a leaf.
 */
export interface SlackDeps extends WorkDeps {
  handlers: Handlers;
}

/**
 * A request that could not be stored is answered with no database to read its person's language from: in the one
 * they were last answered in by this process, else English.
 */
const notSaved = (teamId: string | undefined, userId: string | undefined): string => say(lastLocale(teamId, userId) ?? 'en', said('errors.notSaved'));

/** A delivery already received, sent again (same signature): refused with HTTP 401 by the receiver, before any work. */
export class RequestReplayed extends Error {
  readonly code = 'request_replayed';
}

/** Events cannot be answered in the ack: when storing fails, the receiver answers 500, so Slack delivers it again. */
export class RequestNotSaved extends Error {
  readonly code = 'request_not_saved';
}

/**
 * The receiver's whole job, before the ack: store the verified request in the inbox (one insert) and wake a
 * worker. `retry` (Slack delivering it again) means the first delivery's work and answer stand: nothing more.
 */
async function receive(
  deps: SlackDeps,
  entry: string,
  body: Body,
  requestKey: string,
  context: Record<string, unknown>,
  after?: AfterTheAck,
): Promise<'stored' | 'retry' | 'unsaved'> {
  const { token: _verificationToken, ...payload } = body;
  let received: Awaited<ReturnType<typeof storeRequest>>;
  let tries = 0;
  const teamId = owningTeam(body) ?? '';
  const request = {
    teamId,
    requestKey,
    signature: typeof context.signature === 'string' ? context.signature : null,
    entry,
    body: payload,
    receivedAt: deps.now(owningTeam(body)),
  };
  // A free worker of this process takes it in the same insert: no NOTIFY, no claim, no look.
  const slot = deps.workerSlot?.(teamId);
  let sent = 0;
  try {
    // A lost connection is tried again within the ack's time (Slack waits 3 s), not reported at once.
    received = await retryTransient(
      () => {
        tries++;
        sent = performance.now();
        return storeRequest(deps.owner, { request, origin: deps.workersId, ...(slot ? { claimedBy: slot.claimedBy } : {}) });
      },
      { delays: STORE_RETRY_MS, ...retried(deps) },
    );
  } catch (error) {
    slot?.release();
    deps.logger.error('could not store a Slack request before acknowledging it; its sender is told nothing was saved', {
      entry,
      request: requestKey,
      error: errorText(error),
    });
    deps.metrics.received.inc({ kind: kindOfEntry(entry), outcome: 'unsaved' });
    return 'unsaved';
  }
  if ('stored' in received) {
    deps.metrics.received.inc({ kind: kindOfEntry(entry), outcome: 'stored' });
    if (slot && received.claimed) {
      if (after) afterTheAck.set(received.claimed.body, after);
      slot.take(received.claimed, sent);
    } else deps.wakeWorkers();
    return 'stored';
  }
  const { existing } = received;
  // The same delivery already in: our own earlier try landed before its connection was lost. Claimed for this
  // slot's worker then, it is worked here now (nobody else would before its lease ran out).
  const ours = tries > 1 && received.repeated === 'replay';
  if (ours && slot && existing?.state === 'working' && existing.worker === slot.claimedBy.worker && existing.attempts === 1) slot.take(existing, sent);
  else slot?.release();
  const repeated = ours ? 'retry' : received.repeated;
  deps.metrics.received.inc({ kind: kindOfEntry(entry), outcome: repeated });
  if (repeated === 'replay') throw new RequestReplayed('Request already received.');
  return 'retry';
}

/** What a receiver already did for a request leaves its worker only this (a form's work after its ack). */
type AfterTheAck = (turn: Turn) => Promise<void>;

/**
 * A request handed straight to a worker of this process (by its stored body, the object the worker is given),
 * with what its receiver prepared: the worker does only that. Any other worker (another process, a later try)
 * works the request from the start, finding what the receiver stored.
 */
const afterTheAck = new WeakMap<object, AfterTheAck>();

/** Pauses between tries to store a request before its ack: 1.2 s in all, well within Slack's 3 s. */
const STORE_RETRY_MS = [100, 300, 800];

const ATTEMPTS = 8;
/** Seconds before a request whose database or Slack went away is tried again, by attempt (then the last, until ATTEMPTS). */
const LATER_SECONDS = [2, 5, 15, 30, 60];

/**
 * Works one stored request, in whichever process took it: the turn its receiver would have built (same clock,
 * same request key, so every write is the one the first try made), the membership gate, the work retried on a
 * lost connection, and any failure turned into an answer. `later`: the database or Slack is away, try again;
 * Slack's rate limit is waited out in the inbox (not counted as an attempt), never by holding a worker.
 */
export async function workRequest(deps: SlackDeps, web: WebClient, request: SlackRequest, lease?: Lease): Promise<WorkOutcome> {
  const turn = turnFor(deps, web, request.entry, request.body, request.requestKey, request.receivedAt, { ...request, ...(lease ? { lease } : {}) });
  const handler = deps.handlers.get(request.entry);
  if (!handler) {
    deps.logger.error('a stored request names no entry point this version has; dropped', { entry: request.entry, request: request.requestKey });
    return { outcome: 'failed' };
  }
  const answer = (text: string) =>
    handler.tell(turn, text, request.body).catch((error: unknown) =>
      deps.logger.error('could not tell someone about their request', {
        entry: request.entry,
        team: request.teamId,
        request: request.requestKey,
        error: errorText(error),
      }),
    );
  if (request.attempts > ATTEMPTS) {
    deps.logger.error('giving up on a request after repeated attempts', { entry: request.entry, request: request.requestKey, attempts: request.attempts });
    await answer(say(await turn.reader().catch(() => ENGLISH), said('errors.gaveUp')));
    return { outcome: 'failed' };
  }
  try {
    await retryTransient(async () => {
      const refusal = await refusalOf(deps, web, request.body);
      await (refusal === undefined ? handler.run(turn, request.body) : refuse(turn, request.body, refusal, answer));
    }, retried(deps));
    return { outcome: 'done' };
  } catch (error) {
    if (error instanceof LeaseLost) {
      deps.logger.warn('stopped working a request another worker took over; it answers', { entry: request.entry, request: request.requestKey });
      return { outcome: 'lost' };
    }
    const waitFor = rateLimitRetryAfter(error);
    if (waitFor !== undefined) {
      deps.logger.warn('Slack rate-limited a request; it waits in the inbox for Slack’s Retry-After', {
        entry: request.entry,
        request: request.requestKey,
        seconds: waitFor,
      });
      return { later: waitFor, counted: false };
    }
    const away = isTransientDatabaseError(error) ? 'database' : isTransientSlackError(error) ? 'Slack' : undefined;
    if (away && request.attempts < ATTEMPTS) {
      deps.logger.warn(`${away === 'database' ? 'the database' : 'Slack'} did not answer while working a request; it will be tried again`, {
        entry: request.entry,
        request: request.requestKey,
        error: errorText(error),
      });
      return { later: LATER_SECONDS[Math.min(request.attempts, LATER_SECONDS.length) - 1]! };
    }
    await answer(await whatToTell(error, turn));
    return { outcome: 'done' };
  }
}

const retried = (deps: WorkDeps) => ({ onRetry: () => deps.metrics.databaseRetries.inc() });

/** Runs the work the receiver must do itself (a form's field errors), retried on a lost connection. */
async function workInReceiver(turn: Turn, run: () => Promise<void>, tell: (text: string) => Promise<unknown>): Promise<void> {
  try {
    await retryTransient(run, retried(turn.deps));
  } catch (error) {
    await tell(await whatToTell(error, turn)).catch((tellError: unknown) =>
      turn.deps.logger.error('could not tell someone their request failed', {
        entry: turn.entry,
        team: turn.teamId,
        request: turn.requestKey,
        error: errorText(tellError),
      }),
    );
  }
}

/** NFC, without the direction marks a right-to-left keyboard adds around Latin runs (`‏+ارتباط`), trimmed. */
const commandText = (body: Body) =>
  String(body.text ?? '')
    .normalize('NFC')
    .replace(/[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '')
    .trim();

export interface CommandDeclaration {
  run: (turn: Turn, text: string) => Promise<void>;
}

export function onCommand(app: App, deps: SlackDeps, name: string, declaration: CommandDeclaration): void {
  const entry = `command ${name}`;
  deps.handlers.add(entry, { run: (turn, body) => declaration.run(turn, commandText(body)), tell: (turn, text) => turn.reply({ text }) });
  app.command(name, async ({ command, ack, context }) => {
    const received = await receive(deps, entry, command, `cmd:${(command as SlashCommand).trigger_id}`, context);
    await ack(received === 'unsaved' ? { response_type: 'ephemeral', text: notSaved(command.team_id, command.user_id) } : undefined);
  });
}

/** Stores the request, acks, and when it could not be stored says so the way `handler` answers. */
async function receiveAndAck(
  deps: SlackDeps,
  entry: string,
  body: Body,
  requestKey: string,
  args: { ack: () => Promise<void>; client: WebClient; context: Record<string, unknown> },
): Promise<void> {
  const received = await receive(deps, entry, body, requestKey, args.context);
  await args.ack();
  if (received === 'unsaved') {
    const turn = turnFor(deps, args.client, entry, body, requestKey, deps.now(owningTeam(body)));
    await deps.handlers.get(entry)?.tell(turn, notSaved(turn.teamId, turn.userId), body);
  }
}

/** A click inside a form has no response URL: its answers go by DM. */
const replyOrDm = (turn: Turn, text: string) => (turn.responseUrl || turn.channelId ? turn.reply({ text }) : turn.dm(turn.userId, { text }));

export function onAction<A extends BlockElementAction = BlockElementAction>(
  app: App,
  deps: SlackDeps,
  actionId: string,
  run: (turn: Turn, action: A, body: BlockAction<A>) => Promise<void>,
): void {
  const entry = `action ${actionId}`;
  deps.handlers.add(entry, {
    run: (turn, body) => run(turn, (body as BlockAction<A>).actions[0]!, body as BlockAction<A>),
    tell: replyOrDm,
  });
  app.action<BlockAction<A>>(actionId, async ({ ack, body, action, client, context }) => {
    const key = `act:${body.trigger_id ?? `${body.user.id}:${(action as { action_ts?: string }).action_ts ?? ''}`}`;
    await receiveAndAck(deps, entry, body as unknown as Body, key, { ack, client, context });
  });
}

export function onShortcut(app: App, deps: SlackDeps, callbackId: string, run: (turn: Turn, shortcut: SlackShortcut) => Promise<void>): void {
  const entry = `shortcut ${callbackId}`;
  deps.handlers.add(entry, { run: (turn, body) => run(turn, body as SlackShortcut), tell: (turn, text) => turn.dm(turn.userId, { text }) });
  app.shortcut(callbackId, async ({ ack, body, client, context }) => {
    await receiveAndAck(deps, entry, body as unknown as Body, `sc:${body.trigger_id}`, { ack, client, context });
  });
}

export function onEvent<E extends Body>(app: App, deps: SlackDeps, type: string, run: (turn: Turn, event: E) => Promise<void>): void {
  const entry = `event ${type}`;
  deps.handlers.add(entry, {
    run: (turn, body) => run(turn, body.event as E),
    // Events have no one to answer but the person who caused them, if any.
    tell: (turn, text) => (turn.userId ? turn.dm(turn.userId, { text }) : Promise.resolve()),
  });
  app.event(type, async ({ event, body, context }) => {
    const key = `evt:${(body as Body).event_id ?? `${type}:${(event as Body).event_ts ?? ''}`}`;
    if ((await receive(deps, entry, body as unknown as Body, key, context)) === 'unsaved') throw new RequestNotSaved('The event could not be stored.');
  });
}

/** A form's outcome: errors shown on its fields (nothing stored), or done, with work to do after the ack. */
/** `after`: what follows the ack (confirmations, DMs), done by the turn given: the worker's, or the receiver's own. */
export type ViewOutcome = { errors: FieldErrors } | { done: true; after?: (turn: Turn) => Promise<void> };

export interface ViewDeclaration {
  /**
   * The field a refusal belongs on (a RapportError's `detail.field`, e.g. `traits` → the trait checkboxes). A
   * confirmation has none: it closes, and its worker answers the failure as any request's.
   */
  fieldOf?: (field: string | undefined) => string;
  /** The channel the form was opened from, where its answers go (else where a form's answers go: the person's DM). */
  channelOf?: (view: ViewOutput) => string | null;
  /** A failure's answer, around what went wrong (`{error} Nothing was deleted.`). */
  failed?: (told: string) => Said;
  /** Validates and stores, before the ack; keyed by the view id, so running it again finds what it stored. */
  submit: (turn: Turn, view: ViewOutput) => Promise<ViewOutcome>;
}

/**
 * A form is stored before its ack (a refusal must land on its field), then its work after (confirmations, DMs)
 * goes to the inbox like any request: a worker runs the submission again, which finds what it stored, and
 * does what follows.
 */
export function onView(app: App, deps: SlackDeps, callbackId: string, declaration: ViewDeclaration): void {
  const entry = `view ${callbackId}`;
  const answering = (turn: Turn, view: ViewOutput) => (declaration.channelOf ? turn.answeringIn(declaration.channelOf(view)) : turn);
  const tell = async (turn: Turn, text: string, body: Body) => {
    const told = declaration.failed ? say(await turn.reader().catch(() => ENGLISH), declaration.failed(text)) : text;
    return answering(turn, body.view as ViewOutput).reply({ text: told });
  };
  deps.handlers.add(entry, {
    run: async (turn, body) => {
      const answered = answering(turn, body.view as ViewOutput);
      const prepared = afterTheAck.get(body);
      if (prepared) return prepared(answered);
      const outcome = await declaration.submit(answered, body.view as ViewOutput);
      if ('errors' in outcome) throw new Error(`a stored submission was refused on its second run: ${JSON.stringify(outcome.errors)}`);
      await outcome.after?.(answered);
    },
    tell,
  });
  app.view(callbackId, async ({ ack, body, view, client, context }) => {
    const turn = answering(turnFor(deps, client, entry, body as unknown as Body, `view:${view.id}`, deps.now(owningTeam(body))), view);
    let outcome: ViewOutcome;
    try {
      outcome = await retryTransient(() => declaration.submit(turn, view), retried(deps));
    } catch (error) {
      if (declaration.fieldOf) {
        const field = declaration.fieldOf(error instanceof RapportError ? error.detail.field : undefined);
        await ackErrors(ack, { [field]: await whatToTell(error, turn) });
      } else {
        // No field to show it on: the form closes, and the worker that runs it again answers what went wrong.
        await receiveAndAck(deps, entry, body as unknown as Body, turn.requestKey, { ack, client, context });
      }
      return;
    }
    if ('errors' in outcome) {
      await ackErrors(ack, outcome.errors);
      return;
    }
    const { after } = outcome;
    // Handed to a worker of this process, the submission is not run again: the worker does what follows, knowing
    // what this turn read.
    const received = after ? await receive(deps, entry, body as unknown as Body, turn.requestKey, context, (worker) => after(worker.knowing(turn))) : 'retry';
    await ack();
    // Stored, but its work after could not be queued: done here, at least while this process lives.
    if (received === 'unsaved' && after)
      await workInReceiver(
        turn,
        () => after(turn),
        (text) => tell(turn, text, body as unknown as Body),
      );
  });
}

async function ackErrors(ack: AckFn<ViewResponseAction> | AckFn<void>, errors: FieldErrors): Promise<void> {
  await (ack as AckFn<ViewResponseAction>)({ response_action: 'errors', errors });
}

/** Type-ahead loads worked at once by a process: a flood of them leaves the database and the CPU to other requests' acks. */
const OPTIONS_AT_ONCE = 4;
/** A load not started this long after its request arrived answers with no options: Slack gives up at 3 s. */
const OPTIONS_START_BY_MS = 1_500;

/**
 * Type-ahead: the options load answers in its ack, within Slack's 3 s, or with none (logged) rather than an
 * error. The membership check and the load run together, a few at a time: under a flood the late ones answer
 * with no options at once instead of making everyone, and every other request's ack, wait.
 */
export function onOptions(app: App, deps: SlackDeps, actionId: string, load: (turn: Turn, typed: string) => Promise<Option[]>): void {
  const loads = limitConcurrency(OPTIONS_AT_ONCE);
  app.options(actionId, async ({ ack, body, options, client }) => {
    const arrived = performance.now();
    const turn = turnFor(deps, client, `options ${actionId}`, body as unknown as Body, `opt:${(body as Body).user?.id ?? ''}`, deps.now(owningTeam(body)));
    try {
      const found = await loads(async () => {
        if (performance.now() - arrived > OPTIONS_START_BY_MS) {
          deps.logger.warn('type-ahead answered with no options: too many at once', { entry: turn.entry });
          return [];
        }
        return (await refusalOf(deps, client, body as unknown as Body)) === undefined ? load(turn, String(options.value ?? '')) : [];
      });
      await ack({ options: found });
    } catch (error) {
      await whatToTell(error, turn);
      await ack({ options: [] });
    }
  });
}
