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

/** Words' keys, kept: see `wordKey`. */
const wordKeys = new Map<string, string>();

/**
 * The key a typed word (a trait, an incident kind, a category, a date word) is compared by: the name key, then
 * without accents and other combining marks, spaces, hyphens or underscores. `+İLETİŞİM`, `+iletisim` and
 * `+iletişim` are one word, `long-term` and `long_term` too, `مشکل‌دار` and `مشکل دار` too. Never stored, so it
 * may change; client names keep `nameKey`.
 */
export function wordKey(word: string): string {
  let key = wordKeys.get(word);
  if (key === undefined) {
    key = nameKey(word)
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/[\s_\-\u2010\u2011]+/g, '')
      .normalize('NFC');
    // Kept for the vocabulary's words, which each typed word is compared with: a /call's two trait words took 0.033
    // ms, 0.001 kept (measured). Bounded, as typed words pass through too.
    if (wordKeys.size >= 10_000) wordKeys.clear();
    wordKeys.set(word, key);
  }
  return key;
}

/** The most words a client's name is read from at the start of a command: longer runs are the command's own words. */
export const NAME_WORDS_AT_MOST = 8;

/**
 * Whether one name key is the other's leading whole words ("northwind" and "northwind traders ltd"), so a one-liner
 * typing the shorter could mean either. Keys only (`nameKey`): words are split where the key has its one space.
 */
export function leadsByWords(shorter: string, longer: string): boolean {
  return shorter.length > 0 && longer.startsWith(`${shorter} `);
}

/** Whether either of two name keys is the other's leading whole words. */
export const oneLeadsTheOther = (a: string, b: string): boolean => leadsByWords(a, b) || leadsByWords(b, a);

/** A name key without accents (`isik` for Işık): suggestions compare it too, so accent-free typing finds the name. */
export function accentFreeKey(key: string): string {
  return key.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
}

/**
 * Letters of other scripts that a reader takes for a Latin letter, listed by that letter: the cross-script part of
 * Unicode's confusables (UTS #39 "Unicode Security Mechanisms", confusables.txt) for the Cyrillic, Greek and
 * Armenian letters that look like Latin ones, plus Latin letters of another shape (ɑ, ɡ, ɩ) and the estimate
 * sign ℮. Capitals and small letters are listed as they look (Cyrillic capital В is a B; small в is not a b):
 * they are mapped before the key folds case. Full-width (Ｇ), mathematical (𝐆) and letterlike (ℊ) forms need no
 * entry: the key's compatibility normalisation (NFKC) already makes them Latin. Two departures, for a key that folds
 * case: confusables.txt maps the capitals Ι, І and Ӏ to l (as it maps Latin I) and м to rn (as it maps Latin m);
 * here they are i and m, which is what Latin I and m are in a key.
 */
const LOOK_ALIKES_OF_LATIN: Readonly<Record<string, string>> = {
  a: 'АаΑαɑ',
  b: 'ВΒЬ',
  c: 'СсϹϲ',
  d: 'ԁ',
  e: 'ЕеΕҽ℮',
  f: 'Ϝք',
  g: 'Ԍɡց',
  h: 'НһΗհ',
  i: 'ІіӀӏΙιɩ',
  j: 'ЈјͿϳ',
  k: 'КкΚκ',
  m: 'МмΜ',
  n: 'Νηπпոռ',
  o: 'ОоΟοσՕօ',
  p: 'РрΡρ',
  q: 'ԛզգ',
  r: 'г',
  s: 'ЅѕՏ',
  t: 'ТтΤτ',
  u: 'υՍսц',
  v: 'νѴѵ',
  w: 'Ԝԝѡա',
  x: 'ХхΧ',
  y: 'ҮүΥγу',
  z: 'Ζ',
};

/**
 * Everything a skeleton maps: the Latin look-alikes above; the Arabic-Indic (٠–٩) and Persian (۰–۹) digits, which
 * keyboards of the two languages mix and confusables.txt holds alike, as the digits they are; and Arabic ae (ە) as
 * heh (ه), which confusables.txt holds alike too (the Persian ۀ decomposes to it).
 */
const SKELETON_MAP = new Map<string, string>([
  ...Object.entries(LOOK_ALIKES_OF_LATIN).flatMap(([latin, alikes]) => Array.from(alikes, (alike): [string, string] => [alike, latin])),
  ...Array.from({ length: 10 }, (_, d): [string, string][] => [
    [String.fromCharCode(0x0660 + d), String(d)],
    [String.fromCharCode(0x06f0 + d), String(d)],
  ]).flat(),
  ['\u06D5', '\u0647'],
]);

/** Whether a (decomposed) name holds anything the skeleton maps: most names do not, and skip the mapping. */
const MAPPED = new RegExp(`[${[...SKELETON_MAP.keys()].join('')}]`, 'u');

/** The name keyed as a reader sees it: every mapped character (accented letters by their base) replaced first. */
function keySeen(name: string, key = nameKey(name)): string {
  const decomposed = name.normalize('NFD');
  return MAPPED.test(decomposed) ? nameKey(Array.from(decomposed, (c) => SKELETON_MAP.get(c) ?? c).join('')) : key;
}

/** A key with accents, punctuation, spacing and symbols gone (a key of nothing else stays itself). */
function bare(key: string): string {
  const skeleton = key
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[\p{P}\p{Z}\p{S}]/gu, '');
  return skeleton || key;
}

/**
 * The digits 0 and 1 inside a word that has letters, read as the letters o and l ("Gl0bex", "F1rst"): a common
 * spoof. A number standing as its own word ("Store 10") stays a number.
 */
function digitsReadAsLetters(key: string): string {
  return key
    .split(' ')
    .map((word) => (/\p{L}/u.test(word) ? word.replace(/0/g, 'o').replace(/1/g, 'l') : word))
    .join(' ');
}

/**
 * A name's confusable skeleton (the idea of UTS #39): what is left of it once every letter that looks like a Latin
 * one is that Latin letter, case is folded and accents, punctuation and spacing are gone. "Glоbex" with a Cyrillic
 * о and "Ԍlobex" with a Cyrillic Ԍ have the skeleton of "Globex"; a name in one script with no Latin look-alikes
 * ("شرکت پارس") keeps its own letters.
 */
export function lookAlikeSkeleton(name: string): string {
  return bare(keySeen(name));
}

/**
 * The ways a reader may read a name, each compared with the same reading of another: as keyed (so "ΑΘΗΝΑ" and
 * "Αθηνά." stay alike), as its skeleton, and as its skeleton with 0 and 1 inside words read as letters.
 */
function readings(name: string, key = nameKey(name)): [string, string, string] {
  const seen = keySeen(name, key);
  const asKeyed = bare(key);
  const asSeen = seen === key ? asKeyed : bare(seen);
  return [asKeyed, asSeen, /[01]/.test(seen) ? bare(digitsReadAsLetters(seen)) : asSeen];
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
 * Which names a person could take for `name`: those read alike (see `readings`), or, in names long enough for that
 * to be a slip rather than a different name, one letter apart. The same name in another case or Unicode form is
 * alike too, but is refused earlier by its key. Returns a test to run on each other name (with its stored key,
 * when it has one), so that `name` is read once.
 */
export function looksAlikeTo(name: string): (other: { name: string; nameKey?: string }) => boolean {
  const mine = readings(name);
  return (other) => {
    const theirs = readings(other.name, other.nameKey);
    return mine.some((reading, i) => readAlike(reading, theirs[i]!));
  };
}

function readAlike(sa: string, sb: string): boolean {
  if (sa === sb) return true;
  const ca = Array.from(sa);
  const cb = Array.from(sb);
  if (Math.min(ca.length, cb.length) < 8 || !editDistanceAtMostOne(ca, cb)) return false;
  // Numbers tell names apart ("Store 12", "Store 13"): one digit is never a slip.
  const digits = (s: string) => s.replace(/\P{N}/gu, '');
  return digits(sa) === digits(sb);
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
