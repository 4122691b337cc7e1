/**
 * Decisions from the digest as one state machine (domain.md §1, §5): what each does to a client's status.
 * Requiring prepayment puts the client on prepay terms, starting the exit takes it off the books, and keeping
 * it (with a reason) brings an exited client back; acknowledging changes nothing.
 */
import type { ClientStatus } from './catalogue.js';
import type { DecisionKind } from './types.js';

export function statusAfterDecision(kind: DecisionKind, current: ClientStatus): ClientStatus {
  switch (kind) {
    case 'require_prepayment':
      return 'prepay_only';
    case 'start_exit':
      return 'exited';
    case 'keep':
      return current === 'exited' ? 'active' : current;
    case 'acknowledge':
      return current;
  }
}
