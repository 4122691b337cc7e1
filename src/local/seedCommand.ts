/**
 * `npm run demo:seed [-- tr|fa|fi|en]`: loads the demo portfolio into the local workspace's database (the app
 * must be stopped), in that language's words (English unless told): a Turkish, Persian or Finnish demo also
 * makes the workspace speak that language, in its country's currency.
 */
import { ConfigError, loadConfig, postgresRoutes } from '../config/env.js';
import { DatabaseLockedError, openDatabase } from '../db/client.js';
import { completeDataMigrations } from '../db/startup.js';
import { RapportError } from '../domain/errors.js';
import { LOCALES, type Locale } from '../i18n/locales.js';
import { tPlain } from '../i18n/messages.js';
import { createLogger } from '../log.js';
import { seedDemoPortfolio } from './demoSeed.js';
import { demoLanguage } from './demoTexts.js';
import { demoPeople, LOCAL_TEAMS } from './workspace.js';

async function seed(locale: Locale): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({ level: config.logLevel, format: config.logFormat });
  const database = config.databaseUrl
    ? await openDatabase({ databaseUrl: config.databaseUrl, appPassword: config.databaseAppPassword, ...postgresRoutes(config), logger })
    : await openDatabase({ dataDir: config.dataDir, logger });
  try {
    await completeDataMigrations(database, logger);
    const team = LOCAL_TEAMS[0]!;
    const done = await seedDemoPortfolio(database.db, { teamId: team.id, channelId: team.channelId, ...demoPeople(team.id) }, new Date(), locale);
    const counts = { clients: done.clients, calls: done.calls, incidents: done.incidents, steps: done.nextSteps, team: team.name };
    process.stdout.write(`${tPlain(locale, 'page.seededCli', counts)}\n`);
  } finally {
    await database.close();
  }
}

const locale = demoLanguage(process.argv[2]);
if (!locale) {
  process.stderr.write(`${tPlain('en', 'page.unknownLanguage')} npm run demo:seed -- ${LOCALES.join('|')}\n`);
  process.exit(1);
} else {
  seed(locale).catch((error: unknown) => {
    const known = error instanceof ConfigError || error instanceof DatabaseLockedError || error instanceof RapportError;
    const said = error instanceof RapportError && error.said ? tPlain(locale, error.said.key, error.said.args) : undefined;
    process.stderr.write(`${said ?? (known ? (error as Error).message : String(error))}\n`);
    if (error instanceof DatabaseLockedError) process.stderr.write(`${tPlain(locale, 'page.seedStopFirst')}\n`);
    process.exit(1);
  });
}
