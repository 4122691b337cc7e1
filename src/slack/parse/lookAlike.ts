/** The look-alike confirmation button's value: what to do once the person says it is another client. */
import { z } from 'zod';
import { CATEGORIES, RELATIONSHIPS } from '../../domain/catalogue.js';

export const lookAlikeConfirmationSchema = z.discriminatedUnion('op', [
  z.object({
    op: z.literal('add'),
    args: z.object({
      name: z.string(),
      category: z.enum(CATEGORIES).optional(),
      relationship: z.enum(RELATIONSHIPS).optional(),
      ownerUserId: z.string().nullable().optional(),
      monthlyValue: z.number().nullable().optional(),
    }),
  }),
  z.object({ op: z.literal('rename'), clientId: z.uuid(), name: z.string() }),
]);
export type LookAlikeConfirmation = z.infer<typeof lookAlikeConfirmationSchema>;

/** A button value we wrote, arriving from outside: unreadable is undefined, never a crash. */
export function parseLookAlikeConfirmation(value: string | undefined): LookAlikeConfirmation | undefined {
  try {
    return lookAlikeConfirmationSchema.parse(JSON.parse(value ?? ''));
  } catch {
    return undefined;
  }
}
