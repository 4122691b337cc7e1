/**
 * `npm start` with no Slack credentials: the real Bolt app, unchanged, beside the local workspace page that
 * plays Slack for it (the page's server is also the app's Web API). The app runs as a distributed app does,
 * with "Add to Slack" (OAuth): the first workspace is installed through that flow at start, the second is
 * installed from the page.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { DatabaseHandle } from '../db/client.js';
import type { Logger } from '../log.js';
import { createRapport, type Rapport } from '../rapport.js';
import { seedDemoPortfolio } from './demoSeed.js';
import { inWorkspace } from '../db/workspaceScope.js';
import { personSettingsOf } from '../db/queries/personal.js';
import { getWorkspace } from '../db/queries/workspaces.js';
import { workspaceLocale } from '../slack/readers.js';
import { DEFAULT_LOCALE, localeOfSlack } from '../i18n/locales.js';
import { installByOAuth } from './slackRequests.js';
import { LocalSlackWebApi } from './slackWebApi.js';
import { demoPeople, LOCAL_TEAMS, LocalWorkspace } from './workspace.js';
import { WorkspaceClocks } from './clock.js';

/**
 * The stand-in's bot tokens are not secrets (it accepts any), so the key that encrypts them at rest is fixed:
 * installations kept in DATA_DIR still open after a restart.
 */
const LOCAL_TOKEN_KEY = createHash('sha256').update('rapport local workspace').digest();

export interface LocalRun {
  slack: Rapport;
  url: string;
  /** The app's own /healthz (its receiver listens on a port of its own, beside the page). */
  health: string;
  stop(): Promise<void>;
}

export async function startLocalWorkspace(
  database: Pick<DatabaseHandle, 'db' | 'owner' | 'listen'>,
  logger: Logger,
  port: number,
  now: () => Date = () => new Date(),
): Promise<LocalRun> {
  const api = await new LocalSlackWebApi().start(port, '127.0.0.1');
  // Each local workspace's clock: `now` until the page moves one on.
  const clocks = new WorkspaceClocks(now);
  const signingSecret = randomBytes(16).toString('hex');
  const slack = createRapport({
    slack: {
      signingSecret,
      botToken: undefined,
      oauth: {
        clientId: 'local.rapport',
        clientSecret: randomBytes(16).toString('hex'),
        stateSecret: randomBytes(16).toString('hex'),
        tokenKeys: [{ id: 'local', key: LOCAL_TOKEN_KEY }],
      },
      appToken: undefined,
      apiUrl: api.apiUrl,
    },
    database,
    logger,
    now: clocks.now,
  });
  const receiverPort = await slack.start(0, '127.0.0.1');
  const appOrigin = `http://127.0.0.1:${receiverPort}`;
  const [first] = LOCAL_TEAMS;
  if (!(await slack.isInstalled(first!.id))) {
    const installed = await installByOAuth(appOrigin, `${first!.id}.${demoPeople(first!.id).admin}`);
    if (installed.status >= 400) throw new Error(`installing Rapport in the local workspace failed: HTTP ${installed.status}`);
  }
  new LocalWorkspace({
    api,
    receiverUrl: `${appOrigin}/slack/events`,
    installUrl: `${appOrigin}/slack/install`,
    isInstalled: (teamId) => slack.isInstalled(teamId),
    signingSecret,
    logger,
    seed: (team, locale) => seedDemoPortfolio(database.db, { teamId: team.id, channelId: team.channelId, ...demoPeople(team.id) }, clocks.now(team.id), locale),
    // As Rapport chooses whom to speak which language (slack/readers.ts), Slack's own word read from the stand-in.
    languageOf: (user) =>
      inWorkspace(user.teamId, async () => {
        const own = await personSettingsOf(database.db, { teamId: user.teamId, userId: user.id });
        const workspace = own.language ? undefined : await getWorkspace(database.db, user.teamId);
        return own.language ?? (workspace && workspaceLocale(workspace)) ?? localeOfSlack(api.users.get(user.id)?.locale) ?? DEFAULT_LOCALE;
      }),
    clocks,
    timeZoneOf: async (teamId) => (await inWorkspace(teamId, () => getWorkspace(database.db, teamId)))?.timeZone ?? 'UTC',
    runDueWork: async () => {
      // In the scheduler's order: the digest first, which escalations count.
      await slack.digest.tick();
      await slack.reminders.tick();
      await slack.personalDigests.tick();
      await slack.escalations.tick();
      await slack.outcomeReviews.tick();
    },
  });
  const url = api.apiUrl.replace(/api\/$/, '');
  return {
    slack,
    url,
    health: `http://127.0.0.1:${receiverPort}/healthz`,
    async stop() {
      await slack.stop();
      await api.stop();
    },
  };
}
