// What several benches start the same way: Rapport on a database and the local Slack stand-in, a client of the
// bench's workspace to log against, and a sender of signed requests into its receiver.
import type { DatabaseHandle } from '../src/db/client.js';
import { createClient } from '../src/db/queries/clients.js';
import type { LocalSlackWebApi } from '../src/local/slackWebApi.js';
import { SlackRequestSender } from '../src/local/slackRequests.js';
import { silentLogger } from '../src/log.js';
import { createRapport, type Rapport } from '../src/rapport.js';

export const BENCH_SECRET = 'bench-signing-secret-0123456789';

/** A sender of requests signed with the benches' secret into the receiver on `port`, replies going to `api`. */
export const benchSender = (port: number, api: LocalSlackWebApi) =>
  new SlackRequestSender({ url: `http://127.0.0.1:${port}/slack/events`, signingSecret: BENCH_SECRET, responseUrl: (id) => api.responseUrl(id) });

/** Rapport started on `database` against `api`, with a client called `clientName` in the actor's workspace. */
export async function startBenchRapport(
  database: DatabaseHandle,
  api: LocalSlackWebApi,
  { teamId, userId }: { teamId: string; userId: string },
  clientName = 'Acme',
): Promise<{ rapport: Rapport; port: number; sender: SlackRequestSender }> {
  const rapport = createRapport({
    slack: { signingSecret: BENCH_SECRET, botToken: 'xoxb-bench', appToken: undefined, apiUrl: api.apiUrl },
    database,
    logger: silentLogger,
  });
  const port = await rapport.start(0, '127.0.0.1');
  await createClient(database.owner, { teamId, by: userId, input: { name: clientName } });
  return { rapport, port, sender: benchSender(port, api) };
}
