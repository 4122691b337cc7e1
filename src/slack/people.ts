/**
 * Who someone is to a workspace, asked of Slack (`users.info`, scope users:read) and remembered for a few
 * minutes: an admin, a full member, a guest (single- or multi-channel), someone from another organisation (a
 * Slack Connect user), or someone who left (deactivated). Rapport's data is for full members only (guests if an
 * admin allows them), whether they act or receive. In an Enterprise Grid org, every member of the org is a
 * member of its workspaces, whichever workspace Slack names as theirs.
 */
import type { WebClient } from '@slack/web-api';

const TTL_MS = 5 * 60_000;
/** A workspace's org does not change while Rapport is installed there; asked again hourly all the same. */
const ORG_TTL_MS = 60 * 60_000;

export type Standing = 'member' | 'guest' | 'external' | 'departed';

export interface Person {
  isAdmin: boolean;
  standing: Standing;
  /** Their own time zone as Slack knows it (`tz`): reminders reach them in their morning. */
  timeZone: string;
  /** Slack's language for them (`include_locale`): "en-US", "tr-TR"; one of Rapport's only where Slack speaks it. */
  locale: string | undefined;
}

/** The parts of Slack's user object the standing is read from. */
export interface SlackUser {
  team_id?: string;
  deleted?: boolean;
  is_stranger?: boolean;
  is_restricted?: boolean;
  is_ultra_restricted?: boolean;
  enterprise_user?: { enterprise_id?: string; teams?: string[] };
}

/**
 * Someone's standing in `teamId` (whose Enterprise Grid org is `org`, if any). Slack names a Grid member's own
 * workspace, or the org itself, as their `team_id`: membership of the org is what counts.
 */
export function standingOf(user: SlackUser, teamId: string, org: string | undefined): Standing {
  if (user.deleted) return 'departed';
  const ofThisWorkspace = user.team_id === teamId || Boolean(user.enterprise_user?.teams?.includes(teamId));
  const ofThisOrg = org !== undefined && (user.enterprise_user?.enterprise_id === org || user.team_id === org);
  if (user.is_stranger || !(ofThisWorkspace || ofThisOrg)) return 'external';
  return user.is_restricted || user.is_ultra_restricted ? 'guest' : 'member';
}

export class PeopleDirectory {
  private readonly cache = new Map<string, { person: Promise<Person>; until: number }>();
  private readonly orgs = new Map<string, { org: Promise<string | undefined>; until: number }>();

  /**
   * `teamId`: the workspace whose data the request is about (the installation's team). Concurrent asks for the
   * same person share one call to Slack (a burst of type-ahead asks once).
   */
  person(client: WebClient, teamId: string, userId: string): Promise<Person> {
    const key = `${teamId}:${userId}`;
    const hit = this.cache.get(key);
    if (hit && hit.until > Date.now()) return hit.person;
    const person = this.ask(client, teamId, userId);
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(key, { person, until: Date.now() + TTL_MS });
    // A failed ask is not remembered: the next one asks Slack again.
    person.catch(() => this.cache.get(key)?.person === person && this.cache.delete(key));
    return person;
  }

  /** Slack said the person changed (became a guest, left, came back): the next ask goes to Slack. */
  forget(teamId: string, userId: string): void {
    this.cache.delete(`${teamId}:${userId}`);
  }

  async isAdmin(client: WebClient, teamId: string, userId: string): Promise<boolean> {
    return (await this.person(client, teamId, userId)).isAdmin;
  }

  /** The Enterprise Grid org a workspace belongs to (auth.test with its bot token), undefined outside Grid. */
  orgOf(client: WebClient, teamId: string): Promise<string | undefined> {
    const hit = this.orgs.get(teamId);
    if (hit && hit.until > Date.now()) return hit.org;
    const org = client.auth.test().then((auth) => (typeof auth.enterprise_id === 'string' && auth.enterprise_id ? auth.enterprise_id : undefined));
    this.orgs.set(teamId, { org, until: Date.now() + ORG_TTL_MS });
    org.catch(() => this.orgs.get(teamId)?.org === org && this.orgs.delete(teamId));
    return org;
  }

  private async ask(client: WebClient, teamId: string, userId: string): Promise<Person> {
    const { user } = await client.users.info({ user: userId, include_locale: true });
    const found: SlackUser & { is_admin?: boolean; is_owner?: boolean; is_primary_owner?: boolean; tz?: string; locale?: string } = user ?? { deleted: true };
    // Only someone Slack places outside this workspace needs the workspace's org to be placed.
    const org = found.enterprise_user && found.team_id !== teamId ? await this.orgOf(client, teamId) : undefined;
    const standing = standingOf(found, teamId, org);
    return {
      isAdmin: standing === 'member' && Boolean(found.is_admin || found.is_owner || found.is_primary_owner),
      standing,
      timeZone: found.tz ?? 'UTC',
      locale: found.locale,
    };
  }
}

/** The workspace's admins and owners (users.list, scope users:read): people, not bots, still there. */
export async function workspaceAdmins(client: WebClient, teamId: string): Promise<string[]> {
  const admins: string[] = [];
  for await (const page of client.paginate('users.list', { limit: 200 })) {
    for (const u of (page as { members?: Record<string, any>[] }).members ?? []) {
      const ofThisWorkspace = u.team_id === teamId || Boolean(u.enterprise_user?.teams?.includes(teamId));
      if (ofThisWorkspace && !u.deleted && !u.is_bot && (u.is_admin || u.is_owner || u.is_primary_owner)) admins.push(String(u.id));
    }
  }
  return admins;
}
