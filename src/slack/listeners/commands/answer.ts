/** What every slash command does around its own work: help in the ack, and one ephemeral answer for any failure. */
import type { RespondFn, SlashCommand } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { DEFAULT_CATALOGUE } from '../../../domain/catalogue.js';
import { helpBlocks, type HelpTopic } from '../../blocks/help.js';
import type { SlackDeps } from '../../deps.js';
import { userMessage } from '../../errors.js';
import { replyEphemeral, type ReplyTarget } from '../../reply.js';

/** `help` is answered in the ack itself: no database, nothing to wait for. */
export function helpAck(topic: HelpTopic, title: string) {
  return { response_type: 'ephemeral' as const, text: title, blocks: helpBlocks(topic, DEFAULT_CATALOGUE) as never };
}

/** Runs a command's work after its ack; a failure of any kind becomes one ephemeral answer (logged if unexpected). */
export async function answerCommand(
  deps: SlackDeps,
  { command, respond, client }: { command: SlashCommand; respond: RespondFn; client: WebClient },
  work: (target: ReplyTarget) => Promise<void>,
  context: Record<string, unknown> = {},
): Promise<void> {
  const target = { respond, client, channelId: command.channel_id, userId: command.user_id, logger: deps.logger };
  try {
    await work(target);
  } catch (error) {
    await replyEphemeral(target, { text: userMessage(error, deps.logger, { command: command.command, team: command.team_id, ...context }) });
  }
}
