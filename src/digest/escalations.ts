/**
 * Escalation (issue 14): a client that meets firing criteria or is at risk, named by two digests in a row with
 * nobody acknowledging, snoozing or deciding in between, is named to the workspace's admins by DM, once per
 * admin and week, with the digest's own buttons.
 */
import type { WebClient } from '@slack/web-api';
import type { Workspace } from '../db/queries/workspaces.js';
import { claimPersonalSend, markPersonalSent } from '../db/queries/personal.js';
import { section } from '../slack/blocks/kit.js';
import { workspaceAdmins } from '../slack/people.js';
import { sendDm } from '../slack/reply.js';
import { isMemberHere } from '../slack/recipients.js';
import type { DigestPage } from '../slack/blocks/digest.js';
import { readerOf } from '../slack/readers.js';
import { t } from '../i18n/messages.js';
import type { Reader } from '../i18n/reader.js';
import type { DigestRunner } from './run.js';
import { instanceName, sweepPeople, sweepWorkspaces, type ScheduledDmDeps } from './sweep.js';

export interface EscalationSent {
  teamId: string;
  userId: string;
  week: string;
  clients: number;
}

export class Escalations {
  private readonly instance: string;

  constructor(private readonly deps: ScheduledDmDeps & { digest: DigestRunner }) {
    this.instance = deps.instance ?? instanceName();
  }

  tick(): Promise<EscalationSent[]> {
    return sweepWorkspaces(this.deps.owner, this.deps.logger, 'escalations', (workspace) => this.escalate(workspace));
  }

  private async escalate(workspace: Workspace): Promise<EscalationSent[]> {
    const due = await this.deps.digest.escalation(workspace);
    if (!due) return [];
    const web = await this.deps.webFor(workspace.teamId);
    const admins = await workspaceAdmins(web, workspace.teamId);
    return sweepPeople(workspace.teamId, admins, this.deps.logger, 'tell an admin about clients nobody answered', (admin) =>
      this.tell(web, workspace, admin, due),
    );
  }

  private async tell(
    web: WebClient,
    workspace: Workspace,
    admin: string,
    due: { week: string; clients: number; pagesFor: (reader: Reader) => Promise<DigestPage[]> },
  ): Promise<EscalationSent | undefined> {
    const { teamId } = workspace;
    const send = { userId: admin, kind: 'escalation', key: due.week } as const;
    if (!(await claimPersonalSend(this.deps.db, { teamId, send, instance: this.instance, leaseSeconds: this.deps.leaseSeconds ?? 120 }))) return undefined;
    if (!(await isMemberHere(this.deps, web, teamId, admin))) {
      await markPersonalSent(this.deps.db, { teamId, send });
      return undefined;
    }
    // In the admin's own language, the lead and the digest's pages alike.
    const reader = await readerOf(this.deps, web, workspace, admin);
    const lead = t(reader, 'digest.escalation', { count: due.clients });
    await sendDm(web, admin, { text: lead, blocks: [section(lead)] });
    for (const page of await due.pagesFor(reader)) await sendDm(web, admin, { text: page.text, blocks: page.blocks });
    await markPersonalSent(this.deps.db, { teamId, send });
    return { teamId, userId: admin, week: due.week, clients: due.clients };
  }
}
