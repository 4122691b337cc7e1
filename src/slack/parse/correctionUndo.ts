/** The Undo button's value in an owner's DM: which client, which detail goes back from what to what, and who changed it. */
import { z } from 'zod';
import { CORRECTED_FIELDS } from '../../services/clients.js';
import { parseFormMetadata } from './viewState.js';

const stored = z.union([z.string().max(300), z.number(), z.null()]);

export const correctionUndoSchema = z.object({
  clientId: z.uuid(),
  by: z.string().max(20),
  change: z.object({ field: z.enum(CORRECTED_FIELDS), from: stored, to: stored }),
});
export type CorrectionUndo = z.infer<typeof correctionUndoSchema>;

/** A button value we wrote, arriving from outside (read as a form's metadata is): unreadable is undefined. */
export const parseCorrectionUndo = (value: string | undefined): CorrectionUndo | undefined => parseFormMetadata(correctionUndoSchema, value);
