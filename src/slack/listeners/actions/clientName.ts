/** "Add anyway" / "Rename anyway": the person confirmed that a look-alike name is a different client. */
import type { App, ButtonAction } from '@slack/bolt';
import { RapportError } from '../../../domain/errors.js';
import { addClient, correctClient } from '../../../services/clients.js';
import { clientAddedBlocks, clientAddedText, clientChangedReply } from '../../blocks/clients.js';
import type { SlackDeps } from '../../deps.js';
import { onAction } from '../../frame.js';
import { ACTIONS } from '../../ids.js';
import { parseLookAlikeConfirmation } from '../../parse/lookAlike.js';
import { said } from '../../../i18n/messages.js';
import { requireMember } from '../../recipients.js';

export function registerClientNameActions(app: App, deps: SlackDeps): void {
  onAction<ButtonAction>(app, deps, ACTIONS.confirmLookAlike, async (turn, action) => {
    const confirmed = parseLookAlikeConfirmation(action.value);
    if (!confirmed) throw new RapportError('invalid_input', said('forms.buttonUnreadable'));
    if (confirmed.op === 'add') {
      // Asked again on the click: the owner named may have left, or become a guest, since the question.
      if (confirmed.args.ownerUserId) await requireMember(deps, turn.web, turn.teamId, confirmed.args.ownerUserId, 'owner');
      const { client } = await addClient(deps.db, turn.act, confirmed.args, { allowLookAlike: true });
      const reader = await turn.reader();
      if (client)
        await turn.replaceOriginal({
          text: clientAddedText(client, reader),
          blocks: clientAddedBlocks(client, confirmed.args.ownerUserId === turn.userId, reader),
        });
    } else {
      const { client } = await correctClient(deps.db, turn.act, confirmed.clientId, { name: confirmed.name }, { allowLookAlike: true });
      if (client) await turn.replaceOriginal(clientChangedReply(client, 'name', await turn.reader()));
    }
  });
}
