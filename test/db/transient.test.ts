import { describe, expect, it } from 'vitest';
import { isTransientDatabaseError, retryTransient } from '../../src/db/transient.js';

const err = (code: string) => Object.assign(new Error(code), { code });

describe('retrying what a lost connection interrupted', () => {
  it('knows connection losses from real errors, also when wrapped', () => {
    expect(isTransientDatabaseError(err('CONNECTION_CLOSED'))).toBe(true);
    expect(isTransientDatabaseError(err('57P01'))).toBe(true);
    expect(isTransientDatabaseError(new Error('Failed query', { cause: err('08006') }))).toBe(true);
    expect(isTransientDatabaseError(new Error('Failed query', { cause: err('40P01') }))).toBe(true); // a deadlock's victim: retry
    expect(isTransientDatabaseError(err('23505'))).toBe(false);
    expect(isTransientDatabaseError(new Error('bug'))).toBe(false);
  });

  it('retries transient failures, then gives up; never retries other errors', async () => {
    let calls = 0;
    let retries = 0;
    const onRetry = () => retries++;
    await expect(retryTransient(async () => (++calls < 3 ? Promise.reject(err('ECONNREFUSED')) : 'ok'), { delays: [1, 1, 1], onRetry })).resolves.toBe('ok');
    expect([calls, retries]).toEqual([3, 2]);
    calls = 0;
    await expect(
      retryTransient(
        async () => {
          calls++;
          throw err('ECONNRESET');
        },
        { delays: [1, 1] },
      ),
    ).rejects.toThrow('ECONNRESET');
    expect(calls).toBe(3);
    calls = 0;
    await expect(
      retryTransient(
        async () => {
          calls++;
          throw err('23505');
        },
        { delays: [1, 1] },
      ),
    ).rejects.toThrow('23505');
    expect(calls).toBe(1);
  });
});
