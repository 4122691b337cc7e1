/** The stand-in Web API's rate limit, as Slack limits chat.postMessage: about 1 a second per channel, short bursts allowed. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalSlackWebApi } from '../../src/local/slackWebApi.js';

describe('the stand-in Web API’s limit on posting to a channel', () => {
  let api: LocalSlackWebApi;
  const call = async (method: string, params: Record<string, string>) => {
    const res = await fetch(`${api.apiUrl}${method}`, {
      method: 'POST',
      headers: { authorization: 'Bearer xoxb-test', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(params),
    });
    return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as Record<string, unknown> };
  };
  const post = (channel: string) => call('chat.postMessage', { channel, text: 'hello' });

  beforeAll(async () => {
    api = await new LocalSlackWebApi().start();
  });
  afterAll(() => api?.stop());

  it('is off by default: any number of posts go at once', async () => {
    const answers = await Promise.all(Array.from({ length: 10 }, () => post('C0UNLIMITED')));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
  });

  it('beyond the burst, answers HTTP 429 with Retry-After and `ratelimited`, channel by channel, for posts only', async () => {
    api.channelPostLimit = { perSecond: 1, burst: 2 };
    try {
      const seq = api.lastSeq;
      expect((await post('C0BUSY')).status).toBe(200);
      expect((await post('C0BUSY')).status).toBe(200);
      expect(await post('C0BUSY')).toEqual({ status: 429, retryAfter: '1', body: { ok: false, error: 'ratelimited' } });
      expect((await post('C0QUIET')).status).toBe(200);
      expect((await call('chat.update', { channel: 'C0BUSY', ts: '1.000001', text: 'edited' })).status).toBe(200);
      // Refused posts are recorded like any call, so tests and benchmarks can count them.
      const busy = api.calls.filter((c) => c.seq > seq && c.params.channel === 'C0BUSY' && c.method === 'chat.postMessage');
      expect(busy.map((c) => c.response?.error ?? 'ok')).toEqual(['ok', 'ok', 'ratelimited']);
    } finally {
      api.channelPostLimit = undefined;
    }
  });
});
