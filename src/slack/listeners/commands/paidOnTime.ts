/** `/incident <client> paid on time <amount>` (issue 30): a payment on time, logged as good behaviour, never an incident. */
import type { ClientProfile } from '../../../domain/types.js';
import { logOnTimePayment } from '../../../services/paymentTerms.js';
import { paymentConfirmation } from '../../blocks/payments.js';
import type { SlackDeps, Turn } from '../../frame.js';
import { occurredOn, type Token } from '../../parse/commandText.js';
import { parsePaidOnTime } from '../../parse/payments.js';
import { askAboutTerms, whoAnswersTerms } from '../../paymentTerms.js';

/** `words`: the tokens after the client (and its day, `day`), starting with the `used` words that say "paid on time". */
export async function answerPaidOnTime(
  turn: Turn,
  deps: SlackDeps,
  client: ClientProfile,
  words: readonly Token[],
  used: number,
  day: string | undefined,
): Promise<void> {
  const act = await turn.actIn();
  const { today } = await turn.workspace();
  const reader = await turn.reader();
  const args = parsePaidOnTime(words, used, today, reader.locale, `/incident ${client.name} paid on time 1200`);
  const paidOn = args.day ?? day ?? today;
  const outcome = await logOnTimePayment(deps.db, act, {
    clientId: client.id,
    paidAt: occurredOn(paidOn, today, turn.now, act.timeZone),
    amount: args.amount,
    invoiceRef: args.invoiceRef,
  });
  const asking = outcome.terms ? await whoAnswersTerms(turn, outcome.terms) : undefined;
  await turn.reply(paymentConfirmation(outcome, asking?.asked, reader));
  if (outcome.terms && asking) await askAboutTerms(turn, outcome.terms, asking);
}
