/**
 * Opens a form at once from defaults (a trigger id expires in 3 s: no database work first), then, if the
 * workspace's own catalogue or date differ, updates it in place.
 */
import type { ModalView } from '@slack/types';
import { defaultContext, type WorkspaceContext } from '../../../services/workspace.js';
import type { Turn } from '../../frame.js';

type ModalContext = Pick<WorkspaceContext, 'catalogue' | 'today'>;

export async function openModalThenRefine(turn: Turn, build: (ctx: ModalContext) => ModalView): Promise<void> {
  const first = build(defaultContext(turn.now));
  const opened = await turn.openModal(first);
  const refined = build(await turn.workspace());
  if (JSON.stringify(refined) !== JSON.stringify(first) && opened.id) {
    await turn.updateModal(opened.id, opened.hash, refined);
  }
}
