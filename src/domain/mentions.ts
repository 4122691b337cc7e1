/**
 * Whether stored text still speaks of a client: by one of its ids, or by its name however it was written (in any
 * case, composed or not: compared by `nameKey`; escaped for mrkdwn; inside JSON text). What erasing a client looks
 * for where it cannot simply delete rows: the digest's stored pages and the request inbox.
 */
import { escapeText } from './mrkdwn.js';
import { nameKey } from './names.js';

/** A client being erased, as what names it: its id, and every name it went by (its name now, and before renaming). */
export interface ErasedClient {
  id: string;
  names: readonly string[];
}

/** Every string of a JSON value, its keys included (text holding JSON, such as a form's metadata, is one string). */
export function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([key, v]) => [key, ...stringsOf(v)]);
  return [];
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** A test of text for any of `ids` (uuids: a client's, its records'). */
export function holdsAnyId(ids: ReadonlySet<string>): (text: string) => boolean {
  return (text) => Array.from(text.matchAll(UUID), (m) => m[0].toLowerCase()).some((id) => ids.has(id));
}

const WORD_CHARACTER = /[\p{L}\p{N}\p{M}]/u;
const isWordCharacter = (c: string | undefined) => c !== undefined && WORD_CHARACTER.test(c);

/**
 * A test of text for any of `names`, folded as names are compared (a name typed `leak iş co` is "Leak İş Co"), as
 * written, escaped for mrkdwn, or escaped inside JSON text. A name counts where no letter or digit touches it;
 * with `standalone`, only where no further word follows or precedes it either (so another name that begins with
 * it, "Leak İş Co Holdings", is not it: what a digest shows is names standing alone, in bold or in lists).
 */
export function namesAnyOf(names: readonly string[], { standalone = false } = {}): (text: string) => boolean {
  const written = names.flatMap((name) => [name, escapeText(name)]).flatMap((name) => [name, JSON.stringify(name).slice(1, -1)]);
  const keys = [...new Set(written.map(nameKey))].filter((key) => key !== '');
  const apart = (before: string[], after: string[]) =>
    !isWordCharacter(before[0]) &&
    !isWordCharacter(after[0]) &&
    !(standalone && ((before[0] === ' ' && isWordCharacter(before[1])) || (after[0] === ' ' && isWordCharacter(after[1]))));
  return (text) => {
    const folded = nameKey(text);
    return keys.some((key) => {
      for (let at = folded.indexOf(key); at >= 0; at = folded.indexOf(key, at + 1)) {
        const before = Array.from(folded.slice(Math.max(0, at - 4), at)).reverse();
        const after = Array.from(folded.slice(at + key.length, at + key.length + 4));
        if (apart(before, after)) return true;
      }
      return false;
    });
  };
}
