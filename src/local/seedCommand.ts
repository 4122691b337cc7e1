/** `npm run demo:seed`: loads the demo portfolio into the local workspace's database (the app must be stopped). */
import { ConfigError, loadConfig } from '../config/env.js';
import { DatabaseLockedError, openDatabase } from '../db/client.js';
import { RapportError } from '../domain/errors.js';
import { createLogger } from '../log.js';
import { seedDemoPortfolio } from './demoSeed.js';
import { LOCAL_TEAMS, LOCAL_USERS } from './workspace.js';

async function seed(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({ level: config.logLevel, format: config.logFormat });
  const database = config.databaseUrl
    ? await openDatabase({ databaseUrl: config.databaseUrl, appPassword: config.databaseAppPassword, logger })
    : await openDatabase({ dataDir: config.dataDir, logger });
  try {
    const team = LOCAL_TEAMS[0]!;
    const admin = LOCAL_USERS.find((u) => u.teamId === team.id && u.isAdmin)!;
    const owners = LOCAL_USERS.filter((u) => u.teamId === team.id && !u.isAdmin).map((u) => u.id);
    const done = await seedDemoPortfolio(database.db, { teamId: team.id, channelId: team.channelId, owners, admin: admin.id }, new Date());
    process.stdout.write(
      `Loaded ${done.clients} clients, ${done.calls} calls, ${done.incidents} incidents and ${done.nextSteps} next steps into “${team.name}”. Run npm start and open the page.\n`,
    );
  } finally {
    await database.close();
  }
}

seed().catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof DatabaseLockedError || error instanceof RapportError;
  process.stderr.write(`${known ? (error as Error).message : String(error)}\n`);
  if (error instanceof DatabaseLockedError) process.stderr.write('Stop npm start first, or use the page’s “Load demo portfolio” button instead.\n');
  process.exit(1);
});
