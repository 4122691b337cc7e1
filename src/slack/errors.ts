/** Every failure becomes one plain sentence for the user, in one place; unexpected ones are logged with context. */
import { CatalogueError } from '../domain/catalogue.js';
import { RapportError } from '../domain/errors.js';
import type { Logger } from '../log.js';

export const UNEXPECTED = 'Something went wrong on our side, and nothing was stored. Please try again in a moment.';

export function userMessage(error: unknown, logger: Logger, context: Record<string, unknown>): string {
  if (error instanceof RapportError) return error.message;
  if (error instanceof CatalogueError) return `This workspace's settings are invalid: ${error.message}. An admin can fix them with \`/rapport settings\`.`;
  logger.error('unexpected error handling a Slack request', { ...context, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  return UNEXPECTED;
}
