/**
 * Errors a user can be told about. Each has a `code` and a message written for the person who typed the
 * command; the Slack layer turns them into an ephemeral reply in one place.
 */
export type RapportErrorCode = 'invalid_input' | 'not_found' | 'ambiguous' | 'conflict' | 'forbidden';

export class RapportError extends Error {
  constructor(
    readonly code: RapportErrorCode,
    message: string,
    /** Extra data for the reply, e.g. "did you mean" suggestions. */
    readonly detail: { suggestions?: string[]; field?: string; lookAlike?: string } = {},
  ) {
    super(message);
    this.name = 'RapportError';
  }
}
