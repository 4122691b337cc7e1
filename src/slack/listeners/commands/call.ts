/** `/call`: one line logs a call; no arguments opens the form, a client name alone opens it for that client. */
import type { App } from '@slack/bolt';
import { DEFAULT_CATALOGUE } from '../../../domain/catalogue.js';
import { logCallAndScore } from '../../../services/clientActivity.js';
import { callConfirmation } from '../../blocks/confirmations.js';
import { helpMessage, isHelpWord } from '../../blocks/help.js';
import { callModal } from '../../blocks/modals.js';
import { onCommand, type SlackDeps } from '../../frame.js';
import { COMMANDS } from '../../ids.js';
import { occurredOn, parseCallArgs, parseDayWords, tokenize, type Token } from '../../parse/commandText.js';
import { openModalThenRefine } from './openModal.js';
import { tellDisagreements } from '../../disagreements.js';

/** The client's name ends before the first ±trait word. */
function nameEndsBefore(tokens: readonly Token[]): number {
  const i = tokens.findIndex((t) => !t.quoted && /^[+-]\S/.test(t.value));
  return i === -1 ? tokens.length : Math.max(1, i);
}

export function registerCallCommand(app: App, deps: SlackDeps): void {
  onCommand(app, deps, COMMANDS.call, {
    // Help is answered by the work, not in the ack: it is fast, and it is written in the person's language.
    run: async (turn, text) => {
      if (isHelpWord(text)) return turn.reply(helpMessage('call', DEFAULT_CATALOGUE, await turn.reader()));
      const metadata = { channelId: turn.channelId };
      const tokens = tokenize(text);
      if (tokens.length === 0) {
        await openModalThenRefine(turn, (ctx) =>
          callModal({ reader: ctx.reader, catalogue: ctx.catalogue, metadata, today: ctx.today, ...(ctx.channelClient ? { client: ctx.channelClient } : {}) }),
        );
        return;
      }
      // Telling a name from notes needs the workspace's names: read with the workspace and the person's settings.
      const { client, used } = await turn.clientFromWords(
        tokens.map((t) => t.value),
        nameEndsBefore(tokens),
      );
      // Numbers, dates and words as the person writes them (`dün`, `28.11.2026`, `+iletişim`).
      const [{ today }, act, { locale }] = await Promise.all([turn.workspace(), turn.actIn(), turn.reader()]);
      const dated = parseDayWords(tokens, used, today, locale);
      const rest = tokens.slice(used + (dated?.used ?? 0));
      if (rest.length === 0) {
        occurredOn(dated?.day ?? today, today, turn.now, act.timeZone);
        const initial = dated ? { date: dated.day, traits: [], notes: '', ourSide: [] } : undefined;
        await turn.openModal(callModal({ reader: await turn.reader(), catalogue: act.catalogue, metadata, today, client, ...(initial ? { initial } : {}) }));
        return;
      }
      const args = parseCallArgs(act.catalogue, text, rest, dated ? undefined : { today, locale });
      const occurredAt = occurredOn(dated?.day ?? args.day ?? today, today, turn.now, act.timeZone);
      const outcome = await logCallAndScore(deps.db, act, { clientId: client.id, occurredAt, traits: args.traits, notes: args.notes }, { client });
      await turn.reply(callConfirmation(act.catalogue, outcome, await turn.reader(), { signedWordsInNotes: args.signedWordsInNotes }));
      await tellDisagreements(turn, act.catalogue, outcome);
    },
  });
}
