/**
 * What a migration leaves for TypeScript to compute (stored name keys are folded in one place: domain/names.ts),
 * done by each process that serves or writes from the app's code, right after it opens the database. Kept out of
 * db/client.ts so that the handle's module imports no query.
 */
import type { Logger } from '../log.js';
import type { DatabaseHandle } from './client.js';
import { keyUnkeyedClientNames } from './queries/clients.js';

export async function completeDataMigrations(database: Pick<DatabaseHandle, 'owner'>, logger: Logger): Promise<void> {
  await keyUnkeyedClientNames(database.owner, logger);
}
