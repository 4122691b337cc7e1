// One app instance for the multi-instance digest test: ticks the digest runner against a shared Postgres.
import { WebClient } from '@slack/web-api';
import { openDatabase } from '../../src/db/client.js';
import { DigestRunner } from '../../src/digest/run.js';
import { silentLogger } from '../../src/log.js';

const { DATABASE_URL, API_URL, INSTANCE, TICKS = '10', TICK_MS = '400', LEASE = '2' } = process.env;
const database = await openDatabase({ databaseUrl: DATABASE_URL!, logger: silentLogger, poolSize: 2 });
const runner = new DigestRunner({
  db: database.db,
  owner: database.owner,
  // The token names the instance, so the test can tell whose post is in flight.
  webFor: async () => new WebClient(`xoxb-${INSTANCE}`, { slackApiUrl: API_URL, retryConfig: { retries: 0 } }),
  logger: silentLogger,
  now: () => new Date(),
  instance: INSTANCE,
  claimLeaseSeconds: Number(LEASE),
});
process.stdout.write(`ready ${INSTANCE}\n`);
for (let i = 0; i < Number(TICKS); i++) {
  const report = await runner.tick();
  process.stdout.write(`tick ${i} ${JSON.stringify(report)}\n`);
  await new Promise((r) => setTimeout(r, Number(TICK_MS)));
}
await database.close();
