/**
 * Opens a form at once from defaults (a trigger id expires in 3 s: no database work first), then, if the
 * workspace's own catalogue or date differ, or the channel is about one client (`/client link`), updates it
 * in place.
 */
import type { ModalView } from '@slack/types';
import type { ClientProfile } from '../../../domain/types.js';
import { clientOfChannel } from '../../../services/clients.js';
import { defaultContext, type WorkspaceContext } from '../../../services/workspace.js';
import type { Turn } from '../../frame.js';

type ModalContext = Pick<WorkspaceContext, 'catalogue' | 'today'> & { channelClient?: ClientProfile | undefined };

export async function openModalThenRefine(turn: Turn, build: (ctx: ModalContext) => ModalView): Promise<void> {
  const first = build(defaultContext(turn.now));
  const opened = await turn.openModal(first);
  const [ctx, channelClient] = await Promise.all([turn.workspace(), clientOfChannel(turn.deps.db, turn.act, turn.channelId)]);
  const refined = build({ ...ctx, channelClient });
  if (JSON.stringify(refined) !== JSON.stringify(first) && opened.id) {
    await turn.updateModal(opened.id, opened.hash, refined);
  }
}
