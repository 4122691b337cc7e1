/**
 * Everything Rapport says to people is Slack mrkdwn, its error messages included (they carry `code` and
 * <@mentions>). User text inside such a message goes through these, so it can neither mention, link nor format.
 */

/** Escapes the three characters mrkdwn treats as control characters, so user text cannot mention or link. */
export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Formatting marks in a name, swapped for characters that look the same but format nothing. Slack's mrkdwn has
 * no escape for `*`, `_`, `~` or a backtick, and a name is often shown in bold (`*${name}*`), where a mark of its
 * own would end the bold early. `nameKey` folds these back, so a name copied from a message still matches.
 */
export const FORMATTING_LOOK_ALIKES: Readonly<Record<string, string>> = { '*': '\u2217', _: '\u02CD', '~': '\u223C', '`': '\u02CB' };

/** A client name for a mrkdwn message: escaped, and unable to format. */
export function escapeName(name: string): string {
  return escapeText(name).replace(/[*_~`]/g, (c) => FORMATTING_LOOK_ALIKES[c]!);
}

/** User text quoted as code (`like this`): escaped, and its own backticks unable to end the quote. */
export function quoteCode(text: string): string {
  return `\`${escapeText(text).replace(/`/g, FORMATTING_LOOK_ALIKES['`']!)}\``;
}
