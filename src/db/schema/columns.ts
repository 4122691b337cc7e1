/** Column shapes every table shares. */
import { text, timestamp } from 'drizzle-orm/pg-core';

export const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
/** A moment recorded by the database when the row is written. */
export const recordedAt = (name: string) => instant(name).notNull().defaultNow();
/** The Slack workspace. Every table holding workspace data carries it, and every query filters by it. */
export const teamId = () => text('team_id').notNull();
