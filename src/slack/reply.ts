/** Ephemeral answers: through the response URL when there is one, else `chat.postEphemeral`. */
import type { RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Logger } from '../log.js';
import { fitBlocks, section, type Block } from './blocks/kit.js';
import { LIMITS, truncate } from './blocks/text.js';

export interface Ephemeral {
  text: string;
  blocks?: Block[];
  /** Replace the message the button was on (response URLs of interactions only). */
  replaceOriginal?: boolean;
}

export interface ReplyTarget {
  respond?: RespondFn;
  client: WebClient;
  channelId: string | null | undefined;
  userId: string;
  logger: Logger;
}

export async function replyEphemeral(target: ReplyTarget, message: Ephemeral): Promise<void> {
  const text = truncate(message.text, LIMITS.messageText);
  const blocks = fitBlocks(message.blocks ?? [section(text)]);
  if (target.respond) {
    try {
      await target.respond({ response_type: 'ephemeral', replace_original: message.replaceOriginal ?? false, text, blocks });
      return;
    } catch (error) {
      // A response URL works 5 times in 30 minutes (slack-contract.md): fall back to the Web API.
      target.logger.warn('response_url failed; falling back to chat.postEphemeral', { error: String(error) });
    }
  }
  if (target.channelId) {
    try {
      await target.client.chat.postEphemeral({ channel: target.channelId, user: target.userId, text, blocks });
      return;
    } catch (error) {
      // Typically not_in_channel: the bot was never invited there. The user still gets the answer, by DM.
      target.logger.warn('chat.postEphemeral failed; answering by DM', { error: String(error) });
    }
  }
  const dm = await target.client.conversations.open({ users: target.userId });
  await target.client.chat.postMessage({ channel: dm.channel!.id!, text, blocks });
}
