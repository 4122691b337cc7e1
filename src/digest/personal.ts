/**
 * Personal digests (issue 14): each person who opted in (`/rapport settings me digest on`) gets their own
 * clients' part of the weekly digest by DM, at the workspace's day and time in their own time zone (Slack's
 * `tz`), once per week whichever instance ticks first; a sender that dies is replaced after a lease.
 */
import type { WebClient } from '@slack/web-api';
import { claimPersonalSend, markPersonalSent, personalDigestSubscribersOf } from '../db/queries/personal.js';
import type { Workspace } from '../db/queries/workspaces.js';
import { sendDm } from '../slack/reply.js';
import { isMemberHere } from '../slack/recipients.js';
import { readerOf } from '../slack/readers.js';
import { scheduleOf, type DigestRunner } from './run.js';
import { latestSlot } from './slots.js';
import { instanceName, sweepPeople, sweepWorkspaces, type ScheduledDmDeps } from './sweep.js';

export interface PersonalDigestDeps extends ScheduledDmDeps {
  /** Composes each person's part of the week's digest. */
  digest: DigestRunner;
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
    this.instance = deps.instance ?? instanceName();
  }

  tick(): Promise<PersonalDigestSent[]> {
    return sweepWorkspaces(this.deps.owner, this.deps.logger, 'personal digests', (workspace) => this.sendDue(workspace, this.deps.now(workspace.teamId)));
  }

  private async sendDue(workspace: Workspace, now: Date): Promise<PersonalDigestSent[]> {
    const subscribers = await personalDigestSubscribersOf(this.deps.db, workspace.teamId);
    if (subscribers.length === 0) return [];
    const web = await this.deps.webFor(workspace.teamId);
    const since = new Map(subscribers.map((s) => [s.userId, s.subscribedAt]));
    return sweepPeople(workspace.teamId, [...since.keys()], this.deps.logger, 'send someone their personal digest', (userId) =>
      this.sendTo(web, workspace, userId, since.get(userId)!, now),
    );
  }

  private async sendTo(web: WebClient, workspace: Workspace, userId: string, subscribedAt: Date, now: Date): Promise<PersonalDigestSent | undefined> {
    const { timeZone } = await this.deps.people.person(web, workspace.teamId, userId);
    const slot = latestSlot({ ...scheduleOf(workspace), timeZone }, now);
    // Nothing was missed before they asked for it: a new subscriber waits for their first slot.
    if (slot.at < subscribedAt) return undefined;
    const send = { userId, kind: 'digest', key: slot.week } as const;
    if (!(await claimPersonalSend(this.deps.db, { teamId: workspace.teamId, send, instance: this.instance, leaseSeconds: this.deps.leaseSeconds ?? 120 })))
      return undefined;
    // Their part of the digest, in their own language.
    const pages = await this.deps.digest.personalPages(workspace, userId, slot.at, await readerOf(this.deps, web, workspace, userId));
    // Whoever became a guest or left since they asked for it is sent nothing (the week is marked, so not asked again).
    const member = await isMemberHere(this.deps, web, workspace.teamId, userId);
    if (member) for (const page of pages) await sendDm(web, userId, { text: page.text, blocks: page.blocks });
    await markPersonalSent(this.deps.db, { teamId: workspace.teamId, send });
    return member ? { teamId: workspace.teamId, userId, week: slot.week, pages: pages.length } : undefined;
  }
}
