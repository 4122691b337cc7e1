/**
 * Who someone is to a workspace, asked of Slack (`users.info`, scope users:read) and remembered for a few
 * minutes: an admin, a full member, a guest (single- or multi-channel), or someone from another organisation
 * (a Slack Connect user). Rapport's data is for full members only (guests if an admin allows them).
 */
import type { WebClient } from '@slack/web-api';

const TTL_MS = 5 * 60_000;

export type Standing = 'member' | 'guest' | 'external';

export interface Person {
  isAdmin: boolean;
  standing: Standing;
  /** Their own time zone as Slack knows it (`tz`): reminders reach them in their morning. */
  timeZone: string;
}

export class PeopleDirectory {
  private readonly cache = new Map<string, { person: Person; until: number }>();

  /** `teamId`: the workspace whose data the request is about (the installation's team). */
  async person(client: WebClient, teamId: string, userId: string): Promise<Person> {
    const key = `${teamId}:${userId}`;
    const hit = this.cache.get(key);
    if (hit && hit.until > Date.now()) return hit.person;
    const { user } = await client.users.info({ user: userId });
    const restricted = Boolean(user?.is_restricted || user?.is_ultra_restricted);
    const standing: Standing = user?.team_id !== teamId || user?.is_stranger ? 'external' : restricted ? 'guest' : 'member';
    const person = {
      isAdmin: standing === 'member' && Boolean(user?.is_admin || user?.is_owner || user?.is_primary_owner),
      standing,
      timeZone: user?.tz ?? 'UTC',
    };
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(key, { person, until: Date.now() + TTL_MS });
    return person;
  }

  async isAdmin(client: WebClient, teamId: string, userId: string): Promise<boolean> {
    return (await this.person(client, teamId, userId)).isAdmin;
  }
}

/** The workspace's admins and owners (users.list, scope users:read): people, not bots, still there. */
export async function workspaceAdmins(client: WebClient, teamId: string): Promise<string[]> {
  const admins: string[] = [];
  for await (const page of client.paginate('users.list', { limit: 200 })) {
    for (const u of (page as { members?: Record<string, any>[] }).members ?? []) {
      if (u.team_id === teamId && !u.deleted && !u.is_bot && (u.is_admin || u.is_owner || u.is_primary_owner)) admins.push(String(u.id));
    }
  }
  return admins;
}
