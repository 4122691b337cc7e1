/**
 * `npm run worker`: a process that only works stored Slack requests (no HTTP, no digest schedule), beside the
 * receiving process(es), on the same Postgres. Run as many as the load needs, on any machine reaching it.
 */
import { ConfigError, loadConfig, postgresRoutes } from './config/env.js';
import { DatabaseSetupError, openDatabase } from './db/client.js';
import { completeDataMigrations } from './db/startup.js';
import { createLogger } from './log.js';
import { createRapport } from './rapport.js';
import { stopOnSignals } from './stopping.js';

async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.databaseUrl) {
    throw new ConfigError('A separate worker needs DATABASE_URL (Postgres): the embedded database serves one process, whose own workers do the work.');
  }
  if (!config.slack) throw new ConfigError('A worker answers in Slack: set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN as for the receiver.');
  if (config.workers.concurrency === 0) throw new ConfigError('WORKERS=0 leaves a worker process nothing to do: unset it, or set 1 or more.');
  const logger = createLogger({ level: config.logLevel, format: config.logFormat });
  const database = await openDatabase({ databaseUrl: config.databaseUrl, appPassword: config.databaseAppPassword, ...postgresRoutes(config), logger });
  await completeDataMigrations(database, logger);
  const slack = createRapport({ slack: config.slack, database, logger, workers: config.workers });
  await slack.startWorkers();
  const ops = config.metricsPort !== undefined ? await slack.serveOps(config.metricsPort) : undefined;
  logger.info('Rapport worker is ready', {
    worker: slack.workers.id,
    concurrency: config.workers.concurrency,
    ...(ops ? { health: `http://localhost:${ops.port}/healthz`, metrics: `http://localhost:${ops.port}/metrics` } : {}),
  });

  stopOnSignals(logger, 'worker shutting down: finishing the requests it took', async () => {
    await slack.stop();
    await ops?.close();
    await database.close();
  });
}

main().catch((error: unknown) => {
  process.stderr.write(
    error instanceof ConfigError || error instanceof DatabaseSetupError
      ? `${error.message}\n`
      : `Rapport worker failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
