/** The error code Slack's Web API answered with (`channel_not_found`, `missing_scope`…), or the error itself. */
export const slackErrorCode = (error: unknown): string => (error as { data?: { error?: string } }).data?.error ?? String(error);
