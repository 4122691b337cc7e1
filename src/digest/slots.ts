/**
 * When a workspace's digest is due: its day and time in its own time zone (domain.md §5), correct across
 * daylight-saving changes. Pure; the week of a digest is the local date of its scheduled post.
 */
import { DAY_MS } from '../domain/types.js';

export interface DigestSchedule {
  /** 0 = Sunday … 6 = Saturday. */
  day: number;
  /** HH:MM, 24-hour, local. */
  time: string;
  timeZone: string;
}

export interface DigestSlot {
  /** YYYY-MM-DD, the local date of the post: the key of the workspace-week. */
  week: string;
  /** The instant the post is due. */
  at: Date;
}

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: number;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const formatters = new Map<string, Intl.DateTimeFormat>();

function localParts(at: Date, timeZone: string): LocalParts {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(at).map((x) => [x.type, x.value]));
  return {
    year: Number(p.year),
    month: Number(p.month),
    day: Number(p.day),
    hour: Number(p.hour),
    minute: Number(p.minute),
    weekday: WEEKDAYS.indexOf(p.weekday!),
  };
}

/** Milliseconds the zone is ahead of UTC at `at`. */
function offsetAt(at: Date, timeZone: string): number {
  const p = localParts(at, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
  return asUtc - Math.floor(at.getTime() / 60_000) * 60_000;
}

/**
 * The instant a local wall-clock time happens. A time skipped by a spring-forward change happens as late as
 * the clocks allow (02:30 → 03:30); a repeated autumn time, at its first occurrence.
 */
export function localTimeToInstant(year: number, month: number, day: number, hour: number, minute: number, timeZone: string): Date {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const first = wall - offsetAt(new Date(wall), timeZone);
  const second = wall - offsetAt(new Date(first), timeZone);
  // Earliest instant whose local time is the wall time; in a gap neither is, and the later one is right.
  const candidates = [first, second].sort((a, b) => a - b);
  for (const c of candidates) {
    const p = localParts(new Date(c), timeZone);
    if (p.hour === hour && p.minute === minute && p.day === day) return new Date(c);
  }
  return new Date(candidates[1]!);
}

const isoDate = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** The most recent scheduled post at or before `now`. */
export function latestSlot(schedule: DigestSchedule, now: Date): DigestSlot {
  const [hour, minute] = schedule.time.split(':').map(Number) as [number, number];
  const today = localParts(now, schedule.timeZone);
  const back = (today.weekday - schedule.day + 7) % 7;
  for (const extra of [0, 7]) {
    // Walk calendar days on a UTC noon anchor so month and year ends need no special case.
    const anchor = new Date(Date.UTC(today.year, today.month - 1, today.day, 12) - (back + extra) * DAY_MS);
    const y = anchor.getUTCFullYear();
    const m = anchor.getUTCMonth() + 1;
    const d = anchor.getUTCDate();
    const at = localTimeToInstant(y, m, d, hour, minute, schedule.timeZone);
    if (at <= now) return { week: isoDate(y, m, d), at };
  }
  throw new Error('unreachable: a slot a week earlier is always in the past');
}

/** The next scheduled post after `now` (for logs and `/rapport settings`). */
export function nextSlot(schedule: DigestSchedule, now: Date): DigestSlot {
  const latest = latestSlot(schedule, now);
  const anchor = new Date(Date.parse(`${latest.week}T12:00:00Z`) + 7 * DAY_MS);
  const [hour, minute] = schedule.time.split(':').map(Number) as [number, number];
  const y = anchor.getUTCFullYear();
  const m = anchor.getUTCMonth() + 1;
  const d = anchor.getUTCDate();
  return { week: isoDate(y, m, d), at: localTimeToInstant(y, m, d, hour, minute, schedule.timeZone) };
}
