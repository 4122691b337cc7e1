/**
 * The week that changed (issue 29): what this week's digest names that last week's did not, what it has named
 * week after week, and whom last week's named that this one does not (recovered). Pure: from the weeks (local
 * dates, YYYY-MM-DD) and the client ids the posted digests named.
 */
import { DAY_MS } from './types.js';

/** A digest as posted: its week (the slot's local date) and the clients its pages named. */
export interface NamedWeek {
  week: string;
  clientIds: ReadonlySet<string> | readonly string[];
}

/** How a client the digest names stands against the digests before: named for the first time, or again. */
export type WeekMark = { kind: 'new' } | { kind: 'still'; weeks: number };

export interface WeekChanges {
  /** Each client this week's digest names, marked; empty when no digest was posted the week before. */
  marks: Map<string, WeekMark>;
  /** The clients last week's digest named that this one does not (nor holds back), in last week's order. */
  recovered: string[];
}

/**
 * Two posted digests follow each other when the later one's week is less than two weeks after the earlier
 * one's: a week moved to another day still follows, a week with no digest breaks the run.
 */
const follows = (later: string, earlier: string) => {
  const gap = Date.parse(later) - Date.parse(earlier);
  return gap > 0 && gap < 14 * DAY_MS;
};

/**
 * This week's marks, from the digests posted before it (any order; one of this week itself, posted again by
 * hand, or a later one is not "before"). A client is new when last week's digest did not name it, else still
 * named for as many weeks running as the digests, week after week, named it (this one included). With no
 * digest last week (the first digest, or a week skipped), nothing is marked: what last week said is not known.
 * A client this week's digest holds back (`heldBack`: snoozed, or settled by a decision) has not recovered: it
 * was answered, and is not listed as recovered.
 */
export function weekChanges(thisWeek: NamedWeek, previous: readonly NamedWeek[], heldBack: ReadonlySet<string> = new Set()): WeekChanges {
  const before = previous.filter((d) => Date.parse(d.week) < Date.parse(thisWeek.week)).sort((a, b) => Date.parse(b.week) - Date.parse(a.week));
  // The run of digests posted week after week up to this one, newest first.
  const run: Set<string>[] = [];
  let later = thisWeek.week;
  for (const d of before) {
    if (!follows(later, d.week)) break;
    run.push(new Set(d.clientIds));
    later = d.week;
  }
  const marks = new Map<string, WeekMark>();
  const lastWeek = run[0];
  if (!lastWeek) return { marks, recovered: [] };
  const named = [...new Set(thisWeek.clientIds)];
  for (const id of named) {
    let weeks = 1;
    while (weeks <= run.length && run[weeks - 1]!.has(id)) weeks++;
    marks.set(id, weeks === 1 ? { kind: 'new' } : { kind: 'still', weeks });
  }
  const now = new Set(named);
  return { marks, recovered: [...lastWeek].filter((id) => !now.has(id) && !heldBack.has(id)) };
}
