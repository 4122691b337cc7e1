/** Input parsing at the repository boundary: a zod failure is refused with its first issue (it names the field). */
import type { z } from 'zod';
import { Refused } from '../../domain/refusals.js';

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new Refused({ code: 'input_invalid', issue: parsed.error.issues[0] });
}

/** Postgres unique_violation, whichever driver raised it (drizzle may wrap it as `cause`). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const { code, constraint: c, constraint_name: cn } = e as { code?: string; constraint?: string; constraint_name?: string };
    if (code === '23505') return !constraint || c === constraint || cn === constraint;
  }
  return false;
}

/** Whether a text can be a stored row's id (a uuid): anything else, from a button or a form, names no row. */
export const isRowId = (id: string): boolean => /^[0-9a-f-]{36}$/i.test(id);
