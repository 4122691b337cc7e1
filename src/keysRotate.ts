/**
 * `npm run keys:rotate` (`node dist/keysRotate.js`): encrypts every stored bot token again under the newest key
 * of TOKEN_ENCRYPTION_KEYS, so the older keys can then be removed (README, "Rotating the keys"). Run
 * with the app's environment. On Postgres it may run beside the app (a row changed meanwhile is left to the
 * app); the embedded database must be stopped first.
 */
import { ConfigError, loadConfig, postgresRoutes } from './config/env.js';
import { DatabaseLockedError, openDatabase } from './db/client.js';
import { reencryptInstallations } from './db/queries/installations.js';
import { createLogger } from './log.js';

async function rotate(): Promise<number> {
  const config = loadConfig();
  const keys = config.slack?.oauth?.tokenKeys;
  if (!keys)
    throw new ConfigError(
      'keys:rotate re-encrypts the tokens of "Add to Slack" installations: run it with the app’s OAuth settings (SLACK_CLIENT_ID and the rest, and TOKEN_ENCRYPTION_KEYS).',
    );
  const logger = createLogger({ level: config.logLevel, format: config.logFormat });
  const database = config.databaseUrl
    ? await openDatabase({ databaseUrl: config.databaseUrl, ...postgresRoutes(config), logger })
    : await openDatabase({ dataDir: config.dataDir, logger });
  try {
    const done = await reencryptInstallations(database.owner, keys);
    process.stdout.write(`Re-encrypted ${done.reencrypted} of ${done.stored} installations under the key "${keys[0].id}".\n`);
    if (done.undecryptable.length === 0) {
      process.stdout.write('Every installation is now encrypted with that key: the other keys can be removed.\n');
      return 0;
    }
    process.stdout.write(
      `Could not decrypt ${done.undecryptable.length} of them with the configured keys, left as they were: workspaces ${done.undecryptable.join(', ')}. Add the key they were encrypted with and run this again, or have those workspaces install Rapport again.\n`,
    );
    return 1;
  } finally {
    await database.close();
  }
}

rotate().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const known = error instanceof ConfigError || error instanceof DatabaseLockedError;
    process.stderr.write(`${known ? (error as Error).message : String(error)}\n`);
    if (error instanceof DatabaseLockedError) process.stderr.write('Stop Rapport first: the embedded database takes one process at a time.\n');
    process.exit(1);
  },
);
