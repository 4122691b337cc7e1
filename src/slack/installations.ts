/**
 * Who Rapport is in each workspace: the one bot token from the environment (single-workspace mode), or each
 * workspace's own installation, made with "Add to Slack" through @slack/oauth's InstallProvider and kept in
 * Postgres with the token encrypted (db/queries/installations.ts).
 */
import type { ServerResponse } from 'node:http';
import type { Logger as SlackLogger } from '@slack/bolt';
import { ErrorCode, InstallProvider, type CallbackOptions, type Installation, type InstallationQuery, type InstallationStore } from '@slack/oauth';
import type { OAuthConfig } from '../config/env.js';
import type { Database } from '../db/client.js';
import { findInstallation, removeInstallation, saveInstallation } from '../db/queries/installations.js';

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

export interface Installations {
  /** The bot Rapport acts as in `teamId`, or undefined when Rapport is not installed there. */
  credentialsFor(teamId: string): Promise<BotCredentials | undefined>;
  /** Rapport was uninstalled from `teamId`: its token is forgotten at once. */
  forget(teamId: string): Promise<void>;
  /** OAuth mode: the "Add to Slack" flow (/slack/install, /slack/oauth_redirect). */
  installer?: InstallProvider;
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
      page(res, 500, `Slack did not complete the install (${code ?? 'unknown error'}). <a href="${installPath}">Try again</a>.`);
    },
  };
}

export function singleWorkspace(botToken: string): Installations {
  return { credentialsFor: async () => ({ botToken }), forget: async () => {} };
}

const CACHE_MS = 60_000;

export function installedWorkspaces(
  db: Database,
  oauth: OAuthConfig,
  options: { apiUrl?: string | undefined; now: () => Date; logger: SlackLogger },
): Installations {
  const cache = new Map<string, { at: number; credentials: BotCredentials | undefined }>();
  const idOf = (query: { isEnterpriseInstall?: boolean; enterpriseId?: string | undefined; teamId?: string | undefined }) =>
    (query.isEnterpriseInstall ? query.enterpriseId : query.teamId) ?? query.enterpriseId ?? '';

  const store: InstallationStore = {
    async storeInstallation(installation: Installation) {
      const teamId = idOf({
        isEnterpriseInstall: installation.isEnterpriseInstall ?? false,
        enterpriseId: installation.enterprise?.id,
        teamId: installation.team?.id,
      });
      if (!installation.bot) throw new Error('Slack returned an installation without a bot token');
      await saveInstallation(
        db,
        oauth.tokenKey,
        {
          teamId,
          enterpriseId: installation.enterprise?.id ?? null,
          isEnterpriseInstall: installation.isEnterpriseInstall ?? false,
          botToken: installation.bot.token,
          botUserId: installation.bot.userId ?? null,
          botId: installation.bot.id ?? null,
          scopes: installation.bot.scopes.join(','),
          installerUserId: installation.user.id ?? null,
        },
        options.now(),
      );
      cache.delete(teamId);
    },
    async fetchInstallation(query: InstallationQuery<boolean>) {
      const found = await findInstallation(db, oauth.tokenKey, idOf(query));
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
      // Refused callbacks (a forged state, a cancelled install) are logged as ours are, not to the console.
      logger: options.logger,
      // A stand-in for Slack (the local workspace) has its own "Allow" page.
      ...(options.apiUrl ? { clientOptions: { slackApiUrl: options.apiUrl }, authorizationUrl: new URL('/oauth/v2/authorize', options.apiUrl).href } : {}),
    }),
    async credentialsFor(teamId) {
      const hit = cache.get(teamId);
      if (hit && Date.now() - hit.at < CACHE_MS) return hit.credentials;
      const found = await findInstallation(db, oauth.tokenKey, teamId);
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
  };
}
