/** Input parsing at the repository boundary: a zod failure becomes a RapportError naming the field. */
import type { z } from 'zod';
import { RapportError } from '../../domain/errors.js';
import { saidOfIssue } from '../../domain/validationMessages.js';
import { said } from '../../i18n/messages.js';

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.join('.') || undefined;
  const message = issue ? (saidOfIssue(issue) ?? issue.message) : said('validation.invalid', { field: said('validation.field.value') });
  throw new RapportError('invalid_input', message, field ? { field } : {});
}

/** Postgres unique_violation, whichever driver raised it (drizzle may wrap it as `cause`). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const { code, constraint: c, constraint_name: cn } = e as { code?: string; constraint?: string; constraint_name?: string };
    if (code === '23505') return !constraint || c === constraint || cn === constraint;
  }
  return false;
}
