/**
 * Client names are user text in any script (Turkish İ/ı, Finnish ä typed composed or decomposed, Persian
 * with ZWNJ, German ß, emoji). A name is shown as typed (NFC); it is compared by its key, computed here
 * and nowhere else. The key is stored beside the name (`clients.name_key`), so SQL compares keys and never
 * folds case on its own: Postgres `lower()` depends on the server's locale and folds "İ" unlike JavaScript.
 */
import { FORMATTING_LOOK_ALIKES } from './mrkdwn.js';

/** The look-alikes `escapeName` shows formatting marks as, back to the marks (a copied name still matches). */
const LOOK_ALIKE_MARKS = new Map(Object.entries(FORMATTING_LOOK_ALIKES).map(([mark, alike]) => [alike, mark]));

/**
 * Characters that render as nothing never tell two names apart; control characters cannot be in a name at all
 * (and Postgres text cannot hold NUL), so a typed one is dropped rather than compared.
 */
const INVISIBLE = /[\p{Cc}\u00AD\u200B-\u200F\u2060-\u2064\uFEFF]/gu;

/** How a name is stored and shown: NFC, trimmed, inner runs of white space as one space. */
export function displayName(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * The key every lookup, uniqueness check and suggestion compares: compatibility-normalised (NFKC: ﬁ → fi,
 * full-width letters → ASCII), invisible characters dropped, and case-folded the same way in every locale.
 * Turkish dotted and dotless i (İ, I, ı, i) fold to one letter, ß and ẞ to ss, final sigma to sigma, and the
 * Arabic forms of yeh and kaf to the Persian ones that Persian keyboards type. Changing this function needs a
 * migration that re-keys stored names (see `keyUnkeyedClientNames`).
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(/[\u2217\u02CD\u223C\u02CB]/g, (c) => LOOK_ALIKE_MARKS.get(c)!)
    .replace(/\u0130/g, 'i')
    .replace(/[\u064A\u0649]/g, '\u06CC')
    .replace(/\u0643/g, '\u06A9')
    .toUpperCase()
    .toLowerCase()
    .replace(/i\u0307/g, 'i')
    .replace(/[ß\u1E9E]/g, 'ss')
    .normalize('NFKC')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The key with accents, punctuation and spacing gone: two names with one look-alike key are easily confused. */
export function lookAlikeKey(key: string): string {
  const skeleton = key
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[\p{P}\p{Z}\p{S}]/gu, '');
  return skeleton || key;
}

function trigrams(key: string): Set<string> {
  const out = new Set<string>();
  for (const word of key.split(' ')) {
    const chars = ['', '', ...Array.from(word), ''];
    for (let i = 0; i + 3 <= chars.length; i++) out.add(chars.slice(i, i + 3).join('\u0001'));
  }
  return out;
}

/**
 * How alike two name keys are, 0–1: shared trigrams over all trigrams (the measure pg_trgm uses, counted on
 * code points so every script and emoji counts), raised when one contains the other.
 */
export function nameSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const ta = trigrams(a);
  const tb = trigrams(b);
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  const jaccard = shared / (ta.size + tb.size - shared || 1);
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const contained = short.length >= 2 && long.includes(short) ? 0.5 + (0.5 * Array.from(short).length) / Array.from(long).length : 0;
  return Math.max(jaccard, contained);
}

/** Suggestions above this similarity are worth offering as "did you mean". */
export const SUGGESTION_SIMILARITY = 0.3;

/**
 * Two keys a person could take for one another: the same once accents and punctuation are gone, or one
 * letter apart in names long enough for that to be a slip rather than a different name.
 */
export function looksAlike(a: string, b: string): boolean {
  if (a === b) return true;
  const sa = lookAlikeKey(a);
  const sb = lookAlikeKey(b);
  if (sa === sb) return true;
  // Numbers tell names apart ("Store 12", "Store 13"): one digit is never a slip.
  const digits = (s: string) => s.replace(/\P{N}/gu, '');
  if (digits(sa) !== digits(sb)) return false;
  const ca = Array.from(sa);
  const cb = Array.from(sb);
  return Math.min(ca.length, cb.length) >= 8 && editDistanceAtMostOne(ca, cb);
}

function editDistanceAtMostOne(a: string[], b: string[]): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

/**
 * Strips one pair of quotes around a whole name (`"Quoted "Inner" Co"` → `Quoted "Inner" Co`): people quote
 * a name to keep its words together, never to make the quotes part of it.
 */
export function unquoteName(text: string): string {
  const t = text.trim();
  const m = /^(["“'‘])([\s\S]*)(["”'’])$/u.exec(t);
  if (!m || t.length < 2) return t;
  const pairs: Record<string, string> = { '"': '"', '“': '”', "'": "'", '‘': '’' };
  return pairs[m[1]!] === m[3] ? m[2]!.trim() : t;
}
