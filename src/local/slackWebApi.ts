/**
 * A local stand-in for the Slack Web API: a small HTTP server that answers the methods Rapport calls the
 * way Slack does and records every call. The app is pointed at it with Bolt's `clientOptions.slackApiUrl`.
 * Tests use it to assert on what the app sent; the local workspace (npm start without Slack) renders it.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SlackApiCall {
  /** A Web API method such as `chat.postMessage`, or `response_url` for posts to a command's response URL. */
  method: string;
  params: Record<string, any>;
  /** The bearer token the app used (never the response URL's). */
  token: string | undefined;
  /** For `response_url`: which URL id it was posted to. */
  responseUrlId?: string;
  /**
   * What the stand-in answered (ts of a posted message, id of an opened view, …); for a call carried out but
   * answered with an error (`failNext` with `carriedOut`), what it did, and `failedWith` the error it answered.
   */
  response?: Record<string, any>;
  failedWith?: string;
  seq: number;
}

export interface LocalSlackUser {
  id: string;
  name: string;
  teamId: string;
  isAdmin?: boolean;
  /** A workspace owner: in Slack an owner is an admin too (`is_owner` and `is_admin`). */
  isOwner?: boolean;
  /** A multi-channel guest (`is_restricted`); `isUltraRestricted`, a single-channel guest. */
  isRestricted?: boolean;
  isUltraRestricted?: boolean;
  /** Deactivated: left the workspace. */
  deleted?: boolean;
  /** In an Enterprise Grid org: the org, and the workspaces of it the user belongs to (`enterprise_user`). */
  enterpriseId?: string;
  teams?: string[];
  tz?: string;
  /** Slack's interface language for them ("en-US"), given when asked with `include_locale`. */
  locale?: string;
}

/** How a channel is shared, as `conversations.info` says (Slack Connect: `is_ext_shared`). */
export interface LocalSlackChannel {
  name?: string;
  isExtShared?: boolean;
  isPendingExtShared?: boolean;
  isShared?: boolean;
  isOrgShared?: boolean;
}

/** A limit on posting to one channel (chat.postMessage): a sustained rate, and a burst allowed on top. */
export interface ChannelPostLimit {
  perSecond: number;
  /** Messages a quiet channel takes at once before the rate applies. */
  burst: number;
}

/**
 * Slack's: "1 per second per channel, short bursts >1 allowed" (docs.slack.dev, Rate limits; how short is not
 * said, so 3 here).
 */
export const SLACK_CHANNEL_POST_LIMIT: ChannelPostLimit = { perSecond: 1, burst: 3 };

type Listener = (call: SlackApiCall) => void;

/** Trouble the stand-in makes for one token's calls for a while (see `rateLimit`, `hang`). */
interface Trouble {
  kind: 'ratelimited' | 'hang';
  token: string;
  method: string | undefined;
  until: number;
}

async function readBytes(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function readBody(req: IncomingMessage): Promise<string> {
  return (await readBytes(req)).toString('utf8');
}

/** An upload's bytes: the whole body, or the file part of a multipart form (how @slack/web-api sends it). */
async function uploadedBytes(req: IncomingMessage): Promise<Buffer> {
  const body = await readBytes(req);
  const type = req.headers['content-type'] ?? '';
  if (!type.startsWith('multipart/form-data')) return body;
  const form = await new Response(body, { headers: { 'content-type': type } }).formData();
  const part = [...form.values()].find((v) => typeof v !== 'string');
  return part && typeof part !== 'string' ? Buffer.from(await part.arrayBuffer()) : Buffer.alloc(0);
}

/** A file uploaded through files.uploadV2: its name, its bytes (and them read as UTF-8 text), where it was shared. */
export interface UploadedFile {
  filename: string;
  bytes: Buffer;
  content: string;
  title?: string;
  altText?: string;
  /** Unset: shared nowhere (only the app sees it, and shows it in image blocks). */
  channel?: string;
  /** files.completeUploadExternal was called for it: only then may an image block refer to it. */
  completed: boolean;
}

/** The `slack_file` ids of a message's image blocks (and image elements) that no completed upload has, as Slack refuses them. */
function unknownSlackFiles(blocks: unknown, files: ReadonlyMap<string, UploadedFile>): string[] {
  const found: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const id = (node as { slack_file?: { id?: string } }).slack_file?.id;
      if (id !== undefined && !files.get(id)?.completed) found.push(id);
      Object.values(node).forEach(walk);
    }
  };
  walk(blocks);
  return found;
}

/** Form fields holding JSON (blocks, view, …) arrive stringified, as @slack/web-api sends them. */
function parseParams(body: string, contentType: string | undefined): Record<string, any> {
  if (!body) return {};
  if (contentType?.includes('application/json')) return JSON.parse(body) as Record<string, any>;
  const out: Record<string, any> = {};
  for (const [k, v] of new URLSearchParams(body)) {
    out[k] = /^[[{]/.test(v) ? safeJson(v) : v;
  }
  return out;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Slack's `enterprise_user` for a member of an Enterprise Grid org. */
const enterpriseUser = (u: LocalSlackUser) =>
  u.enterpriseId ? { enterprise_user: { enterprise_id: u.enterpriseId, id: u.id, teams: u.teams ?? [u.teamId] } } : {};

export class LocalSlackWebApi {
  readonly calls: SlackApiCall[] = [];
  readonly users = new Map<string, LocalSlackUser>();
  /** Channels with something to say about sharing; any other channel is an ordinary internal one. */
  readonly channels = new Map<string, LocalSlackChannel>();
  /** The bot token oauth.v2.access handed out, by workspace (or organisation, org-wide), until auth.revoke. */
  readonly installed = new Map<string, string>();
  /** The Enterprise Grid org of a workspace, as auth.test tells it (workspaces outside Grid have none). */
  readonly enterprises = new Map<string, string>();
  /** Files uploaded through files.uploadV2, by file id. */
  readonly files = new Map<string, UploadedFile>();
  private readonly failures = new Map<string, { error: string; channel: string | undefined; carriedOut: boolean }[]>();
  private readonly holds = new Map<string, (string | undefined)[]>();
  private troubles: Trouble[] = [];
  private readonly slow = new Map<string, number[]>();
  private readonly listeners = new Set<Listener>();
  private server: Server | undefined;
  /** Serves every path that is not the Web API or a response URL (the local workspace page). */
  fallback: ((req: IncomingMessage, res: ServerResponse, url: URL) => void | Promise<void>) | undefined;
  private baseUrl = '';
  private seq = 0;
  private tsCounter = 0;
  private viewCounter = 0;
  private fileCounter = 0;
  /** This run's mark in its file ids. */
  private readonly filesRun = Date.now().toString(36).toUpperCase();
  /** Where `apps.connections.open` sends a Socket Mode client (a WebSocket server of the test's). */
  socketModeUrl: string | undefined;
  /**
   * When set, chat.postMessage beyond it is refused as Slack refuses it: HTTP 429 with `Retry-After` (whole
   * seconds) and `ratelimited`, recorded like any call. Off by default, so tests run fast.
   */
  channelPostLimit: ChannelPostLimit | undefined;
  /** Each channel's posts still allowed now (a token bucket), and when that was worked out. */
  private readonly channelAllowance = new Map<string, { posts: number; at: number }>();

  /** `defaultTeamId`: the team of users not registered here (a test's passing characters). */
  constructor(
    users: LocalSlackUser[] = [],
    private readonly defaultTeamId?: string,
  ) {
    for (const u of users) this.users.set(u.id, u);
  }

  async start(port = 0, host = '127.0.0.1'): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(port, host, resolve));
    const { port: actual } = this.server.address() as AddressInfo;
    this.baseUrl = `http://${host}:${actual}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** What to give Bolt as `clientOptions.slackApiUrl`. */
  get apiUrl(): string {
    return `${this.baseUrl}/api/`;
  }

  /** A response URL for one command or interaction: posts to it are recorded as `response_url`. */
  responseUrl(id: string): string {
    return `${this.baseUrl}/response/${encodeURIComponent(id)}`;
  }

  /**
   * The next call of `method` (to `channel`, when given: other workspaces' digests post at the same moment)
   * fails with Slack's `error` code (e.g. `channel_not_found`). `carriedOut`: Slack does it all the same, and
   * answers the error (as its `fatal_error` may: "some aspect of the operation succeeded").
   */
  failNext(method: string, error: string, channel?: string, { carriedOut = false } = {}): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), { error, channel, carriedOut }]);
  }

  /**
   * The next call of `method` (to `channel`, when given) is carried out (Slack has it) but never answered: the
   * caller hangs as if the network dropped the response. Tests kill the caller then.
   */
  holdNext(method: string, channel?: string): void {
    this.holds.set(method, [...(this.holds.get(method) ?? []), channel]);
  }

  /** The next call of `method` is answered only after `ms`: Slack being slow (it is recorded when it arrives). */
  slowNext(method: string, ms: number): void {
    this.slow.set(method, [...(this.slow.get(method) ?? []), ms]);
  }

  /**
   * Until `seconds` from now, every Web API call made with `token` (of `method`, when given) is refused as Slack
   * refuses a workspace over its rate limit: HTTP 429, `Retry-After` the seconds left. Recorded like any call.
   */
  rateLimit(token: string, seconds: number, method?: string): void {
    this.troubles.push({ kind: 'ratelimited', token, method, until: performance.now() + seconds * 1000 });
  }

  /** Until `seconds` from now, every call made with `token` (of `method`) is recorded and never answered: Slack hanging. */
  hang(token: string, seconds: number, method?: string): void {
    this.troubles.push({ kind: 'hang', token, method, until: performance.now() + seconds * 1000 });
  }

  onCall(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  callsTo(method: string): SlackApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Resolves with the first call (already made or future) matching, or rejects after `timeoutMs`. */
  waitFor(match: (call: SlackApiCall) => boolean, timeoutMs = 5000): Promise<SlackApiCall> {
    const found = this.calls.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        off();
        reject(new Error(`no matching Slack API call within ${timeoutMs} ms; calls: ${this.calls.map((c) => c.method).join(', ') || 'none'}`));
      }, timeoutMs);
      const off = this.onCall((call) => {
        if (!match(call)) return;
        clearTimeout(timer);
        off();
        resolve(call);
      });
    });
  }

  /** Waits for the first call of `method` after `afterSeq` (a `seq` or `calls.length` taken earlier). */
  next(method: string, afterSeq = 0, timeoutMs?: number): Promise<SlackApiCall> {
    return this.waitFor((c) => c.method === method && c.seq > afterSeq, timeoutMs);
  }

  get lastSeq(): number {
    return this.seq;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.baseUrl);
    if (url.pathname.startsWith('/upload/')) {
      // The upload URL files.getUploadURLExternal handed out: the body is the file itself.
      const file = this.files.get(decodeURIComponent(url.pathname.slice(8)));
      if (file) {
        file.bytes = await uploadedBytes(req);
        file.content = file.bytes.toString('utf8');
      }
      res.writeHead(file ? 200 : 404).end(file ? 'OK' : 'unknown upload');
      return;
    }
    if (url.pathname.startsWith('/files-pri/')) {
      // An uploaded file as Slack's client shows it (its url_private): what the local page's image blocks load.
      const file = this.files.get(decodeURIComponent(url.pathname.slice(11)));
      if (!file?.completed) return void res.writeHead(404).end('no such file');
      const type = /\.png$/i.test(file.filename) ? 'image/png' : 'application/octet-stream';
      res.writeHead(200, { 'content-type': type, 'cache-control': 'private, no-store' }).end(file.bytes);
      return;
    }
    if (this.fallback && !url.pathname.startsWith('/api/') && !url.pathname.startsWith('/response/')) {
      await this.fallback(req, res, url);
      return;
    }
    const params = parseParams(await readBody(req), req.headers['content-type']);
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname.startsWith('/response/')) {
      const response = this.blocksRefused(params) ?? { ok: true };
      this.record({ method: 'response_url', params, token: undefined, responseUrlId: decodeURIComponent(url.pathname.slice(10)), response });
      return reply(response.ok ? 200 : 400, response);
    }
    if (!url.pathname.startsWith('/api/')) return reply(404, { ok: false, error: 'unknown_path' });
    const method = url.pathname.slice(5);
    const token = req.headers.authorization?.replace(/^Bearer /, '') ?? (params.token as string | undefined);
    const now = performance.now();
    this.troubles = this.troubles.filter((t) => t.until > now);
    // The latest trouble arranged for a call wins.
    const trouble = this.troubles.findLast((t) => t.token === token && (t.method === undefined || t.method === method));
    if (trouble?.kind === 'hang') {
      this.record({ method, params, token, response: { ok: false, error: 'hung' } });
      return;
    }
    const retryAfter = trouble
      ? Math.max(1, Math.ceil((trouble.until - now) / 1000))
      : method === 'chat.postMessage'
        ? this.postRefusedFor(String(params.channel))
        : undefined;
    if (retryAfter !== undefined) {
      this.record({ method, params, token, response: { ok: false, error: 'ratelimited' } });
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(retryAfter) });
      res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
      return;
    }
    const failures = this.failures.get(method) ?? [];
    const failing = failures.findIndex((f) => f.channel === undefined || f.channel === params.channel);
    const failure = failing >= 0 ? failures.splice(failing, 1)[0] : undefined;
    // oauth.v2.access is authenticated by the app's client id and secret, not by a token.
    const authenticated = token || (method === 'oauth.v2.access' && params.client_id && params.client_secret);
    const response =
      failure && !failure.carriedOut
        ? { ok: false, error: failure.error }
        : authenticated
          ? { ok: true, ...this.answer(method, params, token) }
          : { ok: false, error: 'not_authed' };
    this.record({ method, params, token, response, ...(failure?.carriedOut ? { failedWith: failure.error } : {}) });
    if (failure?.carriedOut) return reply(200, { ok: false, error: failure.error });
    const holds = this.holds.get(method) ?? [];
    const holding = response.ok ? holds.findIndex((channel) => channel === undefined || channel === params.channel) : -1;
    if (holding >= 0) {
      holds.splice(holding, 1);
      return;
    }
    const delay = this.slow.get(method)?.shift();
    if (delay) await new Promise((r) => setTimeout(r, delay));
    reply(200, response);
  }

  /** Under `channelPostLimit`: undefined when a post to `channel` may go now (it is counted), else the seconds to wait. */
  private postRefusedFor(channel: string): number | undefined {
    const limit = this.channelPostLimit;
    if (!limit) return undefined;
    const at = performance.now();
    const last = this.channelAllowance.get(channel) ?? { posts: limit.burst, at };
    const posts = Math.min(limit.burst, last.posts + ((at - last.at) / 1000) * limit.perSecond);
    if (posts >= 1) {
      this.channelAllowance.set(channel, { posts: posts - 1, at });
      return undefined;
    }
    this.channelAllowance.set(channel, { posts, at });
    return Math.max(1, Math.ceil((1 - posts) / limit.perSecond));
  }

  private record(call: Omit<SlackApiCall, 'seq'>): SlackApiCall {
    const recorded = { ...call, seq: ++this.seq };
    this.calls.push(recorded);
    for (const l of this.listeners) l(recorded);
    return recorded;
  }

  /** Like Slack's: seconds now, then a counter, so ts order is post order and `oldest` filters work. */
  private nextTs(): string {
    return `${Math.floor(Date.now() / 1000)}.${String(++this.tsCounter).padStart(6, '0')}`;
  }

  /** What the app posted to the channel and Slack accepted, oldest first. */
  private postedTo(channel: string) {
    return this.calls
      .filter((c) => c.method === 'chat.postMessage' && c.params.channel === channel && c.response?.ok)
      .map((c) => ({
        ts: c.response!.ts as string,
        text: c.params.text,
        blocks: c.params.blocks,
        metadata: c.params.metadata,
        thread_ts: c.params.thread_ts as string | undefined,
      }));
  }

  /** Slack's answer to a message whose image blocks refer to files it does not have (yet): `invalid_blocks`. */
  private blocksRefused(params: Record<string, any>): { ok: false; error: string; errors: string[] } | undefined {
    const unknown = unknownSlackFiles(params.blocks, this.files);
    return unknown.length > 0 ? { ok: false, error: 'invalid_blocks', errors: unknown.map((id) => `invalid slack file ${id}`) } : undefined;
  }

  private answer(method: string, params: Record<string, any>, token: string | undefined): Record<string, unknown> {
    if (method === 'chat.postMessage' || method === 'chat.postEphemeral' || method === 'chat.update') {
      const refused = this.blocksRefused(params);
      if (refused) return refused;
    }
    switch (method) {
      case 'apps.connections.open':
        return this.socketModeUrl ? { url: this.socketModeUrl } : { ok: false, error: 'not_allowed_token_type' };
      case 'auth.test': {
        // The workspace a token was installed in ("Add to Slack"), else the stand-in's own workspace.
        const team = [...this.installed].find(([, installed]) => installed === token)?.[0] ?? this.defaultTeamId ?? 'T0LOCAL';
        return { team_id: team, user_id: 'U0RAPPORT', bot_id: 'B0RAPPORT', user: 'rapport', enterprise_id: this.enterprises.get(team) ?? null };
      }
      case 'chat.postMessage':
        return { channel: params.channel, ts: this.nextTs(), message: { text: params.text, blocks: params.blocks } };
      case 'chat.postEphemeral':
        return { message_ts: this.nextTs() };
      case 'chat.getPermalink':
        return { channel: params.channel, permalink: `${this.baseUrl}/archives/${params.channel}/p${String(params.message_ts).replace('.', '')}` };
      case 'chat.update':
        return { channel: params.channel, ts: params.ts, text: params.text };
      case 'oauth.v2.access': {
        // The code Slack would have given after "Allow": here `<team id>.<installing user id>`, with
        // `.<enterprise id>` for a workspace of an Enterprise Grid organisation, and `*` as the team for an
        // org-wide install (the whole organisation: no team).
        const [team = 'T0LOCAL', user = 'U0LOCAL', enterprise] = String(params.code).split('.');
        const orgWide = team === '*' && enterprise !== undefined;
        const installedIn = orgWide ? enterprise : team;
        this.installed.set(installedIn, `xoxb-${installedIn}-${randomUUID().slice(0, 8)}`);
        return {
          access_token: this.installed.get(installedIn),
          token_type: 'bot',
          scope: 'commands,chat:write',
          bot_user_id: 'U0RAPPORT',
          app_id: 'A0RAPPORT',
          team: orgWide ? null : { id: team, name: team },
          enterprise: enterprise ? { id: enterprise, name: enterprise } : null,
          is_enterprise_install: orgWide,
          authed_user: { id: user },
        };
      }
      case 'auth.revoke':
        // The token stops being the installation's (calls with it are still answered: the stand-in accepts any).
        for (const [id, granted] of this.installed) if (granted === token) this.installed.delete(id);
        return { revoked: true };
      case 'files.getUploadURLExternal': {
        // Unique across restarts, as Slack's are: the app keeps file ids in its database (chart_files).
        const id = `F${this.filesRun}${String(++this.fileCounter).padStart(6, '0')}`;
        this.files.set(id, {
          filename: String(params.filename),
          bytes: Buffer.alloc(0),
          content: '',
          completed: false,
          // Slack documents `alt_txt`; @slack/web-api sends `alt_text`.
          ...((params.alt_text ?? params.alt_txt) ? { altText: String(params.alt_text ?? params.alt_txt) } : {}),
        });
        return { upload_url: `${this.baseUrl}/upload/${id}`, file_id: id };
      }
      case 'files.completeUploadExternal': {
        const shared = (typeof params.files === 'string' ? JSON.parse(params.files) : (params.files ?? [])) as { id: string; title?: string }[];
        for (const f of shared) {
          const file = this.files.get(f.id);
          if (file)
            Object.assign(file, {
              completed: true,
              ...(params.channel_id ? { channel: String(params.channel_id) } : {}),
              ...(f.title ? { title: f.title } : {}),
            });
        }
        return { files: shared.map((f) => ({ id: f.id, title: f.title })) };
      }
      case 'files.delete': {
        if (!this.files.delete(String(params.file))) return { ok: false, error: 'file_not_found' };
        return {};
      }
      case 'views.open':
      case 'views.push':
      case 'views.publish':
      case 'views.update': {
        const id = (params.view_id as string | undefined) ?? `V0LOCAL${++this.viewCounter}`;
        return { view: { ...(params.view as object), id, hash: `h${this.seq + 1}` } };
      }
      case 'conversations.history':
        // Top-level messages the app posted to the channel, newest first, with their metadata (digest recovery reads it).
        return {
          messages: this.postedTo(String(params.channel))
            .filter((m) => !m.thread_ts && (!params.oldest || Number(m.ts) >= Number(params.oldest)))
            .reverse(),
          has_more: false,
        };
      case 'conversations.replies': {
        // The thread's parent, then its replies oldest first; unknown parents answer like Slack.
        const posted = this.postedTo(String(params.channel));
        const parent = posted.find((m) => m.ts === params.ts);
        if (!parent) return { ok: false, error: 'thread_not_found' };
        return { messages: [parent, ...posted.filter((m) => m.thread_ts === params.ts)], has_more: false };
      }
      case 'conversations.open':
        return { channel: { id: `D${String(params.users).replace(/^U/, '')}` } };
      case 'users.list':
        return {
          members: [...this.users.values()].map((u) => ({
            id: u.id,
            name: u.name,
            team_id: u.teamId,
            is_admin: !!(u.isAdmin || u.isOwner),
            is_owner: !!u.isOwner,
            is_restricted: !!u.isRestricted || !!u.isUltraRestricted,
            is_ultra_restricted: !!u.isUltraRestricted,
            deleted: !!u.deleted,
            is_bot: false,
            ...enterpriseUser(u),
          })),
          response_metadata: { next_cursor: '' },
        };
      case 'users.info': {
        const user = this.users.get(String(params.user)) ?? {
          id: String(params.user),
          name: String(params.user).toLowerCase(),
          teamId: this.defaultTeamId ?? '',
        };
        return {
          user: {
            id: user.id,
            name: user.name,
            team_id: user.teamId,
            is_admin: !!(user.isAdmin || user.isOwner),
            is_owner: !!user.isOwner,
            is_restricted: !!user.isRestricted || !!user.isUltraRestricted,
            is_ultra_restricted: !!user.isUltraRestricted,
            deleted: !!user.deleted,
            tz: user.tz ?? 'UTC',
            ...(params.include_locale === true || params.include_locale === 'true' ? { locale: user.locale ?? 'en-US' } : {}),
            ...enterpriseUser(user),
          },
        };
      }
      case 'conversations.info': {
        const id = String(params.channel);
        const c = this.channels.get(id) ?? {};
        return {
          channel: {
            id,
            name: c.name ?? id.toLowerCase(),
            is_channel: true,
            is_ext_shared: !!c.isExtShared,
            is_pending_ext_shared: !!c.isPendingExtShared,
            is_shared: !!(c.isShared || c.isExtShared),
            is_org_shared: !!c.isOrgShared,
          },
        };
      }
      default:
        return {};
    }
  }
}
