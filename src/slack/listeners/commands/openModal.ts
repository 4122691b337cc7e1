/**
 * Opens a form at once (a trigger id expires in 3 s), then, if the workspace's own catalogue or date differ, or
 * the channel is about one client (`/client link`), updates it in place. The form is in the words of who opens
 * it: their language is read first, but only while the trigger is fresh enough (`readerInTime`); past that the
 * form opens in English and the update puts it into their words.
 */
import type { ModalView } from '@slack/types';
import type { ClientProfile } from '../../../domain/types.js';
import { clientLinkedTo } from '../../../db/queries/clients.js';
import { defaultContext, type WorkspaceContext } from '../../../services/workspace.js';
import type { Turn } from '../../frame.js';
import { ENGLISH, type Reader } from '../../../i18n/reader.js';

type ModalContext = Pick<WorkspaceContext, 'catalogue' | 'today'> & { reader: Reader; channelClient?: ClientProfile | undefined };

/** How long after the person acted a form may wait for their language before it opens (Slack's trigger lasts 3 s). */
const READER_BUDGET_MS = 1500;

/** The person's reader if it can be read before the trigger's budget runs out (else English: the form is updated later). */
export async function readerInTime(turn: Turn): Promise<Reader> {
  const left = READER_BUDGET_MS - (turn.deps.now(turn.teamId).getTime() - turn.now.getTime());
  if (left <= 0) return ENGLISH;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<Reader>((resolve) => (timer = setTimeout(() => resolve(ENGLISH), left)));
  try {
    return await Promise.race([turn.reader().catch(() => ENGLISH), late]);
  } finally {
    clearTimeout(timer);
  }
}

export async function openModalThenRefine(turn: Turn, build: (ctx: ModalContext) => ModalView): Promise<void> {
  const first = build({ ...defaultContext(turn.now), reader: await readerInTime(turn) });
  const opened = await turn.openModal(first);
  const [ctx, channelClient, reader] = await Promise.all([
    turn.workspace(),
    turn.channelId ? clientLinkedTo(turn.deps.db, { teamId: turn.teamId, channelId: turn.channelId }) : undefined,
    turn.reader(),
  ]);
  const refined = build({ ...ctx, channelClient, reader });
  if (JSON.stringify(refined) !== JSON.stringify(first) && opened.id) {
    await turn.updateModal(opened.id, opened.hash, refined);
  }
}
