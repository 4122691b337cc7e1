/**
 * Messages put into a reader's words: user text escaped, mrkdwn passed as it is, numbers in the reader's digits,
 * and Persian lines marked right to left with their arguments isolated, so a Latin name keeps its place.
 */
import { describe, expect, it } from 'vitest';
import { md, t, tPlain } from '../../src/i18n/messages.js';

describe('putting messages into words', () => {
  it('escapes user text in mrkdwn, and leaves it as typed in plain text', () => {
    expect(t('en', 'language.mine', { language: '<!channel> *Bold*' })).toBe('From now on Rapport speaks &lt;!channel&gt; \u2217Bold\u2217 to you.');
    expect(tPlain('en', 'language.mine', { language: '<!channel>' })).toBe('From now on Rapport speaks <!channel> to you.');
    expect(t('en', 'language.mine', { language: md('*English*') })).toBe('From now on Rapport speaks *English* to you.');
  });

  it('marks each Persian line right to left and isolates what is put into it', () => {
    const said = t('fa', 'language.mine', { language: 'Acme Corp' });
    expect(said.startsWith('\u200F')).toBe(true);
    expect(said).toContain('\u2068Acme Corp\u2069');
    expect(t('tr', 'language.mine', { language: 'Acme Corp' })).not.toMatch(/[\u200F\u2068\u2069]/);
  });

  it('in Persian, an argument that chooses a branch still chooses it: only what is shown is isolated', () => {
    const approved = t('fa', 'errors.proposal.answered', { status: 'approved', who: md('<@U0ALICE>') });
    const declined = t('fa', 'errors.proposal.answered', { status: 'declined', who: md('<@U0ALICE>') });
    expect(approved).toContain('پذیرفته');
    expect(declined).toContain('رد کرده');
    expect(approved).toContain('\u2068<@U0ALICE>\u2069');
  });
});
