/**
 * Personal digests (issue 14): each person who opted in (`/rapport settings me digest on`) gets their own
 * clients' part of the weekly digest by DM, at the workspace's day and time in their own time zone (Slack's
 * `tz`), once per week whichever instance ticks first; a sender that dies is replaced after a lease.
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { WebClient } from '@slack/web-api';
import type { Database } from '../db/client.js';
import { inWorkspace } from '../db/workspaceScope.js';
import { claimPersonalSend, markPersonalSent, personalDigestSubscribersOf } from '../db/queries/personal.js';
import { listWorkspaces, type Workspace } from '../db/queries/workspaces.js';
import { errorText, type Logger } from '../log.js';
import type { PeopleDirectory } from '../slack/people.js';
import { sendDm } from '../slack/reply.js';
import { scheduleOf, type DigestRunner } from './run.js';
import { latestSlot } from './slots.js';

export interface PersonalDigestDeps {
  db: Database;
  owner: Database;
  digest: DigestRunner;
  webFor: (teamId: string) => Promise<WebClient>;
  people: PeopleDirectory;
  logger: Logger;
  now: () => Date;
  instance?: string;
  leaseSeconds?: number;
}

export interface PersonalDigestSent {
  teamId: string;
  userId: string;
  week: string;
  pages: number;
}

export class PersonalDigests {
  private readonly instance: string;

  constructor(private readonly deps: PersonalDigestDeps) {
    this.instance = deps.instance ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  }

  async tick(): Promise<PersonalDigestSent[]> {
    const now = this.deps.now();
    const sent: PersonalDigestSent[] = [];
    for (const workspace of await listWorkspaces(this.deps.owner)) {
      if (workspace.uninstalledAt) continue;
      try {
        sent.push(...(await inWorkspace(workspace.teamId, () => this.sendDue(workspace, now))));
      } catch (error) {
        this.deps.logger.error('personal digests failed for a workspace', { team: workspace.teamId, error: errorText(error) });
      }
    }
    return sent;
  }

  private async sendDue(workspace: Workspace, now: Date): Promise<PersonalDigestSent[]> {
    const subscribers = await personalDigestSubscribersOf(this.deps.db, workspace.teamId);
    if (subscribers.length === 0) return [];
    const web = await this.deps.webFor(workspace.teamId);
    const sent: PersonalDigestSent[] = [];
    for (const { userId, subscribedAt } of subscribers) {
      try {
        const { timeZone } = await this.deps.people.person(web, workspace.teamId, userId);
        const slot = latestSlot({ ...scheduleOf(workspace), timeZone }, now);
        // Nothing was missed before they asked for it: a new subscriber waits for their first slot.
        if (slot.at < subscribedAt) continue;
        const send = { userId, kind: 'digest', key: slot.week } as const;
        if (!(await claimPersonalSend(this.deps.db, workspace.teamId, send, this.instance, this.deps.leaseSeconds ?? 120))) continue;
        const pages = await this.deps.digest.personalPages(workspace, userId, slot.at);
        for (const page of pages) await sendDm(web, userId, { text: page.text, blocks: page.blocks });
        await markPersonalSent(this.deps.db, workspace.teamId, send);
        sent.push({ teamId: workspace.teamId, userId, week: slot.week, pages: pages.length });
      } catch (error) {
        this.deps.logger.warn('could not send someone their personal digest', { team: workspace.teamId, user: userId, error: errorText(error) });
      }
    }
    return sent;
  }
}
