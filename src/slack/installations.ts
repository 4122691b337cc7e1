/**
 * Who Rapport is in each workspace: the one bot token from the environment (single-workspace mode), or each
 * workspace's own installation, made with "Add to Slack" through @slack/oauth's InstallProvider and kept in
 * Postgres with the token encrypted (db/queries/installations.ts).
 */
import type { ServerResponse } from 'node:http';
import type { Logger as SlackLogger } from '@slack/bolt';
import { ErrorCode, InstallProvider, type CallbackOptions, type Installation, type InstallationQuery, type InstallationStore } from '@slack/oauth';
import { WebClient } from '@slack/web-api';
import type { OAuthConfig } from '../config/env.js';
import type { Database } from '../db/client.js';
import { checkTokenKeys, findInstallation, removeInstallation, saveInstallation } from '../db/queries/installations.js';
import { DEFAULT_LOCALE } from '../i18n/locales.js';
import { tPlain } from '../i18n/messages.js';

/** What the manifest asks for; test/slack/manifest.test.ts keeps manifest.json equal to it. */
export const BOT_SCOPES = [
  'commands',
  'chat:write',
  'im:write',
  'users:read',
  'channels:history',
  'groups:history',
  'channels:read',
  'groups:read',
  'files:write',
];

export interface BotCredentials {
  botToken: string;
  botUserId?: string;
  botId?: string;
}

/** For /healthz: whether the stored bot tokens open with the configured keys (never a secret in `error`). */
export type InstallationsHealth = { ok: true } | { ok: false; error: string };

export interface Installations {
  /**
   * The bot Rapport acts as in `teamId`, or undefined when Rapport is not installed there. Rejects with
   * TokenKeyError (db/queries/installations.ts) when the configured keys cannot decrypt its token.
   */
  credentialsFor(teamId: string): Promise<BotCredentials | undefined>;
  /** Rapport was uninstalled from `teamId`: its token is forgotten at once (never decrypted: works whatever the keys). */
  forget(teamId: string): Promise<void>;
  /** Whether the configured keys decrypt the stored installations (checked at most every 30 s). */
  health(): Promise<InstallationsHealth>;
  /** OAuth mode: the "Add to Slack" flow (/slack/install, /slack/oauth_redirect). */
  installer?: InstallProvider;
}

/**
 * An org-wide install (Enterprise Grid: one install for every workspace of the organisation). Rapport keeps
 * each workspace's data apart, so it is refused: the token Slack granted is revoked and nothing is stored.
 */
export class OrgWideInstallRefused extends Error {
  readonly code = 'rapport_org_wide_install_refused';
  constructor(
    message: string,
    /** Whether Slack took the granted token back (`auth.revoke`). */
    readonly revoked: boolean,
  ) {
    super(message);
  }
}

/**
 * How the redirect back from Slack ends, for the person installing: a cancelled install is not an error, an
 * expired or foreign state says to start again, anything else that it failed; after a stand-in's "Allow", back
 * to its page (with Slack, @slack/oauth's own "installed" page).
 */
export function installCallbackOptions(standIn: string | undefined, installPath: string): CallbackOptions {
  const page = (res: ServerResponse, status: number, text: string) =>
    void res
      .writeHead(status, { 'content-type': 'text/html; charset=utf-8' })
      .end(`<!doctype html><html lang="en"><meta charset="utf-8"><title>Rapport</title><p>${text}</p></html>`);
  return {
    ...(standIn ? { success: (_i, _o, _req, res) => void res.writeHead(302, { location: `${standIn}/?installed=1` }).end() } : {}),
    failure: (error, _o, req, res) => {
      if (new URL(req.url ?? '/', 'http://x').searchParams.has('error')) return page(res, 200, 'Rapport was not installed: the install was cancelled.');
      const code = (error as { code?: string }).code;
      if (code === ErrorCode.MissingStateError || code === ErrorCode.InvalidStateError) {
        return page(res, 400, `This install link has expired or was opened in another browser. <a href="${installPath}">Start again</a>.`);
      }
      if (error instanceof OrgWideInstallRefused) {
        const withdrawn = error.revoked
          ? 'The access Slack granted to the organisation has been withdrawn.'
          : 'The access Slack granted to the organisation could not be withdrawn: an org admin should remove Rapport from the organisation in Slack.';
        return page(
          res,
          403,
          `Rapport was not installed: it was added to a whole Enterprise Grid organisation, and Rapport keeps each workspace’s data apart, so it is installed in one workspace at a time. ${withdrawn} To use Rapport, an org admin adds it to each workspace that needs it instead: <a href="${installPath}">start again</a> and choose a workspace, not the organisation, on Slack’s page.`,
        );
      }
      page(res, 500, `Slack did not complete the install (${code ?? 'unknown error'}). <a href="${installPath}">Try again</a>.`);
    },
  };
}

const html = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Rapport's own "Add to Slack" page (/slack/install), in place of @slack/oauth's, which is unstyled and loads its
 * button from Slack's servers (a broken image offline). Nobody is known yet when it opens: it is in English.
 */
export function installPageHtml(addToSlackUrl: string): string {
  const say = (key: Parameters<typeof tPlain>[1]) => html(tPlain(DEFAULT_LOCALE, key)).replace(/`([^`]+)`/g, '<code>$1</code>');
  return `<!doctype html><html lang="${DEFAULT_LOCALE}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${say('install.title')}</title><link rel="icon" href="data:,"><style>
body{margin:0;min-height:100vh;display:grid;place-items:center;background:#f4f5f7;color:#1d1c1d;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{max-width:34rem;margin:1.5rem;padding:2rem 2.25rem;background:#fff;border-radius:12px;box-shadow:0 2px 12px rgba(0,0,0,.08)}
h1{margin:0 0 .5rem;font-size:1.6rem;color:#1d3557}.lead{font-size:1.1rem;margin:0 0 1rem}
code{background:#f0f0f0;border-radius:4px;padding:0 .25em;font-size:.9em}
a.add{display:inline-block;margin:1rem 0 .5rem;padding:.7rem 1.4rem;border-radius:8px;background:#1d3557;color:#fff;font-weight:600;text-decoration:none}
a.add:hover,a.add:focus{background:#274b78}.next{color:#616061;font-size:.9rem;margin:0}
</style></head><body><main>
<h1>${say('install.title')}</h1>
<p class="lead">${say('install.lead')}</p>
<p>${say('install.points')}</p>
<a class="add" href="${html(addToSlackUrl)}" data-testid="add-rapport">${say('install.button')}</a>
<p class="next">${say('install.next')}</p>
</main></body></html>`;
}

export function singleWorkspace(botToken: string): Installations {
  // The one token comes from the environment: nothing is stored, nothing to decrypt.
  return { credentialsFor: async () => ({ botToken }), forget: async () => {}, health: async () => ({ ok: true }) };
}

const CACHE_MS = 60_000;
/** /healthz may be asked every few seconds: the tokens are checked at most this often. */
const HEALTH_CACHE_MS = 30_000;
/** Rows decrypted per check: all of them up to this many, a random sample of this many beyond (a changed key fails every row). */
const HEALTH_SAMPLE = 500;

export function installedWorkspaces(
  db: Database,
  oauth: OAuthConfig,
  options: { apiUrl?: string | undefined; now: () => Date; logger: SlackLogger },
): Installations {
  const cache = new Map<string, { at: number; credentials: BotCredentials | undefined }>();
  const idOf = (query: { isEnterpriseInstall?: boolean; enterpriseId?: string | undefined; teamId?: string | undefined }) =>
    (query.isEnterpriseInstall ? query.enterpriseId : query.teamId) ?? query.enterpriseId ?? '';
  const slackApi = new WebClient(undefined, {
    logger: options.logger,
    // Said while the person installing waits for the page: a few quick tries, not the half hour of the default.
    retryConfig: { retries: 2 },
    ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
  });

  /** Withdraws what Slack granted to an org-wide install (`auth.revoke` with each token), then refuses it. */
  const refuseOrgWide = async (installation: Installation): Promise<never> => {
    const enterprise = installation.enterprise?.id ?? 'an unknown organisation';
    let revoked = true;
    for (const token of [installation.bot?.token, installation.user.token]) {
      if (!token) continue;
      await slackApi.auth.revoke({ token }).catch((error: unknown) => {
        revoked = false;
        options.logger.error(`could not revoke the token of a refused org-wide install in ${enterprise}: ${String(error)}`);
      });
    }
    throw new OrgWideInstallRefused(
      revoked
        ? `Refused an org-wide install in ${enterprise}: Rapport is installed one workspace at a time. The token Slack granted was revoked.`
        : `Refused an org-wide install in ${enterprise}: Rapport is installed one workspace at a time. The token Slack granted could not be revoked: uninstall Rapport from the organisation in Slack.`,
      revoked,
    );
  };

  let health: { at: number; result: Promise<InstallationsHealth> } | undefined;
  async function checkHealth(): Promise<InstallationsHealth> {
    let checked: Awaited<ReturnType<typeof checkTokenKeys>>;
    try {
      checked = await checkTokenKeys(db, { keys: oauth.tokenKeys, limit: HEALTH_SAMPLE });
    } catch {
      // Not kept: the next check reads again.
      health = undefined;
      return { ok: false, error: 'the installations could not be read from the database' };
    }
    const { stored, undecryptable } = checked;
    if (undecryptable === 0) return { ok: true };
    return {
      ok: false,
      error:
        checked.checked === stored
          ? `${undecryptable} of ${stored} installations cannot be decrypted with the configured keys`
          : `${undecryptable} of ${checked.checked} installations checked (a random sample of the ${stored} stored) cannot be decrypted with the configured keys`,
    };
  }

  const store: InstallationStore = {
    async storeInstallation(installation: Installation) {
      if (installation.isEnterpriseInstall) await refuseOrgWide(installation);
      const teamId = installation.team?.id;
      if (!teamId) throw new Error('Slack returned an installation without a workspace');
      if (!installation.bot) throw new Error('Slack returned an installation without a bot token');
      await saveInstallation(db, {
        keys: oauth.tokenKeys,
        record: {
          teamId,
          // A workspace of an Enterprise Grid organisation, installed on its own, keeps its organisation's id.
          enterpriseId: installation.enterprise?.id ?? null,
          isEnterpriseInstall: false,
          botToken: installation.bot.token,
          botUserId: installation.bot.userId ?? null,
          botId: installation.bot.id ?? null,
          scopes: installation.bot.scopes.join(','),
          installerUserId: installation.user.id ?? null,
        },
        at: options.now(),
      });
      cache.delete(teamId);
    },
    async fetchInstallation(query: InstallationQuery<boolean>) {
      const found = await findInstallation(db, { keys: oauth.tokenKeys, teamId: idOf(query) });
      if (!found) throw new Error(`Rapport is not installed in ${idOf(query)}`);
      return {
        team: found.isEnterpriseInstall ? undefined : { id: found.teamId },
        enterprise: found.enterpriseId ? { id: found.enterpriseId } : undefined,
        user: { id: found.installerUserId ?? '', token: undefined, scopes: undefined },
        bot: { token: found.botToken, userId: found.botUserId ?? '', id: found.botId ?? '', scopes: found.scopes.split(',').filter(Boolean) },
        isEnterpriseInstall: found.isEnterpriseInstall,
        tokenType: 'bot',
      } as Installation;
    },
    async deleteInstallation(query: InstallationQuery<boolean>) {
      await removeInstallation(db, idOf(query));
      cache.delete(idOf(query));
    },
  };

  return {
    installer: new InstallProvider({
      clientId: oauth.clientId,
      clientSecret: oauth.clientSecret,
      stateSecret: oauth.stateSecret,
      installationStore: store,
      renderHtmlForInstallPath: installPageHtml,
      // Refused callbacks (a forged state, a cancelled install) are logged as ours are, not to the console.
      logger: options.logger,
      // A stand-in for Slack (the local workspace) has its own "Allow" page.
      ...(options.apiUrl ? { clientOptions: { slackApiUrl: options.apiUrl }, authorizationUrl: new URL('/oauth/v2/authorize', options.apiUrl).href } : {}),
    }),
    async credentialsFor(teamId) {
      const hit = cache.get(teamId);
      if (hit && Date.now() - hit.at < CACHE_MS) return hit.credentials;
      const found = await findInstallation(db, { keys: oauth.tokenKeys, teamId });
      const credentials = found && {
        botToken: found.botToken,
        ...(found.botUserId ? { botUserId: found.botUserId } : {}),
        ...(found.botId ? { botId: found.botId } : {}),
      };
      cache.set(teamId, { at: Date.now(), credentials });
      return credentials;
    },
    async forget(teamId) {
      await removeInstallation(db, teamId);
      cache.delete(teamId);
    },
    health() {
      if (!health || Date.now() - health.at >= HEALTH_CACHE_MS) health = { at: Date.now(), result: checkHealth() };
      return health.result;
    },
  };
}
