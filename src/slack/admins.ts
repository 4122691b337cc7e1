/** Who is a workspace admin, asked of Slack (`users.info`, scope users:read) and remembered for a few minutes. */
import type { WebClient } from '@slack/web-api';

const TTL_MS = 5 * 60_000;

export class AdminDirectory {
  private readonly cache = new Map<string, { admin: boolean; until: number }>();

  async isAdmin(client: WebClient, teamId: string, userId: string): Promise<boolean> {
    const key = `${teamId}:${userId}`;
    const hit = this.cache.get(key);
    if (hit && hit.until > Date.now()) return hit.admin;
    const res = await client.users.info({ user: userId });
    const admin = Boolean(res.user?.is_admin || res.user?.is_owner || res.user?.is_primary_owner);
    this.cache.set(key, { admin, until: Date.now() + TTL_MS });
    return admin;
  }
}
