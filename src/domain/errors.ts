/**
 * Errors a user can be told about. Each has a `code` and what to tell the person who typed the command: a
 * message of the catalogue (`said`), put into their words by the Slack layer in one place (frame.ts).
 */
import { ENGLISH } from '../i18n/reader.js';
import { say, type Said } from '../i18n/messages.js';

export type RapportErrorCode = 'invalid_input' | 'not_found' | 'ambiguous' | 'conflict' | 'forbidden';

export class RapportError extends Error {
  /** What to tell them, not yet in anyone's words; undefined for an error written in English only. */
  readonly said: Said | undefined;

  constructor(
    readonly code: RapportErrorCode,
    message: Said | string,
    /** Extra data for the reply, e.g. "did you mean" suggestions. */
    readonly detail: { suggestions?: string[]; field?: string; lookAlike?: string } = {},
  ) {
    // In English for logs and for code that reads the message.
    super(typeof message === 'string' ? message : say(ENGLISH, message));
    this.said = typeof message === 'string' ? undefined : message;
    this.name = 'RapportError';
  }
}
