/**
 * Builds and sends the HTTP requests Slack sends to an app: slash commands, interactions and events,
 * signed with the signing secret exactly as Slack signs them. Used by tests, benchmarks and the local workspace.
 */
import { createHmac, randomBytes } from 'node:crypto';

export interface SlackActor {
  teamId: string;
  userId: string;
  channelId?: string;
  /** In an Enterprise Grid org: the org's id, carried by every payload as Slack carries it. */
  enterpriseId?: string;
  /** The team Slack names as the user's own (`user.team_id`): in Grid, their own workspace or the org. Default: `teamId`. */
  homeTeamId?: string;
}

/** The org fields of a payload from a Grid workspace, in each payload type's shape (none outside Grid). */
const gridOf = (actor: SlackActor) => (actor.enterpriseId ? { id: actor.enterpriseId, name: `${actor.enterpriseId.toLowerCase()} org` } : undefined);

export function slackSignature(signingSecret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SentRequest {
  status: number;
  /** The parsed JSON body of the ack, or the raw text, or undefined when empty. */
  body: any;
  ms: number;
}

const randomId = (prefix: string) => `${prefix}${randomBytes(6).toString('hex')}`;

export class SlackRequestSender {
  constructor(
    private readonly config: {
      /** The app's events endpoint, e.g. http://127.0.0.1:3000/slack/events. */
      url: string;
      signingSecret: string;
      /** Response URLs to hand out (the local Web API's `responseUrl`). */
      responseUrl: (id: string) => string;
      /** Seconds since the epoch; tests move it to forge stale requests. */
      now?: () => number;
    },
  ) {}

  /** Sends a raw body with Slack's headers; `tamper` lets tests break the signature or the timestamp. */
  async send(
    body: string,
    contentType: string,
    extra: { headers?: Record<string, string>; timestamp?: number; signature?: string } = {},
  ): Promise<SentRequest> {
    const ts = extra.timestamp ?? Math.floor(this.config.now?.() ?? Date.now() / 1000);
    const started = performance.now();
    const res = await fetch(this.config.url, {
      method: 'POST',
      headers: {
        'content-type': contentType,
        'x-slack-request-timestamp': String(ts),
        'x-slack-signature': extra.signature ?? slackSignature(this.config.signingSecret, ts, body),
        ...extra.headers,
      },
      body,
    });
    const text = await res.text();
    let parsed: unknown = undefined;
    if (text) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = text;
      }
    }
    return { status: res.status, body: parsed, ms: performance.now() - started };
  }

  commandBody(actor: SlackActor, command: string, text: string, ids: { triggerId?: string; responseId?: string } = {}): string {
    const responseId = ids.responseId ?? randomId('R');
    return new URLSearchParams({
      token: 'legacy-verification-token',
      team_id: actor.teamId,
      team_domain: actor.teamId.toLowerCase(),
      channel_id: actor.channelId ?? 'C0GENERAL',
      channel_name: 'general',
      user_id: actor.userId,
      user_name: actor.userId.toLowerCase(),
      command,
      text,
      api_app_id: 'A0RAPPORT',
      ...(gridOf(actor) ? { enterprise_id: gridOf(actor)!.id, enterprise_name: gridOf(actor)!.name } : {}),
      is_enterprise_install: 'false',
      response_url: this.config.responseUrl(responseId),
      trigger_id: ids.triggerId ?? randomId('13345224609.'),
    }).toString();
  }

  command(actor: SlackActor, command: string, text: string, ids?: { triggerId?: string; responseId?: string }) {
    return this.send(this.commandBody(actor, command, text, ids), 'application/x-www-form-urlencoded');
  }

  /** An interactive payload (`block_actions`, `view_submission`, `block_suggestion`, …) with the common fields filled. */
  interactionBody(actor: SlackActor, payload: Record<string, unknown>): string {
    const grid = gridOf(actor);
    const full = {
      team: { id: actor.teamId, domain: actor.teamId.toLowerCase(), ...(grid ? { enterprise_id: grid.id, enterprise_name: grid.name } : {}) },
      ...(grid ? { enterprise: grid } : {}),
      user: { id: actor.userId, username: actor.userId.toLowerCase(), team_id: actor.homeTeamId ?? actor.teamId },
      api_app_id: 'A0RAPPORT',
      token: 'legacy-verification-token',
      trigger_id: randomId('13345224609.'),
      is_enterprise_install: false,
      ...payload,
    };
    return new URLSearchParams({ payload: JSON.stringify(full) }).toString();
  }

  interaction(actor: SlackActor, payload: Record<string, unknown>, extra?: Parameters<SlackRequestSender['send']>[2]) {
    return this.send(this.interactionBody(actor, payload), 'application/x-www-form-urlencoded', extra);
  }

  /** A button or select in a message (`message` given) or in a view (`view` given). */
  blockAction(
    actor: SlackActor,
    action: { action_id: string; block_id?: string; value?: string; selected_option?: { value: string }; type?: string },
    where: { message?: { ts: string; blocks?: unknown[] }; channelId?: string; view?: Record<string, unknown> } = {},
  ) {
    const responseId = randomId('R');
    return this.interaction(actor, {
      type: 'block_actions',
      container: where.view
        ? { type: 'view', view_id: where.view.id }
        : {
            type: 'message',
            message_ts: where.message?.ts ?? '1.000',
            channel_id: where.channelId ?? actor.channelId ?? 'C0GENERAL',
            is_ephemeral: !where.message,
          },
      ...(where.view
        ? { view: where.view }
        : { channel: { id: where.channelId ?? actor.channelId ?? 'C0GENERAL' }, message: where.message ?? { ts: '1.000', blocks: [] } }),
      response_url: where.view ? undefined : this.config.responseUrl(responseId),
      actions: [{ type: action.type ?? 'button', block_id: action.block_id ?? 'b', action_ts: String(Date.now() / 1000), ...action }],
    });
  }

  /** Submits a modal the app opened, with `values` as `{ block_id: { action_id: value } }` in Slack's state shape. */
  viewSubmission(
    actor: SlackActor,
    view: Record<string, any>,
    values: Record<string, Record<string, unknown>>,
    extra?: Parameters<SlackRequestSender['send']>[2],
  ) {
    return this.interaction(
      actor,
      {
        type: 'view_submission',
        view: { team_id: actor.teamId, type: 'modal', hash: 'h1', ...view, state: { values } },
        response_urls: [],
      },
      extra,
    );
  }

  /** An external select asking for options (the client picker's type-ahead). */
  options(actor: SlackActor, input: { action_id: string; block_id: string; value: string; view?: Record<string, unknown> }) {
    return this.interaction(actor, { type: 'block_suggestion', ...input, view: input.view });
  }

  event(teamId: string, event: Record<string, unknown>, extra?: Parameters<SlackRequestSender['send']>[2] & { enterpriseId?: string }) {
    const body = JSON.stringify({
      token: 'legacy-verification-token',
      team_id: teamId,
      ...(extra?.enterpriseId
        ? {
            enterprise_id: extra.enterpriseId,
            authorizations: [{ enterprise_id: extra.enterpriseId, team_id: teamId, user_id: 'U0RAPPORT', is_bot: true, is_enterprise_install: false }],
          }
        : {}),
      api_app_id: 'A0RAPPORT',
      type: 'event_callback',
      event_id: randomId('Ev'),
      event_time: Math.floor(Date.now() / 1000),
      event,
    });
    return this.send(body, 'application/json', extra);
  }
}

/**
 * "Add to Slack" as a browser goes through it, against the app at `appOrigin`: its install page (a state, and
 * the cookie that goes with it), then Slack's redirect back with `code` (the stand-in's `<team>.<user>`).
 */
export async function installByOAuth(appOrigin: string, code: string): Promise<Response> {
  const page = await fetch(`${appOrigin}/slack/install`, { redirect: 'manual' });
  const html = await page.text();
  const state = /[?&](?:amp;)?state=([^"&]+)/.exec(html)?.[1];
  if (!state) throw new Error(`the install page carries no state: ${html.slice(0, 200)}`);
  const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0]!;
  return fetch(`${appOrigin}/slack/oauth_redirect?code=${encodeURIComponent(code)}&state=${state}`, { headers: { cookie }, redirect: 'manual' });
}
