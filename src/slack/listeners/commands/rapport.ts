/** `/rapport help | settings …`: settings are shown to anyone and changed by workspace admins only. */
import { answerCommand, helpAck } from './answer.js';
import type { App } from '@slack/bolt';
import type { Catalogue } from '../../../domain/catalogue.js';
import { RapportError } from '../../../domain/errors.js';
import type { WorkspaceSettingsPatch } from '../../../domain/inputs.js';
import { latestDigest, type Digest } from '../../../db/queries/digests.js';
import { updateWorkspaceSettings, type Workspace } from '../../../db/queries/workspaces.js';
import { digestRefusalAdvice } from '../../../digest/compose.js';
import { context, section, type Block } from '../../blocks/kit.js';
import { workspaceContext, type SlackDeps } from '../../deps.js';
import { COMMANDS } from '../../ids.js';
import { channelFromMention, usageError, USAGE } from '../../parse/commandText.js';
import { formatDay } from '../../blocks/text.js';
import { replyEphemeral } from '../../reply.js';

const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

const capitalised = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** The latest digest week as one line: posted when, or why not yet. */
function lastDigestLine(digest: Digest | undefined, timeZone: string): string {
  if (!digest) return 'Last digest: _none yet_';
  if (digest.status === 'posted') return `Last digest: week of ${digest.week}, posted ${digest.postedAt ? formatDay(digest.postedAt, timeZone) : ''}`.trimEnd();
  if (!digest.lastError) return `Last digest: week of ${digest.week}, being posted`;
  const tries = digest.attempts === 1 ? '1 attempt' : `${digest.attempts} attempts`;
  return `Last digest: week of ${digest.week}, *not posted* (${tries}). ${digestRefusalAdvice(digest.lastError, digest.channelId)}`;
}

function settingsBlocks(workspace: Workspace, catalogue: Catalogue, last: Digest | undefined): Block[] {
  const t = catalogue.thresholds;
  const criteria = Object.entries(t.criteria)
    .map(([kind, rule]) => `${kind}: ${rule.count} ${rule.windowDays === null ? 'ever' : `in ${rule.windowDays} d`}`)
    .join(' · ');
  return [
    section(
      [
        '*Rapport settings*',
        `Digest: ${workspace.digestChannelId ? `<#${workspace.digestChannelId}>` : '_no channel yet_'}, ${capitalised(DAYS[workspace.digestDay] ?? '')} ${workspace.digestTime} (${workspace.timeZone})`,
        lastDigestLine(last, workspace.timeZone),
        `Health: half-life ${t.health.halfLifeDays} d, healthy ≥ ${t.health.healthyFrom}, at risk < ${t.health.atRiskBelow}`,
        `Turned bad: drop ${t.turnedBad.dropPoints} (VIP ${t.turnedBad.vipDropPoints}), flip ${t.turnedBad.flipRecentCount} in ${t.turnedBad.flipRecentDays} d after ${t.turnedBad.flipPriorDays} d`,
        `Gone quiet: ${t.goneQuietDays} d · snooze ${t.snoozeDays} d`,
        `Criteria: ${criteria}`,
      ].join('\n'),
    ),
    context(`Change (admins): \`${USAGE.settings}\`, e.g. \`/rapport settings threshold goneQuietDays 21\` or \`threshold criteria.slow_payment.count 2\`.`),
  ];
}

/** The settings as `/rapport settings` shows them, with the latest digest's state. */
async function settingsView(deps: SlackDeps, ctx: { workspace: Workspace; catalogue: Catalogue }): Promise<Block[]> {
  return settingsBlocks(ctx.workspace, ctx.catalogue, await latestDigest(deps.db, ctx.workspace.teamId));
}

/** `health.halfLifeDays 14` → { health: { halfLifeDays: 14 } }; `ever` means no window. */
function thresholdPatch(path: string, raw: string): Record<string, unknown> {
  if (!/^[a-zA-Z_]+(\.[a-zA-Z_]+){0,2}$/.test(path)) throw usageError(`\`${path}\` is not a threshold name.`, USAGE.settings);
  const value = /^(ever|none|null)$/i.test(raw) ? null : Number(raw);
  if (value !== null && !Number.isFinite(value)) throw usageError(`\`${raw}\` is not a number.`, USAGE.settings);
  return path.split('.').reduceRight<unknown>((inner, key) => ({ [key]: inner }), value) as Record<string, unknown>;
}

function settingsPatch(workspace: Workspace, words: string[]): WorkspaceSettingsPatch {
  const [what = '', ...rest] = words;
  const value = rest.join(' ');
  switch (what.toLowerCase()) {
    case 'channel': {
      const channel = channelFromMention(value);
      if (!channel) throw usageError('Mention the channel with # (pick it from the list).', USAGE.settings);
      return { digestChannelId: channel };
    }
    case 'day': {
      const day = DAYS.findIndex((d) => d.startsWith(value.toLowerCase()) && value.length >= 2);
      if (day < 0) throw usageError(`\`${value}\` is not a day of the week.`, USAGE.settings);
      return { digestDay: day };
    }
    case 'time':
      return { digestTime: value };
    case 'timezone':
    case 'tz':
      return { timeZone: value };
    case 'threshold': {
      const [path = '', raw = ''] = rest;
      const current = (workspace.settings.thresholds ?? {}) as Record<string, unknown>;
      return { settings: { ...workspace.settings, thresholds: mergeDeep(current, thresholdPatch(path, raw)) } };
    }
    default:
      throw usageError(`I can't change \`${what}\`.`, USAGE.settings);
  }
}

function mergeDeep(base: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const out = { ...base };
  for (const [k, v] of Object.entries(patch)) {
    const b = out[k];
    out[k] = v && typeof v === 'object' && b && typeof b === 'object' ? mergeDeep(b as Record<string, unknown>, v as Record<string, unknown>) : v;
  }
  return out;
}

export function registerRapportCommand(app: App, deps: SlackDeps): void {
  app.command(COMMANDS.rapport, async ({ command, ack, respond, client }) => {
    const words = command.text.trim().split(/\s+/).filter(Boolean);
    const sub = (words[0] ?? 'help').toLowerCase();
    if (sub === 'digest') return digestCommand(deps, { command, ack, respond, client }, words.slice(1));
    if (sub !== 'settings') {
      await ack(helpAck('rapport', 'Rapport help'));
      return;
    }
    await ack();
    await answerCommand(deps, { command, respond, client }, async (target) => {
      const ctx = await workspaceContext(deps, command.team_id);
      if (words.length === 1) {
        await replyEphemeral(target, { text: 'Rapport settings', blocks: await settingsView(deps, ctx) });
        return;
      }
      if (!(await deps.admins.isAdmin(client, command.team_id, command.user_id))) {
        throw new RapportError('forbidden', 'Only workspace admins can change Rapport’s settings. Ask an admin, or see them with `/rapport settings`.');
      }
      const updated = await updateWorkspaceSettings(deps.db, command.team_id, command.user_id, settingsPatch(ctx.workspace, words.slice(1)));
      const after = await workspaceContext(deps, updated.teamId);
      await replyEphemeral(target, { text: 'Settings saved.', blocks: [section('✅ Saved.'), ...(await settingsView(deps, after))] });
    });
  });
}

type CommandArgs = Pick<Parameters<Parameters<App['command']>[1]>[0], 'command' | 'ack' | 'respond' | 'client'>;

/** `/rapport digest preview` (anyone, ephemeral) and `/rapport digest now [--force]` (admins). */
async function digestCommand(deps: SlackDeps, { command, ack, respond, client }: CommandArgs, words: string[]): Promise<void> {
  await ack();
  const [what = ''] = words;
  const force = words.slice(1).some((w) => /^(--force|force)$/i.test(w));
  await answerCommand(deps, { command, respond, client }, async (target) => {
    if (what === 'preview') {
      const pages = await deps.digest.preview(command.team_id);
      const blocks = pages.flatMap((p) => p.blocks);
      await replyEphemeral(target, { text: pages[0]?.text ?? 'Digest preview', blocks: [context('_Preview of this week so far: only you can see it._'), ...blocks] });
      return;
    }
    if (what !== 'now') throw usageError(`I don't know \`/rapport digest ${what}\`.`, '/rapport digest preview | /rapport digest now [--force]');
    if (!(await deps.admins.isAdmin(client, command.team_id, command.user_id))) {
      throw new RapportError('forbidden', 'Only workspace admins can post the digest by hand. `/rapport digest preview` shows it to you.');
    }
    const outcome = await deps.digest.postNow(command.team_id, command.user_id, force);
    const text: Record<typeof outcome.status, string> = {
      posted: '✅ Digest posted.',
      already_posted: 'This week’s digest was already posted. Add `--force` to post it again (recorded in the audit log).',
      claimed_elsewhere: 'Another Rapport instance is posting this week’s digest right now.',
      failed: `Slack refused the digest. ${outcome.status === 'failed' ? digestRefusalAdvice(outcome.error, outcome.channelId) : ''}`,
      will_retry:
        `The last attempt failed. ${outcome.status === 'will_retry' ? digestRefusalAdvice(outcome.error, outcome.channelId) : ''} ` +
        'Rapport tries again by itself within a couple of minutes: once that is fixed, there is nothing else to do.',
      no_channel: 'No digest channel yet: `/rapport settings channel #channel` sets one.',
    };
    await replyEphemeral(target, { text: text[outcome.status] });
  });
}
