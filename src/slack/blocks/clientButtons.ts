/**
 * The digest's buttons on a client, wherever else a client is put before someone to act on (a red-flag DM, a
 * lead's Home): the same action ids, so the digest's handlers (listeners/actions/digest.ts) answer them.
 */
import type { Overflow } from '@slack/types';
import { DIGEST_ACTIONS } from '../ids.js';
import { button, option, overflow, type Block, actions } from './kit.js';
import { tPlain } from '../../i18n/messages.js';
import type { Reader } from '../../i18n/reader.js';

/** Decide: keep (with a reason), require prepayment, start exit; each opens the decision form. */
export const decideMenu = (reader: Reader, clientId: string): Overflow =>
  overflow(DIGEST_ACTIONS.decide, [
    option(tPlain(reader, 'digest.button.keep'), `keep:${clientId}`),
    option(tPlain(reader, 'digest.button.require_prepayment'), `require_prepayment:${clientId}`),
    option(tPlain(reader, 'digest.button.start_exit'), `start_exit:${clientId}`),
  ]);

/** Acknowledge, Decide and History on one client. */
export const clientActions = (reader: Reader, clientId: string): Block =>
  actions([
    button(tPlain(reader, 'digest.button.acknowledge'), DIGEST_ACTIONS.acknowledge, clientId),
    decideMenu(reader, clientId),
    button(tPlain(reader, 'digest.button.history'), DIGEST_ACTIONS.history, clientId),
  ]);
