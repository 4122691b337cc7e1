/**
 * The local workspace: a small Slack-like page for running Rapport with no Slack app. It is the same
 * stand-in Web API the tests use (the app posts to it), plus a page: what you type in its composer and click
 * goes to the app's receiver as the exact signed request Slack would send.
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { readBody, type LocalSlackUser, type LocalSlackWebApi, type SlackApiCall } from './slackWebApi.js';
import { SlackRequestSender, type SlackActor } from './slackRequests.js';
import { errorText, type Logger } from '../log.js';
import { RapportError } from '../domain/errors.js';
import { COMMANDS } from '../slack/ids.js';
import { isLocale, isRightToLeft, LOCALES, type Locale } from '../i18n/locales.js';
import { tPlain, type MessageKey } from '../i18n/messages.js';
import { MESSAGES } from '../i18n/messages/index.js';
import type { DemoLoaded } from './demoSeed.js';
import type { WorkspaceClocks } from './clock.js';

export interface LocalTeam {
  id: string;
  name: string;
  channelId: string;
  channelName: string;
}

export const LOCAL_TEAMS: LocalTeam[] = [
  { id: 'T0LOCAL', name: 'Acme Agency', channelId: 'C0ACCOUNTS', channelName: 'account-health' },
  { id: 'T0SECOND', name: 'Second Workspace', channelId: 'C0SECOND', channelName: 'general' },
];

/** The people the page plays. `ownsClients`: the demo gives them clients; the first admin of a team installed Rapport. */
export type LocalPerson = LocalSlackUser & { title: string; ownsClients?: boolean };

export const LOCAL_USERS: LocalPerson[] = [
  { id: 'U0DANA', name: 'dana', teamId: 'T0LOCAL', isOwner: true, ownsClients: true, title: 'Dana (workspace owner, account manager)' },
  { id: 'U0ADMIN', name: 'alex', teamId: 'T0LOCAL', isAdmin: true, title: 'Alex (workspace admin)' },
  { id: 'U0SAM', name: 'sam', teamId: 'T0LOCAL', ownsClients: true, title: 'Sam (team member)' },
  { id: 'U0OTTO', name: 'otto', teamId: 'T0SECOND', isAdmin: true, title: 'Otto (admin of the second workspace)' },
];

/** Who the demo portfolio is for in a team: the admin who installed Rapport, and the people who own its clients (else the admin). */
export function demoPeople(teamId: string): { admin: string; owners: string[] } {
  const admin = LOCAL_USERS.find((u) => u.teamId === teamId && u.isAdmin)!.id;
  const owners = LOCAL_USERS.filter((u) => u.teamId === teamId && u.ownsClients).map((u) => u.id);
  return { admin, owners: owners.length ? owners : [admin] };
}

interface ShownMessage {
  id: number;
  channel: string;
  ts: string;
  /** Who wrote it: a person of the page; undefined for Rapport's own messages. */
  user?: string;
  threadTs?: string;
  text: string;
  blocks: unknown[];
  /** Ephemeral: only this user sees it. */
  for?: string;
  /** Files shared with it (files.uploadV2), downloaded from /local/files/<id>. */
  files?: { id: string; name: string }[];
}

interface OpenView {
  id: string;
  hash: string;
  user: string;
  view: Record<string, any>;
}

/** Who a request's answer belongs to, by its response URL or trigger id. */
interface Origin {
  user: string;
  channel: string;
  messageId?: number;
}

export interface LocalWorkspaceOptions {
  api: LocalSlackWebApi;
  /** The app's /slack/events. */
  receiverUrl: string;
  /** The app's "Add to Slack" page, and whether a team has installed it. */
  installUrl: string;
  isInstalled: (teamId: string) => Promise<boolean>;
  signingSecret: string;
  logger: Logger;
  /** Loads the demo portfolio into a team, in a language's words (demoTexts.ts). */
  seed: (team: LocalTeam, locale: Locale) => Promise<DemoLoaded>;
  /** The language Rapport speaks to a person (their own choice, else their workspace's…): the page's too. */
  languageOf: (user: LocalSlackUser) => Promise<Locale>;
  /** Each workspace's clock, moved on from the page; and the workspace's time zone, which "next Monday" is in. */
  clocks: WorkspaceClocks;
  timeZoneOf: (teamId: string) => Promise<string>;
  /** The work the scheduler does each minute (digests, reminders, personal digests, escalations), done now. */
  runDueWork: () => Promise<void>;
}

/**
 * The page's own words in a language (src/i18n/messages/page.ts), for the page's script: each `{argument}` is
 * left in for the page to fill. Messages with plurals are put into words here, by the server (the demo loaded).
 */
export function pageMessages(locale: Locale): Record<string, string> {
  const words: Record<string, string> = {};
  for (const [key, english] of Object.entries(MESSAGES.en)) {
    if (!key.startsWith('page.') || /\{\w+,/.test(english)) continue;
    const args = Object.fromEntries([...english.matchAll(/\{(\w+)\}/g)].map((m) => [m[1]!, `{${m[1]}}`]));
    // The page lays itself out by its dir attribute: the right-to-left marks Slack's lines need are left out.
    words[key.slice('page.'.length)] = tPlain(locale, key as MessageKey, args).replace(/^\u200F/gm, '');
  }
  return words;
}

const PUBLIC = new URL('./public/', import.meta.url);

/** The language switch names each language in its own words, whatever the page's language. */
const LANGUAGE_NAMES: Readonly<Record<Locale, string>> = { en: 'English', tr: 'Türkçe', fa: 'فارسی', fi: 'suomi' };

export class LocalWorkspace {
  private readonly messages: ShownMessage[] = [];
  private readonly views: OpenView[] = [];
  private readonly homes = new Map<string, unknown>();
  private readonly origins = new Map<string, Origin>();
  private readonly sender: SlackRequestSender;
  private readonly streams = new Set<ServerResponse>();
  private version = 0;
  private nextId = 1;

  constructor(private readonly options: LocalWorkspaceOptions) {
    for (const u of LOCAL_USERS) options.api.users.set(u.id, u);
    this.sender = new SlackRequestSender({ url: options.receiverUrl, signingSecret: options.signingSecret, responseUrl: (id) => options.api.responseUrl(id) });
    options.api.onCall((call) => this.apply(call));
    options.api.fallback = (req, res, url) => this.route(req, res, url);
  }

  private user(id: unknown): LocalPerson {
    const user = LOCAL_USERS.find((u) => u.id === id);
    if (!user) throw new RapportError('not_found', 'unknown user');
    return user;
  }

  private team(user: LocalSlackUser): LocalTeam {
    return LOCAL_TEAMS.find((t) => t.id === user.teamId)!;
  }

  private actor(user: LocalSlackUser): SlackActor {
    return { teamId: user.teamId, userId: user.id, channelId: this.team(user).channelId };
  }

  /**
   * `@dana` and `#account-health` as Slack sends them with should_escape (manifest.json): `<@U0DANA|dana>`,
   * `<#C0ACCOUNTS|account-health>`. A name nobody has stays text, as in Slack.
   */
  private escapeMentions(text: string, team: LocalTeam): string {
    return text
      .replace(/(^|\s)@([\w.-]+)/g, (all, space: string, name: string) => {
        const u = LOCAL_USERS.find((x) => x.teamId === team.id && x.name === name.toLowerCase());
        return u ? `${space}<@${u.id}|${u.name}>` : all;
      })
      .replace(/(^|\s)#([\w-]+)/g, (all, space: string, name: string) =>
        name.toLowerCase() === team.channelName ? `${space}<#${team.channelId}|${team.channelName}>` : all,
      );
  }

  private changed(): void {
    this.version++;
    for (const s of this.streams) s.write(`data: ${this.version}\n\n`);
  }

  /** A ts as Slack makes them (seconds.micro), unique within the page. */
  private messageTs(): string {
    return `${Math.floor(Date.now() / 1000)}.${String(this.nextId).padStart(6, '0')}`;
  }

  private push(m: Omit<ShownMessage, 'id'>): number {
    const id = this.nextId++;
    this.messages.push({ id, ...m });
    return id;
  }

  /** Mirrors what the app sent to "Slack" into what the page shows. */
  private apply(call: SlackApiCall): void {
    const p = call.params;
    const r = call.response ?? {};
    if (r.ok === false) return;
    switch (call.method) {
      case 'chat.postMessage':
        this.push({ channel: String(p.channel), ts: String(r.ts), threadTs: p.thread_ts, text: p.text ?? '', blocks: p.blocks ?? [] });
        break;
      case 'chat.update': {
        const m = this.messages.find((x) => x.channel === p.channel && x.ts === p.ts && !x.for);
        if (m) Object.assign(m, { text: p.text ?? m.text, blocks: p.blocks ?? m.blocks });
        break;
      }
      case 'chat.postEphemeral':
        this.push({ channel: String(p.channel), ts: String(r.message_ts), text: p.text ?? '', blocks: p.blocks ?? [], for: String(p.user) });
        break;
      case 'response_url': {
        const origin = this.origins.get(call.responseUrlId ?? '');
        if (!origin) break;
        const original = origin.messageId ? this.messages.find((m) => m.id === origin.messageId) : undefined;
        if (p.replace_original && original) Object.assign(original, { text: p.text ?? '', blocks: p.blocks ?? [] });
        else
          this.push({
            channel: origin.channel,
            ts: `local.${this.nextId}`,
            text: p.text ?? '',
            blocks: p.blocks ?? [],
            ...(p.response_type === 'in_channel' ? {} : { for: origin.user }),
          });
        break;
      }
      case 'views.open':
      case 'views.push': {
        const origin = this.origins.get(`trigger:${p.trigger_id}`);
        if (origin) this.views.push({ id: r.view.id, hash: r.view.hash, user: origin.user, view: r.view });
        break;
      }
      case 'views.update': {
        const v = this.views.find((x) => x.id === p.view_id);
        if (v) Object.assign(v, { view: r.view, hash: r.view.hash });
        break;
      }
      case 'views.publish':
        this.homes.set(String(p.user_id), p.view);
        break;
      case 'files.completeUploadExternal': {
        // Slack shares the files in the channel (a DM here) as one message, with the comment as its text.
        if (!p.channel_id) return;
        const shared = (typeof p.files === 'string' ? JSON.parse(p.files) : (p.files ?? [])) as { id: string }[];
        const files = shared.map((f) => ({ id: f.id, name: this.options.api.files.get(f.id)?.filename ?? f.id }));
        this.push({ channel: String(p.channel_id), ts: `local.${this.nextId}`, text: p.initial_comment ?? '', blocks: [], files });
        break;
      }
      default:
        return;
    }
    this.changed();
  }

  /** A fresh response URL and trigger id tied to the user (and the message a button was on). */
  private ids(origin: Origin): { responseId: string; triggerId: string } {
    const responseId = `local-${randomBytes(6).toString('hex')}`;
    const triggerId = `local.${randomBytes(6).toString('hex')}`;
    this.origins.set(responseId, origin);
    this.origins.set(`trigger:${triggerId}`, origin);
    return { responseId, triggerId };
  }

  private async stateFor(userId: string) {
    const user = this.user(userId);
    const team = this.team(user);
    const visible = (m: ShownMessage) => !m.for || m.for === userId;
    const locale = await this.options.languageOf(user);
    return {
      version: this.version,
      user,
      team,
      locale,
      dir: isRightToLeft(locale) ? 'rtl' : 'ltr',
      installed: await this.options.isInstalled(team.id),
      // The app's time in this workspace (moved on from the page, or not), shown in its time zone.
      clock: {
        now: this.options.clocks.now(team.id).toISOString(),
        timeZone: await this.options.timeZoneOf(team.id),
        moved: this.options.clocks.moved(team.id),
      },
      channel: this.messages.filter((m) => m.channel === team.channelId && visible(m)),
      // The app's DMs to this user, and ephemeral answers about places the page does not show.
      dms: this.messages.filter((m) => m.channel === `D${userId.slice(1)}` || (m.for === userId && m.channel !== team.channelId)),
      modal: this.views.filter((v) => v.user === userId).at(-1) ?? null,
      home: this.homes.get(userId) ?? null,
    };
  }

  private async route(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    let locale: Locale = 'en';
    try {
      if (req.method === 'GET') {
        if (url.pathname === '/') return this.file(res, 'index.html', 'text/html; charset=utf-8');
        if (url.pathname === '/local/app.js') return this.file(res, 'app.js', 'text/javascript; charset=utf-8');
        if (url.pathname === '/local/style.css') return this.file(res, 'style.css', 'text/css; charset=utf-8');
        if (url.pathname === '/local/config')
          return json(200, { teams: LOCAL_TEAMS, users: LOCAL_USERS, installUrl: this.options.installUrl, locales: LOCALES, languageNames: LANGUAGE_NAMES });
        if (url.pathname === '/local/state') return json(200, await this.stateFor(url.searchParams.get('user') ?? ''));
        if (url.pathname === '/local/messages') {
          const asked = url.searchParams.get('locale');
          const locale = isLocale(asked) ? asked : 'en';
          return json(200, { locale, dir: isRightToLeft(locale) ? 'rtl' : 'ltr', messages: pageMessages(locale) });
        }
        if (url.pathname === '/oauth/v2/authorize') return this.authorizePage(req, res, url);
        if (url.pathname.startsWith('/local/files/')) return this.download(res, decodeURIComponent(url.pathname.slice('/local/files/'.length)));
        // A message's permalink (chat.getPermalink), as evidence in History and the digest: back to the page.
        if (url.pathname.startsWith('/archives/')) {
          res.writeHead(302, { location: '/' }).end();
          return;
        }
        if (url.pathname === '/local/events') {
          res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
          res.write(`data: ${this.version}\n\n`);
          this.streams.add(res);
          req.on('close', () => this.streams.delete(res));
          return;
        }
        return json(404, { error: 'not found' });
      }
      const body = JSON.parse((await readBody(req)) || '{}') as Record<string, any>;
      const user = this.user(body.user);
      const actor = this.actor(user);
      const team = this.team(user);
      // The page's own answers are in the language Rapport speaks to the person using it.
      locale = await this.options.languageOf(user);
      const say = (key: MessageKey, args?: Record<string, string | number>) => tPlain(locale, key, args);
      switch (url.pathname) {
        case '/local/command': {
          const m = /^(\/\w+)\s*([\s\S]*)$/.exec(String(body.text ?? '').trim());
          if (!m) return json(400, { error: say('page.typeCommand') });
          if (!(await this.options.isInstalled(team.id))) {
            return json(200, { error: say('page.notInstalledCommand', { command: m[1]!, team: team.name }) });
          }
          // As Slack does: a command no app registered is answered at once, by Slack itself.
          if (!(Object.values(COMMANDS) as string[]).includes(m[1]!)) {
            return json(200, { error: say('page.unknownCommand', { command: m[1]!, commands: Object.values(COMMANDS).join(', ') }) });
          }
          const ids = this.ids({ user: user.id, channel: team.channelId });
          const sent = await this.sender.command(actor, m[1]!, this.escapeMentions(m[2]!, team), ids);
          // An answer in the ack itself (help) is shown like Slack shows it: ephemeral.
          if (sent.body && typeof sent.body === 'object' && 'text' in sent.body) {
            this.push({ channel: team.channelId, ts: `local.${this.nextId}`, text: sent.body.text, blocks: sent.body.blocks ?? [], for: user.id });
            this.changed();
          }
          if (sent.status === 404 || sent.status >= 500) return json(200, { error: say('page.httpStatus', { status: String(sent.status) }) });
          return json(200, { status: sent.status });
        }
        case '/local/language': {
          // The page's language switch is `/rapport settings me language …` typed by its person: Rapport keeps it.
          const language = body.language;
          if (!isLocale(language)) return json(400, { error: say('page.unknownLanguage') });
          if (!(await this.options.isInstalled(team.id))) {
            return json(200, { error: say('page.notInstalledCommand', { command: COMMANDS.rapport, team: team.name }) });
          }
          const ids = this.ids({ user: user.id, channel: team.channelId });
          const sent = await this.sender.command(actor, COMMANDS.rapport, `settings me language ${language}`, ids);
          if (sent.status === 404 || sent.status >= 500) return json(200, { error: say('page.httpStatus', { status: String(sent.status) }) });
          // Answered once Rapport has it: the page then reloads its words in the new language.
          for (let i = 0; i < 100 && (await this.options.languageOf(user)) !== language; i++) await new Promise((r) => setTimeout(r, 100));
          this.changed();
          return json(200, { locale: await this.options.languageOf(user) });
        }
        case '/local/message': {
          const text = String(body.text ?? '').trim();
          if (!text) return json(400, { error: say('page.typeMessage') });
          this.push({ channel: team.channelId, ts: this.messageTs(), user: user.id, text: this.escapeMentions(text, team), blocks: [] });
          this.changed();
          return json(200, { ok: true });
        }
        case '/local/shortcut': {
          // "Log to Rapport" on a message: the message_action payload Slack sends for a message shortcut.
          const message = this.messages.find((x) => x.id === body.messageId && !x.for);
          if (!message) return json(404, { error: say('page.messageGone') });
          const ids = this.ids({ user: user.id, channel: message.channel });
          const sent = await this.sender.interaction(actor, {
            type: 'message_action',
            callback_id: 'log_message',
            trigger_id: ids.triggerId,
            action_ts: String(Date.now() / 1000),
            message_ts: message.ts,
            response_url: this.options.api.responseUrl(ids.responseId),
            message: {
              type: 'message',
              ts: message.ts,
              text: message.text,
              ...(message.user ? { user: message.user } : { bot_id: 'B0RAPPORT', app_id: 'A0RAPPORT' }),
            },
            channel: { id: message.channel, name: team.channelName },
          });
          return json(200, { status: sent.status });
        }
        case '/local/action': {
          const view = body.viewId ? this.views.find((v) => v.id === body.viewId) : undefined;
          const message = body.messageId ? this.messages.find((x) => x.id === body.messageId) : undefined;
          const ids = this.ids({ user: user.id, channel: message?.channel ?? team.channelId, messageId: message?.id });
          const action = { action_id: body.actionId, block_id: body.blockId, type: body.type, value: body.value, selected_option: body.selectedOption };
          const payload: Record<string, unknown> = {
            type: 'block_actions',
            trigger_id: ids.triggerId,
            actions: [{ ...action, action_ts: String(Date.now() / 1000) }],
          };
          if (view) {
            Object.assign(payload, {
              container: { type: 'view', view_id: view.id },
              view: { ...view.view, id: view.id, hash: view.hash, state: { values: body.values ?? {} } },
            });
          } else if (body.home) {
            Object.assign(payload, { container: { type: 'view', view_id: 'VHOME' }, view: { id: 'VHOME', type: 'home' } });
          } else if (message) {
            Object.assign(payload, {
              container: { type: 'message', message_ts: message.ts, channel_id: message.channel, is_ephemeral: !!message.for },
              channel: { id: message.channel },
              message: { ts: message.ts, text: message.text, blocks: message.blocks },
              response_url: this.options.api.responseUrl(ids.responseId),
            });
          }
          const sent = await this.sender.interaction(actor, payload);
          return json(200, { status: sent.status });
        }
        case '/local/submit': {
          const view = this.views.find((v) => v.id === body.viewId && v.user === user.id);
          if (!view) return json(404, { error: say('page.formGone') });
          const sent = await this.sender.viewSubmission(actor, { ...view.view, id: view.id, hash: view.hash }, body.values ?? {});
          if (sent.body?.response_action === 'errors') return json(200, { errors: sent.body.errors });
          if (sent.status !== 200) return json(200, { errors: { _: say('page.httpStatus', { status: String(sent.status) }) } });
          this.views.splice(this.views.indexOf(view), 1);
          this.changed();
          return json(200, { ok: true });
        }
        case '/local/close': {
          const i = this.views.findIndex((v) => v.id === body.viewId && v.user === user.id);
          if (i >= 0) this.views.splice(i, 1);
          this.changed();
          return json(200, { ok: true });
        }
        case '/local/options': {
          const view = this.views.find((v) => v.id === body.viewId);
          const sent = await this.sender.options(actor, {
            action_id: body.actionId,
            block_id: body.blockId,
            value: String(body.value ?? ''),
            view: view?.view,
          });
          return json(200, sent.body ?? { options: [] });
        }
        case '/local/home': {
          await this.sender.event(user.teamId, { type: 'app_home_opened', user: user.id, channel: `D${user.id.slice(1)}`, tab: 'home' });
          return json(200, { ok: true });
        }
        case '/local/seed': {
          // In the page's language (or the one asked for): a Turkish page loads the Turkish demo, in one click.
          const language: Locale = isLocale(body.language) ? body.language : locale;
          const done = await this.options.seed(team, language);
          this.changed();
          locale = await this.options.languageOf(user);
          const counts = { clients: done.clients, calls: done.calls, incidents: done.incidents, steps: done.nextSteps };
          return json(200, { message: tPlain(locale, 'page.seeded', counts), locale });
        }
        case '/local/digest': {
          // The button is `/rapport digest now` typed by whoever clicks it: the same permissions, the same answers.
          const ids = this.ids({ user: user.id, channel: team.channelId });
          await this.sender.command(actor, '/rapport', 'digest now', ids);
          return json(200, { ok: true });
        }
        case '/local/clock': {
          // Only this workspace's time moves; then what the scheduler would do at that time is done at once.
          if (body.move === 'monday') this.options.clocks.toNextMonday(team.id, await this.options.timeZoneOf(team.id));
          else if (body.move === 'day') this.options.clocks.byOneDay(team.id);
          else return json(400, { error: 'unknown move' });
          await this.options.runDueWork();
          this.changed();
          return json(200, { now: this.options.clocks.now(team.id).toISOString() });
        }
        default:
          return json(404, { error: 'not found' });
      }
    } catch (error) {
      // The page's own mistakes (unknown user, demo already loaded) are answers, not failures.
      if (error instanceof RapportError) return json(400, { error: error.said ? tPlain(locale, error.said.key, error.said.args) : error.message });
      this.options.logger.error('local workspace request failed', { path: url.pathname, error: errorText(error) });
      json(500, { error: error instanceof Error ? error.message : String(error) });
    }
  }

  /**
   * Slack's "Rapport is requesting permission to access a workspace" page: the workspace and who installs (its
   * admins), then back to the app's redirect URL with a code (`<team>.<user>`, which oauth.v2.access reads) and
   * the app's state, as Slack does; Cancel goes back with `error=access_denied`.
   */
  private authorizePage(req: IncomingMessage, res: ServerResponse, url: URL): void {
    const redirect = url.searchParams.get('redirect_uri') || new URL('/slack/oauth_redirect', this.options.installUrl).href;
    const state = url.searchParams.get('state') ?? '';
    const attr = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
    // Slack installs into the workspace of whoever is signed in: the person the page plays (its cookie), chosen.
    const playing = /(?:^|;\s*)rapport\.user=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
    const choices = LOCAL_USERS.map((u) => {
      const team = LOCAL_TEAMS.find((t) => t.id === u.teamId)!;
      return `<option value="${attr(`${team.id}.${u.id}`)}"${u.id === playing ? ' selected' : ''}>${attr(team.name)}, as ${attr(u.name)}</option>`;
    });
    const scopes = (url.searchParams.get('scope') ?? '').split(',').filter(Boolean);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Install Rapport</title><link rel="stylesheet" href="/local/style.css"></head>
<body class="authorize"><main class="authorize-card">
<h1>Rapport is requesting permission to access a workspace</h1>
<form method="get" action="${attr(redirect)}">
<input type="hidden" name="state" value="${attr(state)}">
<label>Workspace <select name="code" data-testid="install-workspace">${choices.join('')}</select></label>
<p>It will be able to: ${scopes.map((s) => `<code>${attr(s)}</code>`).join(' ')}</p>
<button type="submit" data-testid="allow">Allow</button>
<a href="${attr(`${redirect}?error=access_denied&state=${encodeURIComponent(state)}`)}">Cancel</a>
</form></main></body></html>`);
  }

  /** A file the app uploaded, as a download under its own name. */
  private download(res: ServerResponse, id: string): void {
    const file = this.options.api.files.get(id);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('no such file');
      return;
    }
    res.writeHead(200, {
      'content-type': 'application/octet-stream',
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      'cache-control': 'no-store',
    });
    res.end(file.bytes);
  }

  private file(res: ServerResponse, name: string, type: string): void {
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
    res.end(readFileSync(new URL(name, PUBLIC)));
  }
}
