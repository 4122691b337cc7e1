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
