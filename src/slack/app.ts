/**
 * The Bolt app: HTTP receiver at /slack/events (with /healthz and replay protection), or Socket Mode when an
 * app token is configured, and this process's request workers. Listeners are registered with their
 * dependencies passed in; the receiver stores each request and acks, the workers do the work (frame.ts).
 */
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, ExpressReceiver, HTTPModuleFunctions, SocketModeReceiver, type Receiver } from '@slack/bolt';
import express from 'express';
import { DEFAULT_WORKERS, type SlackConfig } from '../config/env.js';
import type { DatabaseHandle } from '../db/client.js';
import { inWorkspace } from '../db/workspaceScope.js';
import { queueState, type QueueState } from '../db/queries/requests.js';
import { withLogContext, type Logger, errorText } from '../log.js';
import { kindOfEntry, type Metrics } from '../metrics.js';
import type { DigestOnDemand } from './deps.js';
import { owningTeam, registerMembershipGate, type Body } from './gate.js';
import { registerListeners } from './listeners/index.js';
import { freshRequestsOnly } from './replayGuard.js';
import { AcknowledgingReceiver } from './acknowledgingReceiver.js';
import { BODY_LIMIT_BYTES, RECEIVER_SERVER_OPTIONS, signedBodiesOnly } from './boundedInput.js';
import { Handlers, RequestNotSaved, RequestReplayed, workRequest, type SlackDeps } from './frame.js';
import { DRAIN_MS, newWorkersId, RequestWorkers, workersPerWorkspace } from './workers.js';
import { BOT_SCOPES, installCallbackOptions } from './installations.js';
import { NotInstalled, webClientOptions, type SlackWeb } from './web.js';
import { WebClient } from '@slack/web-api';
import { TokenKeyError } from '../db/queries/installations.js';

/** Entry points whose work needs nothing from Slack: Rapport was removed from the workspace. */
const WORKED_WITHOUT_SLACK = new Set(['event app_uninstalled', 'event tokens_revoked']);

export interface SlackAppOptions {
  slack: SlackConfig;
  /**
   * `db` for each workspace's work; `owner` for the request inbox and installations, which span workspaces;
   * `listen` lets workers hear of requests other processes stored (without it they hear of their own, and poll).
   */
  database: Pick<DatabaseHandle, 'db' | 'owner'> & Partial<Pick<DatabaseHandle, 'listen' | 'reader'>>;
  logger: Logger;
  now?: () => Date;
  /** This process's request workers (default: DEFAULT_WORKERS). */
  workers?: { concurrency?: number; leaseSeconds?: number };
  /** Where this app counts (default: a registry of its own, with the process metrics). */
  metrics?: Metrics;
}

/** What the composition root builds the app from: the options with their defaults settled, Slack's Web API side and the digest. */
export interface SlackAppParts extends SlackAppOptions {
  now: () => Date;
  metrics: Metrics;
  web: SlackWeb;
  digest: DigestOnDemand;
}

export interface SlackApp {
  app: App;
  /** This process's request workers. */
  workers: RequestWorkers;
  /** Whether Rapport has an installation (a bot token) in the workspace. */
  isInstalled(teamId: string): Promise<boolean>;
  metrics: Metrics;
  /**
   * Serves `/healthz` and `/metrics` on a port of their own (Socket Mode and worker processes, which have no
   * HTTP receiver); returns the port and how to stop it.
   */
  serveOps(port: number, host?: string): Promise<{ port: number; close(): Promise<void> }>;
  /** Starts receiving and the workers; returns the HTTP port (0 with Socket Mode). */
  start(port: number, host?: string): Promise<number>;
  /** Starts the workers alone: a worker process receives nothing (`npm run worker`). */
  startWorkers(): Promise<void>;
  /** Stops receiving, then the workers work what is due for the rest of a few seconds and hand back what is unfinished. */
  stop(): Promise<void>;
}

export function createSlackApp(parts: SlackAppParts): SlackApp {
  const { slack, logger, now, metrics, digest } = parts;
  const { db, owner, listen, reader = db } = parts.database;
  const { installations, requestWebFor, people, boltLogger: boltLog } = parts.web;
  const standIn = slack.apiUrl ? new URL(slack.apiUrl).origin : undefined;
  const isResponseUrl = (url: string) => url.startsWith('https://hooks.slack.com/') || (standIn !== undefined && url.startsWith(`${standIn}/`));
  const handlers = new Handlers();
  const concurrency = parts.workers?.concurrency ?? DEFAULT_WORKERS.concurrency;
  const workersId = newWorkersId();
  let workers: RequestWorkers | undefined;
  const deps: SlackDeps = {
    db,
    reader,
    owner,
    logger,
    now,
    people,
    digest,
    isResponseUrl,
    handlers,
    wakeWorkers: () => workers?.wake(),
    workerSlot: (teamId) => workers?.slotFor(teamId),
    workersId,
    metrics,
    installations,
  };
  workers = new RequestWorkers({
    id: workersId,
    db: owner,
    logger,
    ...(listen ? { listen } : {}),
    concurrency,
    leaseSeconds: parts.workers?.leaseSeconds ?? DEFAULT_WORKERS.leaseSeconds,
    // Workspaces take turns where many share the process; one workspace alone (its token in the environment) has all.
    perWorkspace: slack.oauth ? workersPerWorkspace(concurrency) : undefined,
    // Every line logged while a request is worked names it, Bolt's and the Web API client's too; every
    // statement it runs sees its workspace's rows only, and commits without waiting for the disk (the request,
    // stored durably, is worked again if a crash loses what it wrote: workspaceScope.ts).
    work: (request, lease) =>
      withLogContext({ request: request.requestKey }, () =>
        inWorkspace(
          request.teamId,
          async () => {
            const started = performance.now();
            const web = await requestWebFor(request.teamId).catch((error: unknown) => {
              if (!(error instanceof NotInstalled || error instanceof TokenKeyError)) throw error;
              // Rapport removed from the workspace needs no token to forget it, even one that cannot be decrypted.
              if (WORKED_WITHOUT_SLACK.has(request.entry)) return new WebClient(undefined, webClientOptions('request', boltLog, slack.apiUrl));
              logger.warn(
                error instanceof NotInstalled
                  ? 'a request from a workspace Rapport is not installed in: dropped'
                  : 'a request from a workspace whose installation cannot be decrypted with the configured keys: dropped',
                { team: request.teamId, entry: request.entry },
              );
              return undefined;
            });
            const result = web ? await workRequest(deps, web, request, lease) : { outcome: 'failed' as const };
            const outcome = 'later' in result ? 'later' : result.outcome;
            metrics.worked.inc({ kind: kindOfEntry(request.entry), outcome });
            logger.info('request worked', {
              entry: request.entry,
              team: request.teamId,
              outcome,
              attempt: request.attempts,
              ms: Math.round(performance.now() - started),
            });
            return result;
          },
          { replayable: true },
        ),
      ),
  });
  metrics.observeQueue({ queue: () => queueState(owner), busy: () => workers.busy, capacity: concurrency });

  /** /healthz and /metrics, on the receiver's HTTP app or on a server of their own. */
  const ops = express.Router();
  ops.get('/healthz', async (_req, res) => {
    let queue: QueueState;
    try {
      queue = await queueState(owner);
    } catch {
      res.status(503).json({ ok: false, error: 'database unavailable' });
      return;
    }
    // A changed or missing key leaves every affected workspace unanswered: unhealthy, not silently dropping.
    const keys = await installations.health().catch(() => ({ ok: false as const, error: 'installations could not be read' }));
    if (!keys.ok) {
      res.status(503).json({ ok: false, error: keys.error, queue });
      return;
    }
    res.json({ ok: true, queue, workers: { id: workers.id, concurrency, busy: workers.busy } });
  });
  ops.get('/metrics', async (_req, res) => {
    const { contentType, body } = await metrics.expose();
    res.type(contentType).send(body);
  });

  let receiver: Receiver;
  let receiving = false;
  if (slack.appToken) {
    receiver = new SocketModeReceiver({
      appToken: slack.appToken,
      logger: boltLog,
      // apps.connections.open goes to the same Web API as everything else (the local stand-in, in tests).
      ...(slack.apiUrl ? { installerOptions: { clientOptions: { slackApiUrl: slack.apiUrl } } } : {}),
    });
  } else {
    const http = express();
    http.use(ops);
    const { installer } = installations;
    if (installer) {
      // "Add to Slack": a page with a signed state, then Slack's redirect back with the code (@slack/oauth).
      http.get('/slack/install', (req, res) => void installer.handleInstallPath(req, res, {}, { scopes: BOT_SCOPES }));
      const callbackOptions = installCallbackOptions(standIn, '/slack/install');
      http.get('/slack/oauth_redirect', (req, res) => void installer.handleCallback(req, res, callbackOptions));
    }
    http.use('/slack/events', (_req, res, next) => {
      const stop = metrics.ack.startTimer();
      res.once('finish', () => stop({ status: String(res.statusCode) }));
      next();
    });
    // The headers first, then the body under its bounds, signed (boundedInput.ts), before Bolt verifies it again.
    http.post('/slack/events', freshRequestsOnly(), signedBodiesOnly({ signingSecret: slack.signingSecret, logger }));
    receiver = new AcknowledgingReceiver(
      {
        signingSecret: slack.signingSecret,
        // signedBodiesOnly (above) verified the signature over the body as it was read, and freshRequestsOnly its
        // timestamp: only signed, fresh requests reach Bolt, which would hash each body a second time.
        signatureVerification: false,
        app: http,
        logger: boltLog,
        // The HTTP 200 leaves only once the listener has stored the request: an ack always means "stored".
        // Listeners do nothing slow before it (the work is the workers').
        processBeforeResponse: true,
        // Bolt takes the body signedBodiesOnly read (req.rawBody); the same limit, should it ever read one itself.
        bodyLimit: BODY_LIMIT_BYTES,
        customPropertiesExtractor: (req) => ({ signature: req.headers['x-slack-signature'] }),
        processEventErrorHandler: async (args) => {
          const { error, request, response } = args;
          if (!response.headersSent && error instanceof RequestReplayed) {
            // Slack's own retry bearing the first delivery's signature (replayGuard.ts): acknowledged, nothing done again.
            if (request.headers['x-slack-retry-num'] !== undefined) response.writeHead(200).end();
            else response.writeHead(401).end(error.message);
            return true;
          }
          if (!response.headersSent && error instanceof RequestNotSaved) {
            // Slack delivers an event again when it is not answered 2xx.
            response.writeHead(503).end(error.message);
            return false;
          }
          return HTTPModuleFunctions.defaultProcessEventErrorHandler(args);
        },
      },
      // Whatever no listener answered (a closed form, an older message's button, Slack's rate-limit notice) is acked.
      { logger, isResponseUrl },
    );
  }

  const app = new App({
    receiver,
    logger: boltLog,
    // Each workspace's own installation (OAuth), or the one token from the environment. Giving `authorize`
    // instead of `token` also keeps Bolt from calling auth.test at construction (stack-notes: an unreachable
    // Slack would crash the process). A workspace without an installation is refused, stored nothing.
    authorize: async ({ teamId, enterpriseId, isEnterpriseInstall }) => {
      const id = (isEnterpriseInstall ? enterpriseId : teamId) ?? enterpriseId ?? '';
      const credentials = await installations.credentialsFor(id);
      if (!credentials) {
        logger.warn('refused a request from a workspace Rapport is not installed in', { team: id });
        throw new NotInstalled(id);
      }
      return credentials;
    },
    // Bolt's own clients speak before the ack (a refusal, a form's check): one try, within Slack's 3 s.
    clientOptions: webClientOptions('receiver', boltLog, slack.apiUrl),
    // No listener keeps state per conversation (the inbox and the database hold it): without this, Bolt's default
    // in-memory store looks every request up before the ack, and makes an Error (its stack taken) on each miss.
    convoStore: false,
  });

  const inFlight = new Set<Promise<unknown>>();
  app.use(async ({ body, next }) => {
    // What a listener does before its ack (checking a form, say) sees the request's workspace only, as its worker will.
    const work = inWorkspace(owningTeam(body as Body) ?? '', next);
    inFlight.add(work);
    try {
      await work;
    } finally {
      inFlight.delete(work);
    }
  });
  registerMembershipGate(app, deps);
  registerListeners(app, deps);
  app.error(async (error) => {
    // The receiver answers these itself (a replay: 401; an event it could not store: 503, so Slack retries).
    const original = (error as { original?: unknown }).original ?? error;
    if (original instanceof RequestReplayed || original instanceof RequestNotSaved) throw original;
    logger.error('unhandled error in a Slack listener', { error: errorText(error) });
  });

  return {
    app,
    workers,
    metrics,
    isInstalled: async (teamId) => (await installations.credentialsFor(teamId)) !== undefined,
    async serveOps(port, host = '0.0.0.0') {
      const server = express().use(ops).listen(port, host);
      await once(server, 'listening');
      return {
        port: (server.address() as AddressInfo).port,
        close: () => new Promise<void>((resolve) => server.close(() => resolve())),
      };
    },
    async start(port, host = '0.0.0.0') {
      await workers.start();
      receiving = true;
      if (slack.appToken) {
        await app.start();
        return 0;
      }
      const server = (await (receiver as ExpressReceiver).start({ port, host }, RECEIVER_SERVER_OPTIONS)) as Server;
      return (server.address() as AddressInfo).port;
    },
    startWorkers: () => workers.start(),
    async stop() {
      // One drain for both, so that a stop ends within its 10 s whatever Slack does: what the receiver
      // acknowledged is worked while time is left, and what is unfinished then is handed back.
      const deadline = Date.now() + DRAIN_MS;
      if (receiving) await app.stop();
      await Promise.allSettled([...inFlight]);
      await workers.stop(Math.max(0, deadline - Date.now()));
    },
  };
}
