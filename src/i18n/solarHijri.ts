/**
 * The Solar Hijri (Persian, Jalali) calendar, as Persian readers type their dates: `۱۴۰۵/۰۹/۱۱` is 2 December 2026.
 * The conversion uses the same calendar Intl shows Persian readers their dates in (`-u-ca-persian`), so a date
 * typed back as it was shown is the same day. Pure.
 */
const DAY_MS = 86_400_000;

const persian = new Intl.DateTimeFormat('en-u-ca-persian-nu-latn', { timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric' });

export interface SolarHijriDate {
  year: number;
  month: number;
  day: number;
}

/** The Solar Hijri date of a Gregorian day (YYYY-MM-DD). */
export function toSolarHijri(isoDay: string): SolarHijriDate {
  const parts = persian.formatToParts(new Date(`${isoDay}T12:00:00Z`));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day') };
}

/** Years a typed date is taken to be Solar Hijri by (1300–1499: 1921–2121 in the Gregorian calendar). */
export const isSolarHijriYear = (year: number): boolean => year >= 1300 && year <= 1499;

/**
 * The Gregorian day (YYYY-MM-DD) of a Solar Hijri date, or undefined when there is no such date (month 13, the
 * 31st of Mehr, the 30th of Esfand in a common year).
 */
export function fromSolarHijri(year: number, month: number, day: number): string | undefined {
  if (!Number.isInteger(year) || month < 1 || month > 12 || day < 1 || day > (month <= 6 ? 31 : 30)) return undefined;
  const dayOfYear = month <= 6 ? (month - 1) * 31 + day : 186 + (month - 7) * 30 + day;
  // 1 Farvardin falls on 20 or 21 March (rarely the 19th or 22nd): look around it.
  const approx = Date.UTC(year + 621, 2, 21) + (dayOfYear - 1) * DAY_MS;
  for (const shift of [0, -1, 1, -2, 2]) {
    const iso = new Date(approx + shift * DAY_MS).toISOString().slice(0, 10);
    const back = toSolarHijri(iso);
    if (back.year === year && back.month === month && back.day === day) return iso;
  }
  return undefined;
}
