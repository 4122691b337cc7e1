import { setTimeout as sleep } from 'node:timers/promises';

/**
 * The error code Slack's Web API answered with (`channel_not_found`, `missing_scope`…), or the error itself as
 * text (an error's text starts with its name, "WebAPIRequestError: …", so it never looks like Slack's codes).
 */
export function slackErrorCode(error: unknown): string {
  const code = (error as { data?: { error?: unknown } } | undefined)?.data?.error;
  if (typeof code === 'string') return code;
  return error instanceof Error ? String(error) : `Thrown: ${String(error)}`;
}

/**
 * Slack's answers that mean "not now" rather than "no": the same call may well succeed in a moment
 * (`request_timeout`: the request reached Slack incomplete; `team_added_to_org`: a migration, for a while).
 */
const MOMENTARY_CODES = new Set([
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
  'ratelimited',
  'rate_limited',
  'team_added_to_org',
]);

/** What Slack's codes look like; anything else `slackErrorCode` gives is an error's own text: Slack never answered. */
const SLACK_CODE = /^[a-z][a-z0-9_]*$/;

/**
 * Whether a failed Slack call (its `slackErrorCode`) was a definite refusal: Slack answered and said why not
 * (`channel_not_found`, `not_in_channel`, `is_archived`, `missing_scope`…), so the same call fails again until
 * someone acts. Anything else is momentary: one of Slack's "not now" answers, or no answer at all (network
 * failure, timeout, HTTP 5xx, rate limit); it says nothing about the channel, and a later try may well work.
 */
export const isDefiniteRefusal = (code: string): boolean => SLACK_CODE.test(code) && !MOMENTARY_CODES.has(code);

/** The pauses before each quick retry within one run: short, so a holder's two-minute hold outlasts them all. */
export const QUICK_RETRY_DELAYS_MS: readonly number[] = [250, 1000];

/**
 * Runs `attempt`, and again after each pause of `delays` while it fails momentarily; a definite refusal, or the
 * last momentary failure, is thrown. `attempt` is told when it is a retry: the try that failed may have reached
 * Slack all the same (a lost answer, or Slack failing halfway).
 */
export async function retryMomentaryFailures<T>(attempt: (retry: boolean) => Promise<T>, delays = QUICK_RETRY_DELAYS_MS): Promise<T> {
  for (let tries = 0; ; tries++) {
    try {
      return await attempt(tries > 0);
    } catch (error) {
      if (tries >= delays.length || isDefiniteRefusal(slackErrorCode(error))) throw error;
      await sleep(delays[tries]);
    }
  }
}

/**
 * The seconds Slack asked to wait when it refused a call for its rate limit (HTTP 429 with Retry-After: the Web
 * API clients that work requests reject such calls at once rather than wait, see web.ts), else undefined.
 */
export function rateLimitRetryAfter(error: unknown): number | undefined {
  const e = error as { code?: string; retryAfter?: unknown } | null | undefined;
  return e?.code === 'slack_webapi_rate_limited_error' && typeof e.retryAfter === 'number' ? e.retryAfter : undefined;
}

export const isRateLimited = (error: unknown): boolean => rateLimitRetryAfter(error) !== undefined;

/**
 * True when a call failed because Slack did not answer it, or answered "not now": the network failed or the call
 * timed out, an HTTP 5xx, a rate limit, or one of Slack's momentary codes. Narrower than "not a definite refusal":
 * an error of our own (a bug) is neither, and a request that meets one is answered, not tried again.
 */
export function isTransientSlackError(error: unknown): boolean {
  const e = error as { code?: string; statusCode?: number } | null | undefined;
  if (e?.code === 'slack_webapi_request_error' || e?.code === 'slack_webapi_rate_limited_error') return true;
  if (e?.code === 'slack_webapi_http_error') return (e.statusCode ?? 0) >= 500;
  return e?.code === 'slack_webapi_platform_error' && MOMENTARY_CODES.has(slackErrorCode(error));
}
