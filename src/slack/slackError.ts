/** The error code Slack's Web API answered with (`channel_not_found`, `missing_scope`…), or the error itself. */
export const slackErrorCode = (error: unknown): string => (error as { data?: { error?: string } }).data?.error ?? String(error);

/**
 * The seconds Slack asked to wait when it refused a call for its rate limit (HTTP 429 with Retry-After: the Web
 * API clients that work requests reject such calls at once rather than wait, see web.ts), else undefined.
 */
export function rateLimitRetryAfter(error: unknown): number | undefined {
  const e = error as { code?: string; retryAfter?: unknown } | null | undefined;
  return e?.code === 'slack_webapi_rate_limited_error' && typeof e.retryAfter === 'number' ? e.retryAfter : undefined;
}

export const isRateLimited = (error: unknown): boolean => rateLimitRetryAfter(error) !== undefined;

/** Slack's platform errors that say "not now" rather than "no" (its docs: retry these later). */
const TRANSIENT_CODES = new Set(['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout', 'ratelimited', 'rate_limited']);

/**
 * True when Slack did not answer the call, or answered "not now": the network failed or the call timed out, an
 * HTTP 5xx, a rate limit, or one of Slack's own transient errors. Anything else is a definite answer.
 */
export function isTransientSlackError(error: unknown): boolean {
  const e = error as { code?: string; statusCode?: number } | null | undefined;
  if (e?.code === 'slack_webapi_request_error' || e?.code === 'slack_webapi_rate_limited_error') return true;
  if (e?.code === 'slack_webapi_http_error') return (e.statusCode ?? 0) >= 500;
  return e?.code === 'slack_webapi_platform_error' && TRANSIENT_CODES.has(slackErrorCode(error));
}
