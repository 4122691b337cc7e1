/**
 * Whether a channel is one a client could read: shared with another organisation (Slack Connect, or an
 * invitation to share still pending), or with a workspace outside this organisation. Asked of Slack with
 * `conversations.info` (scopes channels:read, groups:read) right before anything is posted visibly there.
 */
import type { WebClient } from '@slack/web-api';

/**
 * Why Rapport will not post visibly to the channel, in words for people; undefined when it is internal. Only
 * Slack's own description of the channel says it is shared: when Slack does not describe it (the call failed, or
 * answered without the channel) this throws, and a failure is never read as "shared" (`isDefiniteRefusal` tells
 * a refusal from a momentary failure).
 */
export async function channelExposure(web: WebClient, channelId: string): Promise<string | undefined> {
  const { channel } = await web.conversations.info({ channel: channelId });
  if (!channel) throw new Error('conversations.info answered without the channel');
  if (channel.is_ext_shared) return 'it is shared with another organisation (Slack Connect)';
  if (channel.is_pending_ext_shared) return 'an invitation to share it with another organisation is pending';
  if (channel.is_shared && !channel.is_org_shared) return 'it is shared with a workspace outside this organisation';
  return undefined;
}
