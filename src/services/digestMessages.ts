/**
 * The digest's messages naming a client, rewritten after a decision: the stored blocks change here (a page not
 * yet posted goes out with it), and the caller updates the posted ones in Slack.
 */
import type { KnownBlock } from '@slack/types';
import type { Database } from '../db/client.js';
import { digestMessagesNaming, updateDigestMessageBlocks } from '../db/queries/digests.js';

export interface PostedPage {
  channelId: string;
  ts: string;
  blocks: KnownBlock[];
}

export async function rewriteDigestPages(
  db: Database,
  teamId: string,
  digestId: string,
  clientId: string,
  rewrite: (blocks: KnownBlock[], clientIds: readonly string[]) => KnownBlock[],
): Promise<PostedPage[]> {
  const posted: PostedPage[] = [];
  for (const message of await digestMessagesNaming(db, { teamId, digestId, clientId })) {
    const blocks = rewrite(message.blocks, message.clientIds);
    await updateDigestMessageBlocks(db, { message, blocks });
    if (message.ts) posted.push({ channelId: message.channelId, ts: message.ts, blocks });
  }
  return posted;
}
