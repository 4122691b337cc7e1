/**
 * Tests that change who speaks what share a harness: each starts from the same choices (no workspace language or
 * currency, and only the people named speaking their own language), so they pass in any order (CI shuffles).
 */
import * as schema from '../../src/db/schema/index.js';
import type { Locale } from '../../src/i18n/locales.js';
import { TEAM, type Harness } from './slackHarness.js';

export async function speaking(h: Pick<Harness, 'db'>, people: Readonly<Record<string, Locale>> = {}): Promise<void> {
  await h.db.update(schema.workspaces).set({ language: null, currency: null });
  await h.db.delete(schema.personSettings);
  const rows = Object.entries(people).map(([userId, language]) => ({ teamId: TEAM, userId, language }));
  if (rows.length > 0) await h.db.insert(schema.personSettings).values(rows);
}
