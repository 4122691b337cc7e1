/**
 * Retrying what a lost database connection interrupted (a restart, a failover), or what the database rolled back
 * to break a deadlock or a serialization conflict (it asks for a retry). Only for idempotent work: logging carries
 * the Slack request key, so a retry after a commit whose answer was lost finds the entry instead of writing it
 * twice.
 */
const TRANSIENT_CODES = new Set([
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up)
  '40P01', // deadlock_detected: this transaction was the one rolled back
  '40001', // serialization_failure
]);

export function isTransientDatabaseError(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const code = String((e as { code?: unknown }).code ?? '');
    if (TRANSIENT_CODES.has(code) || code.startsWith('08')) return true;
  }
  return false;
}

const DELAYS_MS = [100, 400, 1000, 2000];

export async function retryTransient<T>(
  work: () => Promise<T>,
  { delays = DELAYS_MS, onRetry }: { delays?: readonly number[]; onRetry?: () => void } = {},
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const delay = delays[attempt];
      if (delay === undefined || !isTransientDatabaseError(error)) throw error;
      onRetry?.();
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
