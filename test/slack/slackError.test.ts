/** Slack saying no, told from Slack failing for a moment (or not answering at all). */
import { describe, expect, it } from 'vitest';
import { WebAPIHTTPError, WebAPIPlatformError, WebAPIRateLimitedError, WebAPIRequestError } from '@slack/web-api';
import { isDefiniteRefusal, retryMomentaryFailures, slackErrorCode } from '../../src/slack/slackError.js';

const platform = (error: string) => new WebAPIPlatformError({ ok: false, error } as never);
const classify = (error: unknown) => isDefiniteRefusal(slackErrorCode(error));

describe('isDefiniteRefusal', () => {
  it('Slack naming why not is a definite refusal', () => {
    for (const code of ['channel_not_found', 'not_in_channel', 'is_archived', 'missing_scope', 'invalid_auth', 'account_inactive', 'msg_too_long'])
      expect([code, classify(platform(code))]).toEqual([code, true]);
  });

  it('Slack’s own momentary failures are not', () => {
    for (const code of ['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout', 'ratelimited', 'rate_limited', 'team_added_to_org'])
      expect([code, classify(platform(code))]).toEqual([code, false]);
  });

  it('no answer from Slack (HTTP 5xx, network, timeout, rate limit, anything else thrown) is not', () => {
    const timeout = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    for (const error of [
      new WebAPIHTTPError(503, 'Service Unavailable', {}, '{"ok":false,"error":"service_unavailable"}'),
      new WebAPIHTTPError(500, 'Internal Server Error', {}, '<html>'),
      new WebAPIRequestError(new Error('fetch failed')),
      new WebAPIRequestError(timeout),
      new WebAPIRateLimitedError(30),
      timeout,
      new Error('conversations.info answered without the channel'),
      new Error(''),
      undefined,
    ])
      expect([String(error), classify(error)]).toEqual([String(error), false]);
  });
});

describe('retryMomentaryFailures', () => {
  it('tries a momentary failure again (telling the attempt it is a retry), and stops at a refusal or after the last pause', async () => {
    const seen: boolean[] = [];
    expect(
      await retryMomentaryFailures(
        async (retry) => {
          seen.push(retry);
          if (seen.length < 3) throw platform('internal_error');
          return 'ts';
        },
        [1, 1],
      ),
    ).toBe('ts');
    expect(seen).toEqual([false, true, true]);

    let refused = 0;
    await expect(retryMomentaryFailures(async () => (refused++, Promise.reject(platform('not_in_channel'))), [1, 1])).rejects.toThrow('not_in_channel');
    expect(refused).toBe(1);

    let failing = 0;
    await expect(retryMomentaryFailures(async () => (failing++, Promise.reject(platform('fatal_error'))), [1, 1])).rejects.toThrow('fatal_error');
    expect(failing).toBe(3);
  });
});
