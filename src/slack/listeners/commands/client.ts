/** `/client add | show | list | find | set | next | link | unlink | delete | help`. */
import type { App } from '@slack/bolt';
import { DEFAULT_CATALOGUE } from '../../../domain/catalogue.js';
import type { ClientPatch, ProposedChange } from '../../../domain/inputs.js';
import { quoteCode } from '../../../domain/mrkdwn.js';
import { accentFreeKey, nameKey, unquoteName } from '../../../domain/names.js';
import { clientOverview } from '../../../services/clientActivity.js';
import { addClient, clientFromWords, clientNamed, correctClient, linkChannelToClient } from '../../../services/clients.js';
import { clientStandings } from '../../../services/portfolio.js';
import { addNextStep } from '../../../services/nextSteps.js';
import { localDate } from '../../../domain/calendar.js';
import { nextStepSetMessage } from '../../blocks/nextSteps.js';
import { clientAddedBlocks, clientChangedReply, clientListBlocks, clientListTitle, clientOverviewBlocks, lookAlikeBlocks } from '../../blocks/clients.js';
import { proposedText } from '../../blocks/fate.js';
import { clientEraseModal } from '../../blocks/modals.js';
import { requireDecider } from '../../authorise.js';
import { helpResponse } from '../../blocks/help.js';
import { section } from '../../blocks/kit.js';
import { escapeName, plural } from '../../blocks/text.js';
import type { SlackDeps } from '../../deps.js';
import { decideOrPropose, tellConcerned } from '../../fate.js';
import { requireMember } from '../../recipients.js';
import { onCommand, type Turn } from '../../frame.js';
import { COMMANDS } from '../../ids.js';
import {
  parseClientAdd,
  parseClientListFilter,
  parseClientSetValue,
  parseNextStepArgs,
  splitClientSet,
  tokenize,
  usageError,
  USAGE,
  type Token,
} from '../../parse/commandText.js';

/** The owner, status or category of a patch: changes of a client's fate, decided by its owner or an admin. */
function fateChangeOf(patch: ClientPatch): ProposedChange | undefined {
  if (patch.ownerUserId !== undefined) return { kind: 'owner', ownerUserId: patch.ownerUserId };
  if (patch.status !== undefined) return { kind: 'status', status: patch.status };
  if (patch.category !== undefined) return { kind: 'category', category: patch.category };
  return undefined;
}

type Subcommand = (turn: Turn, argsText: string, tokens: Token[], words: string[]) => Promise<void>;

function subcommands(deps: SlackDeps): Record<string, Subcommand> {
  return {
    add: async (turn, argsText, tokens) => {
      const args = parseClientAdd(argsText, tokens, (await turn.reader()).locale);
      if (args.ownerUserId) await requireMember(deps, turn.web, turn.teamId, args.ownerUserId, 'owner');
      // Whoever registers a client owns it until someone else is named: red flags always reach a person.
      const withOwner = { ...args, ownerUserId: args.ownerUserId ?? turn.userId };
      const added = await addClient(deps.db, turn.act, withOwner);
      await turn.reply(
        added.client
          ? { text: `Client ${escapeName(added.client.name)} added.`, blocks: clientAddedBlocks(added.client, !args.ownerUserId) }
          : { text: added.message, blocks: lookAlikeBlocks(added.message, { op: 'add', args: withOwner }) },
      );
    },
    next: async (turn, argsText, tokens) => {
      if (tokens.length === 0) throw usageError('Which client, and what is the next step?', USAGE.clientNext);
      const act = await turn.actIn();
      const { client, used } = await clientFromWords(
        deps.db,
        act,
        tokens.map((t) => t.value),
      );
      const today = localDate(turn.now, act.timeZone);
      const args = parseNextStepArgs(argsText, tokens.slice(used), today, (await turn.reader()).locale);
      if (args.assigneeUserId) await requireMember(deps, turn.web, turn.teamId, args.assigneeUserId, 'assignee');
      const step = await addNextStep(deps.db, act, { client, ...args, source: 'client' });
      await turn.reply(nextStepSetMessage(step, today, turn.userId));
    },
    link: async (turn, _argsText, tokens) => {
      if (tokens.length === 0) throw usageError('Which client is this channel about?', USAGE.clientLink);
      if (!turn.channelId) throw usageError('Run it in the channel you talk to the client in.', USAGE.clientLink);
      const found = await clientNamed(deps.db, turn.act, tokens.map((t) => t.value).join(' '));
      await linkChannelToClient(deps.db, turn.act, turn.channelId, found);
      await turn.reply({
        text: `🔗 <#${turn.channelId}> is about ${escapeName(found.name)} now.`,
        blocks: [
          section(`🔗 <#${turn.channelId}> is about *${escapeName(found.name)}* now: \`/call\`, \`/incident\` and “Log to Rapport” here pick it for you.`),
        ],
      });
    },
    unlink: async (turn) => {
      if (!turn.channelId) throw usageError('Run it in the channel to unlink.', USAGE.clientLink);
      await linkChannelToClient(deps.db, turn.act, turn.channelId, null);
      await turn.reply({ text: `<#${turn.channelId}> is no longer about one client.` });
    },
    delete: async (turn, _argsText, tokens) => {
      if (tokens.length === 0) throw usageError('Which client?', USAGE.clientDelete);
      const found = await clientNamed(deps.db, await turn.actIn(), tokens.map((t) => t.value).join(' '));
      await requireDecider(turn, found, { action: 'delete' });
      await turn.openModal(clientEraseModal({ client: found, channelId: turn.channelId ?? null }));
    },
    show: async (turn, _argsText, tokens) => {
      if (tokens.length === 0) throw usageError('Which client?', USAGE.clientShow);
      const act = await turn.actIn();
      const found = await clientNamed(deps.db, act, tokens.map((t) => t.value).join(' '));
      const overview = await clientOverview(deps.db, act, found);
      await turn.reply({
        text: `${escapeName(found.name)}: health ${overview.health.score}`,
        blocks: clientOverviewBlocks(act.catalogue, overview, turn.now, act.timeZone),
      });
    },
    list: async (turn, _argsText, _tokens, words) => {
      const filter = parseClientListFilter(words, turn.userId, (await turn.reader()).locale);
      const act = await turn.actIn();
      const standings = await clientStandings(deps.db, act, { ownerUserId: filter.ownerUserId, includeExited: filter.status === 'exited' });
      const lines = standings.filter(
        (l) =>
          (!filter.category || l.client.category === filter.category) &&
          (!filter.band || (l.health.known && l.health.band === filter.band)) &&
          (!filter.status || l.client.status === filter.status),
      );
      await turn.reply({ text: plural(lines.length, 'client'), blocks: clientListBlocks(lines, clientListTitle(filter, turn.userId)) });
    },
    find: async (turn, argsText, tokens) => {
      if (tokens.length === 0) throw usageError('Find what? Give part of a name.', USAGE.clientFind);
      const act = await turn.actIn();
      // Accent-free too: `isik` finds Işık.
      const typed = accentFreeKey(nameKey(argsText));
      const lines = (await clientStandings(deps.db, act, { includeExited: true })).filter((l) => accentFreeKey(nameKey(l.client.name)).includes(typed));
      await turn.reply({
        text: `${plural(lines.length, 'client')} found`,
        blocks: clientListBlocks(lines, `Clients whose name contains “${escapeName(argsText)}”`),
      });
    },
    set: async (turn, argsText, tokens) => {
      const { nameTokens, field, valueTokens } = splitClientSet(tokens, (await turn.reader()).locale);
      const { client: found, used } = await clientFromWords(
        deps.db,
        turn.act,
        nameTokens.map((t) => t.value),
      );
      // The name is all the words before the field: fewer is no match ("did you mean" comes with the refusal).
      if (used !== nameTokens.length) await clientNamed(deps.db, turn.act, nameTokens.map((t) => t.value).join(' '));
      const patch = parseClientSetValue(field, valueTokens, unquoteName(argsText.slice(valueTokens[0]!.start)), (await turn.reader()).locale);
      const change = fateChangeOf(patch);
      if (change) {
        const result = await decideOrPropose(turn, found, change);
        await tellConcerned(turn, found, result);
        await turn.reply(
          result.outcome
            ? clientChangedReply(result.outcome.after, field)
            : { text: proposedText(found, change), blocks: [section(`📝 ${proposedText(found, change)}`)] },
        );
        return;
      }
      const corrected = await correctClient(deps.db, turn.act, found.id, patch);
      await turn.reply(
        corrected.client
          ? clientChangedReply(corrected.client, field)
          : { text: corrected.message, blocks: lookAlikeBlocks(corrected.message, { op: 'rename', clientId: found.id, name: patch.name ?? found.name }) },
      );
    },
  };
}

export function registerClientCommand(app: App, deps: SlackDeps): void {
  const run = subcommands(deps);
  onCommand(app, deps, COMMANDS.client, {
    inAck: (text) => (!text || /^(help|\?)$/i.test(text.split(/\s+/)[0]!) ? helpResponse('client', DEFAULT_CATALOGUE) : undefined),
    run: async (turn, text) => {
      const [sub = '', ...words] = text.split(/\s+/);
      const argsText = text.slice(sub.length).trim();
      const handler = run[sub.toLowerCase()];
      if (!handler) {
        throw usageError(
          `I don't know ${quoteCode(`/client ${sub}`)}.`,
          `${USAGE.clientAdd} | ${USAGE.clientShow} | ${USAGE.clientList} | ${USAGE.clientFind} | ${USAGE.clientSet} | ${USAGE.clientNext} | ${USAGE.clientLink} | ${USAGE.clientDelete}`,
        );
      }
      await handler(turn, argsText, tokenize(argsText), words);
    },
  });
}
