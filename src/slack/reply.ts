/**
 * How Rapport speaks to one person: through the response URL Slack gave with the request when there is one,
 * else `chat.postEphemeral` in the channel, else a DM. Everything here is a message only its reader sees.
 */
import type { KnownBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { errorText, type Logger } from '../log.js';
import { fitBlocks, section } from './blocks/kit.js';
import { LIMITS, truncate } from './blocks/text.js';
import { REQUEST_CALL_TIMEOUT_MS } from './web.js';
import { request } from 'undici';

export interface Ephemeral {
  text: string;
  blocks?: KnownBlock[];
  /** Replace the message the button was on (response URLs of interactions only). */
  replaceOriginal?: boolean;
}

export interface ReplyTarget {
  responseUrl?: string | null;
  client: WebClient;
  channelId: string | null | undefined;
  userId: string;
  logger: Logger;
}

function shaped(message: Ephemeral): { text: string; blocks: KnownBlock[] } {
  const text = truncate(message.text, LIMITS.messageText);
  return { text, blocks: fitBlocks(message.blocks ?? [section(text)]) };
}

/**
 * Posts to a response URL (a private answer, or the replacement of the message it came from). A response URL
 * works 5 times in 30 minutes (slack-contract.md): false when it no longer does.
 */
export async function postToResponseUrl(url: string, message: Ephemeral, logger: Logger): Promise<boolean> {
  try {
    // undici's own request, not fetch: a third of fetch's CPU per post (measured here: ~0.12 against ~0.35 ms),
    // and every command's answer is one.
    const res = await request(url, {
      method: 'POST',
      // Slack answers a response URL in milliseconds; one that hangs is given up like any Web API call.
      signal: AbortSignal.timeout(REQUEST_CALL_TIMEOUT_MS),
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ response_type: 'ephemeral', replace_original: message.replaceOriginal ?? false, ...shaped(message) }),
    });
    // Read to the end, so that the connection is kept for the next answer.
    await res.body.dump();
    if (res.statusCode >= 200 && res.statusCode < 300) return true;
    logger.warn('a response URL refused the answer', { status: res.statusCode });
  } catch (error) {
    logger.warn('could not post to a response URL', { error: errorText(error) });
  }
  return false;
}

export async function replyEphemeral(target: ReplyTarget, message: Ephemeral): Promise<void> {
  if (target.responseUrl && (await postToResponseUrl(target.responseUrl, message, target.logger))) return;
  const { text, blocks } = shaped(message);
  if (target.channelId && !target.channelId.startsWith('D')) {
    try {
      await target.client.chat.postEphemeral({ channel: target.channelId, user: target.userId, text, blocks });
      return;
    } catch (error) {
      // Typically not_in_channel: the bot was never invited there. The user still gets the answer, by DM.
      target.logger.warn('chat.postEphemeral failed; answering by DM', { error: errorText(error) });
    }
  }
  await sendDm(target.client, target.userId, { text, blocks });
}

/** Opens the DM with the user (im:write) and posts there. Nothing Rapport sends unfurls (a link could show client data). */
export async function sendDm(web: WebClient, userId: string, message: Ephemeral): Promise<{ channel: string; ts: string }> {
  const dm = await web.conversations.open({ users: userId });
  const { text, blocks } = shaped(message);
  const posted = await web.chat.postMessage({ channel: dm.channel!.id!, text, blocks, unfurl_links: false, unfurl_media: false });
  return { channel: dm.channel!.id!, ts: posted.ts! };
}

/**
 * Replaces the message a response URL belongs to (an ephemeral confirmation, after its Edit). Only Slack's own
 * response URLs (or the configured stand-in's) are posted to: the URL travelled through a modal's metadata.
 */
export async function replaceByResponseUrl(url: string, allowed: (url: string) => boolean, message: Ephemeral, logger: Logger): Promise<boolean> {
  return allowed(url) && postToResponseUrl(url, { ...message, replaceOriginal: true }, logger);
}

/** A message's permalink (chat.getPermalink), or null when Slack will not give one (deleted, no access). */
export async function permalinkOf(web: WebClient, message: { channelId: string; ts: string }): Promise<string | null> {
  try {
    return (await web.chat.getPermalink({ channel: message.channelId, message_ts: message.ts })).permalink ?? null;
  } catch {
    return null;
  }
}
