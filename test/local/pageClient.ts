/**
 * The local workspace's page, driven over its HTTP API as its script drives it (no browser): what the page
 * sends, what it reads back, and "Add to Slack" for the second workspace as a browser goes through it.
 */
export interface PageClient {
  post(path: string, body: Record<string, unknown>): Promise<any>;
  state(user: string): Promise<any>;
  /** Reads until `ok` holds (answers arrive through the app's workers, a moment later). */
  until<T>(read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs?: number): Promise<T>;
  /** The app's install page, the stand-in's "Allow" page (as `playing`, by its cookie), and the redirect back. */
  installSecondWorkspace(playing?: string): Promise<{ authorizeUrl: string; allowPage: string; back: Response }>;
}

export function pageClient(url: string): PageClient {
  const post = async (path: string, body: Record<string, unknown>) =>
    (await fetch(`${url}${path.slice(1)}`, { method: 'POST', body: JSON.stringify(body) })).json();
  const state = async (user: string) => (await fetch(`${url}local/state?user=${user}`)).json();
  return {
    post,
    state,
    async until(read, ok, timeoutMs = 15_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const v = await read();
        if (ok(v)) return v;
        if (Date.now() > until) throw new Error(`timed out; last read: ${JSON.stringify(v).slice(0, 500)}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async installSecondWorkspace(playing) {
      const config = (await (await fetch(`${url}local/config`)).json()) as { installUrl: string };
      const installPage = await fetch(config.installUrl);
      const cookie = (installPage.headers.get('set-cookie') ?? '').split(';')[0]!;
      const authorizeUrl = /href="([^"]*\/oauth\/v2\/authorize[^"]*)"/.exec(await installPage.text())![1]!.replace(/&amp;/g, '&');
      const allowPage = await (await fetch(authorizeUrl, playing ? { headers: { cookie: `rapport.user=${playing}` } } : {})).text();
      const action = /action="([^"]+)"/.exec(allowPage)![1]!;
      const stateValue = /name="state" value="([^"]+)"/.exec(allowPage)![1]!;
      const back = await fetch(`${action}?state=${encodeURIComponent(stateValue)}&code=T0SECOND.U0OTTO`, { headers: { cookie }, redirect: 'manual' });
      return { authorizeUrl, allowPage, back };
    },
  };
}
