/**
 * Opens a modal at once from defaults (a trigger id expires in 3 s: no database work first), then, if the
 * workspace's own catalogue or date differ, updates it in place.
 */
import type { WebClient } from '@slack/web-api';
import { DEFAULT_CATALOGUE } from '../../../domain/catalogue.js';
import type { Block } from '../../blocks/kit.js';
import { isoDay } from '../../blocks/modals.js';
import { workspaceContext, type SlackDeps, type WorkspaceContext } from '../../deps.js';

type ModalContext = Pick<WorkspaceContext, 'catalogue' | 'today'>;

export async function openModalThenRefine(
  deps: SlackDeps,
  client: WebClient,
  triggerId: string,
  teamId: string,
  build: (ctx: ModalContext) => Block,
): Promise<void> {
  const first = build({ catalogue: DEFAULT_CATALOGUE, today: isoDay(deps.now(), 'UTC') });
  const opened = await client.views.open({ trigger_id: triggerId, view: first as never });
  const refined = build(await workspaceContext(deps, teamId));
  if (JSON.stringify(refined) !== JSON.stringify(first) && opened.view?.id) {
    await client.views.update({ view_id: opened.view.id, hash: opened.view.hash, view: refined as never });
  }
}
