/**
 * A client must never see or touch what Rapport says about them (shared channels with Slack Connect, guests).
 * Before any work, the acting person is checked: someone from another organisation is always refused, a guest
 * unless the workspace's admins allow guests, someone who left always. Refused means answered privately, with
 * nothing stored and nothing of the workspace's data shown. Whoever Rapport tells anything is checked by the
 * same rule (recipients.ts).
 */
import type { AnyMiddlewareArgs, App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { guestsAllowed } from '../services/workspace.js';
import { getWorkspace } from '../db/queries/workspaces.js';
import { personSettingsOf } from '../db/queries/personal.js';
import type { WorkDeps } from './deps.js';
import type { PeopleDirectory, Standing } from './people.js';
import type { Database } from '../db/client.js';
import type { HomeView, ModalView } from '@slack/types';
import { plain, section } from './blocks/kit.js';
import { sendDm } from './reply.js';
import { isTransientDatabaseError } from '../db/transient.js';
import { isRateLimited } from './slackError.js';
import type { Reader } from '../i18n/reader.js';
import { errorText } from '../log.js';
import { said, say, type Said } from '../i18n/messages.js';
import type { Locale } from '../i18n/locales.js';
import { workspaceLocale } from './readers.js';
import { lastLocale } from './lastLocale.js';

export type Body = Record<string, any>;

/** The workspace a request's data belongs to (the app's installation), as Bolt reads it for each payload type. */
export function owningTeam(body: Body): string | undefined {
  if (body.command) return body.team_id;
  if (body.event) return body.authorizations?.[0]?.team_id ?? body.team_id;
  if (body.view?.app_installed_team_id) return body.view.app_installed_team_id;
  return body.team?.id ?? body.user?.team_id;
}

/** Who acts: the person behind a command, a click, a form, a shortcut, or an event such as opening the Home tab. */
function actingUser(body: Body): string | undefined {
  if (body.command) return body.user_id;
  if (body.event) return body.event.type === 'app_home_opened' ? body.event.user : undefined;
  return body.user?.id;
}

const REFUSALS: Record<Exclude<Standing, 'member'>, Said> = {
  external: said('errors.gate.external'),
  guest: said('errors.gate.guest'),
  departed: said('errors.gate.departed'),
};

const COULD_NOT_CHECK = said('errors.gate.couldNotCheck');

/** The Enterprise Grid org a request comes from, as each payload type carries it (undefined outside Grid). */
export function enterpriseOf(body: Body): string | undefined {
  return body.enterprise?.id ?? body.team?.enterprise_id ?? body.enterprise_id ?? body.authorizations?.[0]?.enterprise_id ?? undefined;
}

/**
 * Someone the payload itself shows to be from another organisation (a Slack Connect user): no need to ask Slack.
 * In a Grid org Slack names a member's own workspace (or the org) as their team, so only Slack can tell there.
 */
const foreignByPayload = (body: Body, teamId: string) => Boolean(body.user?.team_id && body.user.team_id !== teamId && !enterpriseOf(body));

/** Who someone is to Rapport in a workspace: Slack's answer, with guests counted as members where the admins allow them. */
export async function standingIn(deps: { people: PeopleDirectory; db: Database }, client: WebClient, teamId: string, userId: string): Promise<Standing> {
  const { standing } = await deps.people.person(client, teamId, userId);
  return standing === 'guest' && (await guestsAllowed(deps.db, teamId)) ? 'member' : standing;
}

/** Why the acting person may not use Rapport here, or undefined when they may (Slack is asked who they are, cached). */
export async function refusalOf(deps: WorkDeps, client: WebClient, body: Body): Promise<Said | undefined> {
  const userId = actingUser(body);
  const teamId = owningTeam(body);
  if (!userId || !teamId) return undefined;
  let standing: Standing;
  try {
    standing = foreignByPayload(body, teamId) ? 'external' : await standingIn(deps, client, teamId, userId);
  } catch (error) {
    // The worker tries again once the database is back, or once Slack's rate limit has passed.
    if (isTransientDatabaseError(error) || isRateLimited(error)) throw error;
    // Who someone is could not be asked of Slack: nothing is shown to someone we cannot place.
    deps.logger.warn('could not tell whether someone is a member; refusing the request', { team: teamId, error: errorText(error) });
    return COULD_NOT_CHECK;
  }
  if (standing === 'member') return undefined;
  deps.logger.info('refused a request from someone who is not a full member', { team: teamId, standing });
  return REFUSALS[standing];
}

/** A refusal told by a worker, in the person's words, the way `tell` answers that kind of request (the Home tab shows it in place). */
export async function refuse(
  turn: { web: WebClient; userId: string; reader(): Promise<Reader> },
  body: Body,
  refusal: Said,
  tell: (text: string) => Promise<unknown>,
): Promise<void> {
  const text = say(await turn.reader().catch(() => 'en' as const), refusal);
  if (body.event?.type === 'app_home_opened') {
    await turn.web.views.publish({ user_id: turn.userId, view: refusalHome(text) });
    return;
  }
  await tell(text);
}

/**
 * In the receiver, before anything is stored: someone the payload shows to be from another organisation is
 * refused at once; forms, whose answer is their ack, are checked in full here, and type-ahead by its own loader
 * (frame.ts onOptions, a few at a time). Every other request is checked by the worker that takes it (asking
 * Slack has no place before an ack).
 */
export function registerMembershipGate(app: App, deps: WorkDeps): void {
  app.use(async (args) => {
    const body = args.body as Body;
    const userId = actingUser(body);
    const teamId = owningTeam(body);
    if (!userId || !teamId) return args.next();
    const refusal =
      body.type === 'view_submission'
        ? await refusalOf(deps, args.client, body).catch(() => COULD_NOT_CHECK)
        : foreignByPayload(body, teamId)
          ? REFUSALS.external
          : undefined;
    if (refusal === undefined) return args.next();
    await refuseInAck(args, args.client, userId, say(await localeInAck(deps, teamId, userId), refusal));
  });
}

/**
 * The language of a refusal in the receiver: their own or the workspace's choice (read where the ack can afford
 * it; Slack is not asked before an ack), else the one they were last answered in (Slack's word for them, when this
 * process asked), else English.
 */
async function localeInAck(deps: WorkDeps, teamId: string, userId: string): Promise<Locale> {
  const chosen = Promise.all([personSettingsOf(deps.db, { teamId, userId }), getWorkspace(deps.db, teamId)]).then(
    ([own, workspace]) => own.language ?? (workspace && workspaceLocale(workspace)) ?? undefined,
    () => undefined,
  );
  // A database slow to answer does not hold the ack: the refusal is told in the language last known.
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), SETTINGS_IN_ACK_MS)));
  const found = await Promise.race([chosen, late]).finally(() => clearTimeout(timer));
  return found ?? lastLocale(teamId, userId) ?? 'en';
}

/** How long a refusal in the receiver waits for the person's settings (Slack waits 3 s for the ack). */
const SETTINGS_IN_ACK_MS = 500;

/** Answers a refused request in the receiver, the way its kind allows, privately, and acks it. */
async function refuseInAck(args: AnyMiddlewareArgs & { client: WebClient }, client: WebClient, userId: string, text: string): Promise<void> {
  const body = args.body as Body;
  const ack = 'ack' in args ? (args.ack as (response?: unknown) => Promise<void>) : undefined;
  const respond = 'respond' in args ? (args.respond as ((message: unknown) => Promise<unknown>) | undefined) : undefined;
  if (body.command) return ack?.({ response_type: 'ephemeral', text });
  if (body.type === 'block_suggestion') return ack?.({ options: [] });
  if (body.type === 'view_submission') {
    const firstInput = (body.view?.blocks ?? []).find((b: Body) => b.type === 'input')?.block_id;
    return ack?.(firstInput ? { response_action: 'errors', errors: { [firstInput]: text } } : { response_action: 'update', view: refusalModal(text) });
  }
  await ack?.();
  if (body.event?.type === 'app_home_opened') {
    await client.views.publish({ user_id: userId, view: refusalHome(text) });
    return;
  }
  if (respond && body.response_url) {
    await respond({ response_type: 'ephemeral', replace_original: false, text });
    return;
  }
  // A shortcut or a click in a modal has nowhere to answer but a DM (to the person only).
  await sendDm(client, userId, { text });
}

const refusalModal = (text: string): ModalView => ({ type: 'modal', title: plain('Rapport'), blocks: [section(text)] });
const refusalHome = (text: string): HomeView => ({ type: 'home', blocks: [section(text)] });
