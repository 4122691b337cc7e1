/** `/client add | show | list | find | renewals | set | next | link | unlink | delete | help`. */
import type { App } from '@slack/bolt';
import { DEFAULT_CATALOGUE } from '../../../domain/catalogue.js';
import type { ClientPatch, ProposedChange } from '../../../domain/inputs.js';
import { quoteCode } from '../../../domain/mrkdwn.js';
import { accentFreeKey, nameKey, unquoteName } from '../../../domain/names.js';
import { clientOverview } from '../../../services/clientActivity.js';
import { addClient, correctClient, linkChannelToClient } from '../../../services/clients.js';
import { findClientByName } from '../../../db/queries/clients.js';
import { clientStandings } from '../../../services/portfolio.js';
import { addNextStep } from '../../../services/nextSteps.js';
import { localDate } from '../../../domain/calendar.js';
import { nextStepSetMessage } from '../../blocks/nextSteps.js';
import { defaultReviewOn } from '../../../domain/outcomes.js';
import { tellAssignee } from '../../notify.js';
import { usageIn } from '../../parse/commandText.js';
import type { Reader } from '../../../i18n/reader.js';
import {
  clientAddedBlocks,
  clientAddedText,
  clientChangedReply,
  clientListBlocks,
  clientListTitle,
  clientOverviewBlocks,
  lookAlikeBlocks,
} from '../../blocks/clients.js';
import { proposedText } from '../../blocks/fate.js';
import { showChartAfter, showClientHealthChart } from '../../chartFiles.js';
import { renewalsAhead, renewalsAlt, renewalsPicture, renewalsSpec } from '../../../charts/renewals.js';
import { renewalsBlocks, renewalsText } from '../../blocks/renewals.js';
import { cadenceSetReply } from '../../blocks/cadence.js';
import { clientEraseModal, decisionModal } from '../../blocks/modals.js';
import { isDecider, requireDecider } from '../../authorise.js';
import { tellOwnerOfCorrection } from '../actions/clientName.js';
import { helpMessage, isHelpWord } from '../../blocks/help.js';
import { section } from '../../blocks/kit.js';
import { md, said, t } from '../../../i18n/messages.js';
import { RapportError } from '../../../domain/errors.js';
import { decideOrPropose, tellConcerned } from '../../fate.js';
import { requireMember } from '../../recipients.js';
import { onCommand, type Turn, type SlackDeps } from '../../frame.js';
import { COMMANDS } from '../../ids.js';
import {
  categoryReasonAfter,
  parseClientAdd,
  parseClientListFilter,
  parseClientSetValue,
  parseNextStepArgs,
  splitClientSet,
  tokenize,
  USAGE,
  type Token,
} from '../../parse/commandText.js';

/** The owner, status or category of a patch: changes of a client's fate, decided by its owner or an admin. */
function fateChangeOf(patch: ClientPatch, reason: string | null): ProposedChange | undefined {
  if (patch.ownerUserId !== undefined) return { kind: 'owner', ownerUserId: patch.ownerUserId };
  if (patch.status !== undefined) return { kind: 'status', status: patch.status };
  if (patch.category !== undefined) return { kind: 'category', category: patch.category, reason };
  return undefined;
}

/** A question back (which client? which channel?) with the usage line, in the person's words. */
const asked = (
  reader: Reader,
  key: 'client.ask.next' | 'client.ask.link' | 'client.ask.inChannel' | 'client.ask.unlinkChannel' | 'client.ask.which' | 'client.ask.find',
  usage: keyof typeof USAGE,
) => new RapportError('invalid_input', said(key, { usage: md(`\`${usageIn(reader, usage)}\``) }));

type Subcommand = (turn: Turn, argsText: string, tokens: Token[], words: string[]) => Promise<void>;

function subcommands(deps: SlackDeps): Record<string, Subcommand> {
  return {
    add: async (turn, argsText, tokens) => {
      const args = parseClientAdd(argsText, tokens, (await turn.reader()).locale);
      if (args.ownerUserId) await requireMember(deps, turn.web, turn.teamId, args.ownerUserId, 'owner');
      // Whoever registers a client owns it until someone else is named: red flags always reach a person.
      const withOwner = { ...args, ownerUserId: args.ownerUserId ?? turn.userId };
      const added = await addClient(deps.db, turn.act, withOwner);
      const reader = await turn.reader();
      await turn.reply(
        added.client
          ? { text: clientAddedText(added.client, reader), blocks: clientAddedBlocks(added.client, !args.ownerUserId, reader) }
          : { text: added.message, blocks: lookAlikeBlocks(added.message, { op: 'add', args: withOwner }, reader) },
      );
    },
    next: async (turn, argsText, tokens) => {
      if (tokens.length === 0) throw asked(await turn.reader(), 'client.ask.next', 'clientNext');
      const { client, used } = await turn.clientFromWords(tokens.map((t) => t.value));
      const act = await turn.actIn();
      const today = localDate(turn.now, act.timeZone);
      const args = parseNextStepArgs(argsText, tokens.slice(used), today, (await turn.reader()).locale);
      if (args.assigneeUserId) await requireMember(deps, turn.web, turn.teamId, args.assigneeUserId, 'assignee');
      const step = await addNextStep(deps.db, act, { client, ...args, source: 'client' });
      await turn.reply(nextStepSetMessage(step, today, turn.userId, await turn.reader()));
      await tellAssignee(turn, step);
    },
    link: async (turn, _argsText, tokens) => {
      if (tokens.length === 0) throw asked(await turn.reader(), 'client.ask.link', 'clientLink');
      if (!turn.channelId) throw asked(await turn.reader(), 'client.ask.inChannel', 'clientLink');
      const found = await turn.clientNamed(tokens.map((t) => t.value).join(' '));
      await linkChannelToClient(deps.db, turn.act, turn.channelId, found);
      const reader = await turn.reader();
      const channel = md(`<#${turn.channelId}>`);
      await turn.reply({
        text: t(reader, 'client.linkText', { channel, name: found.name }),
        blocks: [section(t(reader, 'client.link', { channel, name: found.name }))],
      });
    },
    unlink: async (turn) => {
      if (!turn.channelId) throw asked(await turn.reader(), 'client.ask.unlinkChannel', 'clientLink');
      await linkChannelToClient(deps.db, turn.act, turn.channelId, null);
      await turn.reply({ text: t(await turn.reader(), 'client.unlinked', { channel: md(`<#${turn.channelId}>`) }) });
    },
    delete: async (turn, _argsText, tokens) => {
      if (tokens.length === 0) throw asked(await turn.reader(), 'client.ask.which', 'clientDelete');
      const found = await turn.clientNamed(tokens.map((t) => t.value).join(' '));
      await requireDecider(turn, found, { action: 'delete' });
      await turn.openModal(clientEraseModal({ reader: await turn.reader(), client: found, channelId: turn.channelId ?? null }));
    },
    show: async (turn, _argsText, tokens) => {
      if (tokens.length === 0) throw asked(await turn.reader(), 'client.ask.which', 'clientShow');
      const found = await turn.clientNamed(tokens.map((t) => t.value).join(' '));
      const act = await turn.actIn();
      const overview = await clientOverview(deps.db, act, found);
      const reader = await turn.reader();
      await turn.reply({
        text: t(reader, 'client.showText', { name: found.name, score: overview.health.score }),
        blocks: clientOverviewBlocks(act.catalogue, overview, turn.now, reader),
      });
      await showClientHealthChart(turn, act.catalogue, overview, reader);
    },
    renewals: async (turn) => {
      const act = await turn.actIn();
      const { today } = await turn.workspace();
      const renewals = renewalsAhead(await clientStandings(deps.db, act), today);
      const reader = await turn.reader();
      await turn.reply({ text: renewalsText(renewals, reader), blocks: renewalsBlocks(renewals, reader) });
      if (renewals.length > 0)
        await showChartAfter(turn, renewalsSpec(renewals, today, reader), renewalsPicture(renewals, reader), renewalsAlt(renewals, reader, t));
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
      const reader = await turn.reader();
      await turn.reply({
        text: t(reader, 'client.count', { count: lines.length }),
        blocks: clientListBlocks(lines, clientListTitle(filter, turn.userId, reader), reader),
      });
    },
    find: async (turn, argsText, tokens) => {
      if (tokens.length === 0) throw asked(await turn.reader(), 'client.ask.find', 'clientFind');
      const act = await turn.actIn();
      // Accent-free too: `isik` finds Işık.
      const typed = accentFreeKey(nameKey(argsText));
      const lines = (await clientStandings(deps.db, act, { includeExited: true })).filter((l) => accentFreeKey(nameKey(l.client.name)).includes(typed));
      const reader = await turn.reader();
      await turn.reply({
        text: t(reader, 'client.found', { count: lines.length }),
        blocks: clientListBlocks(lines, t(reader, 'client.title.find', { typed: argsText }), reader),
      });
    },
    set: async (turn, argsText, tokens) => {
      const reader = await turn.reader();
      const { nameTokens, field, valueTokens } = splitClientSet(tokens, reader.locale);
      const act = await turn.actIn();
      const { client: found, used } = await turn.clientFromWords(nameTokens.map((t) => t.value));
      // The name is all the words before the field: fewer is no match ("did you mean" comes with the refusal).
      if (used !== nameTokens.length) await findClientByName(deps.db, { teamId: turn.teamId, name: nameTokens.map((t) => t.value).join(' ') });
      const patch = parseClientSetValue(field, valueTokens, unquoteName(argsText.slice(valueTokens[0]!.start)), reader.locale);
      if (field === 'cadence') return turn.reply(cadenceSetReply(reader, act.catalogue, (await correctClient(deps.db, act, found.id, patch)).client ?? found));
      // Whatever follows a category is why (`/client set acme category problem Paid late three times`).
      const change = fateChangeOf(patch, field === 'category' ? categoryReasonAfter(argsText, valueTokens) : null);
      // An exit is said before it is done, in the form every other exit path opens (decided, or proposed).
      if (change?.kind === 'status' && change.status === 'exited') {
        const proposing = !(await isDecider(turn, found));
        // Nobody to propose it to: refused now, as the form's submission would be (slack/fate.ts).
        if (proposing && !found.ownerUserId) throw new RapportError('forbidden', said('errors.fate.noOwner', { name: found.name }));
        const { today } = await turn.workspace();
        await turn.openModal(
          decisionModal({
            reader,
            clientId: found.id,
            digestId: null,
            kind: 'start_exit',
            channelId: turn.channelId,
            client: found,
            proposing,
            reviewOn: defaultReviewOn(today),
          }),
        );
        return;
      }
      if (change) {
        const result = await decideOrPropose(turn, found, change);
        await turn.reply(
          result.outcome
            ? clientChangedReply(result.outcome.after, field, reader)
            : { text: proposedText(found, change, reader), blocks: [section(`📝 ${proposedText(found, change, reader)}`)] },
        );
        // Told last: a retry after a failed reply would tell them again (one DM per decision per person).
        await tellConcerned(turn, found, result);
        return;
      }
      const corrected = await correctClient(deps.db, act, found.id, patch);
      await turn.reply(
        corrected.client
          ? clientChangedReply(corrected.client, field, reader)
          : {
              text: corrected.message,
              blocks: lookAlikeBlocks(corrected.message, { op: 'rename', clientId: found.id, name: patch.name ?? found.name }, reader),
            },
      );
      await tellOwnerOfCorrection(turn, corrected.notice);
    },
  };
}

export function registerClientCommand(app: App, deps: SlackDeps): void {
  const run = subcommands(deps);
  onCommand(app, deps, COMMANDS.client, {
    // Help is answered by the work, not in the ack: it is fast, and it is written in the person's language.
    run: async (turn, text) => {
      const [sub = '', ...words] = text.split(/\s+/);
      if (!text || isHelpWord(sub)) return turn.reply(helpMessage('client', DEFAULT_CATALOGUE, await turn.reader()));
      const argsText = text.slice(sub.length).trim();
      const handler = run[sub.toLowerCase()];
      if (!handler) {
        const reader = await turn.reader();
        throw new RapportError(
          'invalid_input',
          said('client.unknownSub', {
            command: md(quoteCode(`/client ${sub}`)),
            usage: md(
              `\`${usageIn(reader, 'clientAdd')} | ${usageIn(reader, 'clientShow')} | ${usageIn(reader, 'clientList')} | ${usageIn(reader, 'clientFind')} | ${usageIn(reader, 'clientSet')} | ${usageIn(reader, 'clientNext')} | ${usageIn(reader, 'clientLink')} | ${usageIn(reader, 'clientDelete')}\``,
            ),
          }),
        );
      }
      await handler(turn, argsText, tokenize(argsText), words);
    },
  });
}
