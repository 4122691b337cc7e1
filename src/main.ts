/** Composition root: environment → logger → database → Rapport (Slack app and digest) → digest scheduler. Only this file reads the process. */
import { ConfigError, loadConfig, postgresRoutes } from './config/env.js';
import { DatabaseSetupError, openDatabase } from './db/client.js';
import { completeDataMigrations } from './db/startup.js';
import { createLogger } from './log.js';
import type { Rapport } from './rapport.js';
import type { DigestScheduler } from './digest/schedule.js';
import { stopOnSignals } from './stopping.js';

/**
 * The rest of the app's code, loaded while the database opens: Postgres is waited for over the network, and
 * PGlite reads its files and compiles its WASM on other threads.
 */
const loadApp = () =>
  Promise.all([import('./rapport.js'), import('./digest/schedule.js'), import('./services/lifecycle.js'), import('./services/retention.js')]).then(
    ([{ createRapport }, { startDigestScheduler }, { purgeUninstalledWorkspaces }, { pruneByRetention }]) => ({
      createRapport,
      startDigestScheduler,
      purgeUninstalledWorkspaces,
      pruneByRetention,
    }),
  );

/** How long after the app is ready the scheduler's first round starts. */
const FIRST_ROUND_AFTER_MS = 5_000;

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({ level: config.logLevel, format: config.logFormat });
  const started = Date.now();
  const opening = (
    config.databaseUrl
      ? openDatabase({ databaseUrl: config.databaseUrl, appPassword: config.databaseAppPassword, ...postgresRoutes(config), logger })
      : openDatabase({ dataDir: config.dataDir, logger })
  ).then(async (database) => {
    await completeDataMigrations(database, logger);
    logger.info('database ready', {
      database: database.driver === 'postgres' ? 'postgres (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}`,
      startupMs: Date.now() - started,
    });
    return database;
  });
  const [database, { createRapport, startDigestScheduler, purgeUninstalledWorkspaces, pruneByRetention }] = await Promise.all([opening, loadApp()]);

  // Besides the digest, each minute: reminders of next steps due that morning, personal digests, clients
  // nobody answered for two digests named to admins, and workspaces Rapport was uninstalled from lose their
  // data once the grace period is over; rows past their retention rule go.
  const sending = (job: { tick(): Promise<unknown[]> }, said: string) => async () => {
    const sent = await job.tick();
    if (sent.length > 0) logger.info(said, { sent: sent.length });
  };
  const jobsOf = (app: Rapport) => ({
    'next step reminders': sending(app.reminders, 'next step reminders sent'),
    'personal digests': sending(app.personalDigests, 'personal digests sent'),
    escalations: sending(app.escalations, 'unanswered clients named to admins'),
    'decision outcome reviews': sending(app.outcomeReviews, 'decision outcome reviews asked'),
    'purging uninstalled workspaces': () => purgeUninstalledWorkspaces(database.owner, new Date(), config.uninstallGraceDays, logger),
    // What grows with traffic, kept as long as its rule says (db/retention.ts; README, "Growth, bounded").
    'pruning rows past their retention': () => pruneByRetention(database.owner, new Date(), logger),
  });
  let slack: Rapport | undefined;
  let scheduler: DigestScheduler | undefined;
  // The scheduler's first round catches up what fell due while the app was down (digests, reminders, purges); it
  // works to the minute, so it starts a few seconds after the app is ready: a restarted process answers its health
  // check and the requests that waited for it first (measured on the embedded database: the round's statements
  // held its one connection for ~150 ms of a restart).
  let startingJobs: NodeJS.Timeout | undefined;
  const startJobs = (app: Rapport) => {
    startingJobs = setTimeout(() => (scheduler = startDigestScheduler(app.digest, logger, jobsOf(app))), FIRST_ROUND_AFTER_MS);
  };
  let stopLocal: (() => Promise<void>) | undefined;
  let stopOps: (() => Promise<void>) | undefined;
  if (config.slack) {
    slack = createRapport({ slack: config.slack, database, logger, workers: config.workers });
    const port = await slack.start(config.port);
    // The HTTP receiver serves /metrics itself; Socket Mode has no HTTP server unless given a port for it.
    if (config.metricsPort !== undefined) stopOps = (await slack.serveOps(config.metricsPort)).close;
    startJobs(slack);
    logger.info('Rapport is ready', {
      ...(config.slack.appToken
        ? { receiver: 'socket mode' }
        : { receiver: `http://localhost:${port}/slack/events`, health: `http://localhost:${port}/healthz`, metrics: `http://localhost:${port}/metrics` }),
      workers: config.workers.concurrency || 'none here (npm run worker does the work)',
    });
  } else {
    // Only a machine without Slack credentials loads the local workspace.
    const { startLocalWorkspace } = await import('./local/startLocal.js');
    const local = await startLocalWorkspace(database, logger, config.port);
    slack = local.slack;
    startJobs(slack);
    stopLocal = local.stop;
    logger.info(`Rapport is ready: open ${local.url} (local workspace; set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN to connect Slack)`, {
      health: local.health,
      metrics: local.health.replace(/healthz$/, 'metrics'),
    });
  }

  stopOnSignals(logger, 'shutting down: finishing requests in flight', async () => {
    clearTimeout(startingJobs);
    await scheduler?.stop();
    await (stopLocal ? stopLocal() : slack?.stop());
    await stopOps?.();
    await database.close();
  });
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DatabaseSetupError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`Rapport failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
