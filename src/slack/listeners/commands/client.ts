/** `/client add | show | list | set | help`. */
import { answerCommand, helpAck } from './answer.js';
import type { App } from '@slack/bolt';
import { RapportError } from '../../../domain/errors.js';
import { BANDS, type Band } from '../../../domain/health.js';
import type { ClientPatch } from '../../../domain/inputs.js';
import { createClient, findClientByName, updateClient } from '../../../db/queries/clients.js';
import { clientFromWords, clientOverview } from '../../../services/clientActivity.js';
import { clientListBlocks, clientOverviewBlocks } from '../../blocks/clients.js';
import { clientStandings } from '../../../services/portfolio.js';
import { section } from '../../blocks/kit.js';
import { BAND_LABEL } from '../../blocks/format.js';
import { escapeText, mention } from '../../blocks/text.js';
import { workspaceContext, type SlackDeps } from '../../deps.js';
import { COMMANDS } from '../../ids.js';
import {
  categoryFromWord,
  parseAmount,
  parseClientAdd,
  relationshipFromWord,
  splitClientSet,
  statusFromWord,
  tokenize,
  usageError,
  userFromMention,
  USAGE,
  type ClientField,
  type Token,
} from '../../parse/commandText.js';
import { replyEphemeral, type Ephemeral } from '../../reply.js';

const BAND_WORDS: Record<string, Band> = { healthy: 'healthy', watch: 'watch', 'at-risk': 'at_risk', at_risk: 'at_risk', risk: 'at_risk' };

function patchFor(field: ClientField, valueTokens: Token[], rawValue: string): ClientPatch {
  const word = valueTokens[0]?.value ?? '';
  const invalid = (what: string) => usageError(`\`${rawValue}\` is not a ${what}.`, USAGE.clientSet);
  switch (field) {
    case 'name':
      return { name: rawValue };
    case 'category': {
      const category = categoryFromWord(word);
      if (!category) throw invalid('category (regular, vip, problem, employee)');
      return { category };
    }
    case 'relationship': {
      const relationship = relationshipFromWord(word);
      if (!relationship) throw invalid('relationship (long-term, stepping-stone, unknown)');
      return { relationship };
    }
    case 'owner': {
      if (/^(none|nobody|-)$/i.test(word)) return { ownerUserId: null };
      const owner = userFromMention(word);
      if (!owner) throw usageError('Mention the new owner with @ (pick them from the list), or say `none`.', USAGE.clientSet);
      return { ownerUserId: owner };
    }
    case 'value': {
      if (/^(none|-)$/i.test(word)) return { monthlyValue: null };
      const monthlyValue = parseAmount(word);
      if (monthlyValue === undefined) throw invalid('monthly value (e.g. 1200 or 12k)');
      return { monthlyValue };
    }
    case 'status': {
      const status = statusFromWord(word);
      if (!status) throw invalid('status (active, under_review, prepay_only, exited)');
      return { status };
    }
  }
}

export function registerClientCommand(app: App, deps: SlackDeps): void {
  app.command(COMMANDS.client, async ({ command, ack, respond, client }) => {
    const text = command.text.trim();
    const [sub = 'help', ...restWords] = text.split(/\s+/);
    const subcommand = sub.toLowerCase();
    if (subcommand === 'help' || subcommand === '?' || !text) {
      await ack(helpAck('client', 'Client commands'));
      return;
    }
    await ack();
    const argsText = text.slice(sub.length).trim();
    const tokens = tokenize(argsText);
    const teamId = command.team_id;
    const actor = command.user_id;
    await answerCommand(deps, { command, respond, client }, async (target) => {
      let reply: Ephemeral;
      switch (subcommand) {
        case 'add': {
          const args = parseClientAdd(argsText, tokens);
          const created = await createClient(deps.db, teamId, actor, args);
          reply = {
            text: `Client ${created.name} added.`,
            blocks: [
              section(
                `✅ *${escapeText(created.name)}* added: ${created.category}, ${created.relationship.replace('_', '-')}, owner ${mention(created.ownerUserId)}` +
                  `${created.monthlyValue !== null ? `, ${created.monthlyValue}/month` : ''}.\nLog a call with \`/call ${escapeText(created.name)} +trait …\`.`,
              ),
            ],
          };
          break;
        }
        case 'show': {
          if (tokens.length === 0) throw usageError('Which client?', USAGE.clientShow);
          const ctx = await workspaceContext(deps, teamId);
          const found = await findClientByName(deps.db, teamId, tokens.map((t) => t.value).join(' '));
          const overview = await clientOverview(deps.db, teamId, ctx.catalogue, found, deps.now());
          reply = { text: `${found.name}: health ${overview.health.score}`, blocks: clientOverviewBlocks(ctx.catalogue, overview, deps.now(), ctx.workspace.timeZone) };
          break;
        }
        case 'list': {
          const ctx = await workspaceContext(deps, teamId);
          const filter = restWords.join('-').toLowerCase();
          const category = filter ? categoryFromWord(filter) : undefined;
          const band = filter ? BAND_WORDS[filter] : undefined;
          if (filter && !category && !band) {
            throw usageError(`\`${restWords.join(' ')}\` is neither a category nor a band (${BANDS.join(', ').replace('_', '-')}).`, USAGE.clientList);
          }
          const lines = (await clientStandings(deps.db, teamId, ctx.catalogue, deps.now())).filter(
            (l) => (!category || l.client.category === category) && (!band || (l.health.known && l.health.band === band)),
          );
          const title = category ? `${category} clients` : band ? `Clients ${BAND_LABEL[band]}` : 'All clients';
          reply = { text: `${lines.length} clients`, blocks: clientListBlocks(lines, title) };
          break;
        }
        case 'set': {
          const { nameTokens, field, valueTokens } = splitClientSet(tokens);
          const { client: found, used } = await clientFromWords(deps.db, teamId, nameTokens.map((t) => t.value));
          if (used !== nameTokens.length) throw new RapportError('not_found', `No client called “${nameTokens.map((t) => t.value).join(' ')}”.`);
          const rawValue = argsText.slice(valueTokens[0]!.start).trim().replace(/^["“']|["”']$/g, '');
          const updated = await updateClient(deps.db, teamId, actor, found.id, patchFor(field, valueTokens, rawValue));
          const shown = field === 'owner' ? mention(updated.ownerUserId) : field === 'value' ? String(updated.monthlyValue ?? 'none') : escapeText(String(updated[field === 'name' ? 'name' : field]));
          reply = { text: `${updated.name}: ${field} is now ${shown}.`, blocks: [section(`✅ *${escapeText(updated.name)}*: ${field} is now ${shown}.`)] };
          break;
        }
        default:
          throw usageError(`I don't know \`/client ${escapeText(sub)}\`.`, `${USAGE.clientAdd} | ${USAGE.clientShow} | ${USAGE.clientList} | ${USAGE.clientSet}`);
      }
      await replyEphemeral(target, reply);
    }, { sub: subcommand });
  });
}
