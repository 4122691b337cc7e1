/**
 * Whether a channel is one a client could read: shared with another organisation (Slack Connect, or an
 * invitation to share still pending), or with a workspace outside this organisation. Asked of Slack with
 * `conversations.info` (scopes channels:read, groups:read) right before anything is posted visibly there.
 */
import type { WebClient } from '@slack/web-api';
import { t, type MessageKey } from '../i18n/messages.js';
import type { Locale } from '../i18n/locales.js';
import type { Reader } from '../i18n/reader.js';

/**
 * Why a channel cannot carry the digest, as stored (a workspace's `digestChannelRefusal`) and passed around: a
 * code, put into words only when shown (`exposureText`), in its reader's language.
 */
export const EXPOSURES = {
  ext_shared: 'errors.exposure.extShared',
  pending_ext_shared: 'errors.exposure.pendingExtShared',
  shared_outside: 'errors.exposure.sharedOutside',
  now_ext_shared: 'errors.exposure.nowExtShared',
} as const satisfies Record<string, MessageKey>;
export type Exposure = keyof typeof EXPOSURES;

/**
 * Why Rapport will not post visibly to the channel (an `Exposure`); undefined when it is internal. Only
 * Slack's own description of the channel says it is shared: when Slack does not describe it (the call failed, or
 * answered without the channel) this throws, and a failure is never read as "shared" (`isDefiniteRefusal` tells
 * a refusal from a momentary failure).
 */
export async function channelExposure(web: WebClient, channelId: string): Promise<Exposure | undefined> {
  const { channel } = await web.conversations.info({ channel: channelId });
  if (!channel) throw new Error('conversations.info answered without the channel');
  if (channel.is_ext_shared) return 'ext_shared';
  if (channel.is_pending_ext_shared) return 'pending_ext_shared';
  if (channel.is_shared && !channel.is_org_shared) return 'shared_outside';
  return undefined;
}

/**
 * A channel's exposure in the reader's words: "it is shared with another organisation (Slack Connect)". A reason
 * stored before reasons were codes (English words) is shown as it was written.
 */
export function exposureText(reader: Reader | Locale, reason: string): string {
  return reason in EXPOSURES ? t(reader, EXPOSURES[reason as Exposure]) : reason;
}
