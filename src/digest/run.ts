/**
 * Posting the weekly digest: claim the workspace-week in Postgres, select and compose, post, record the ts.
 * Any number of instances may tick at once; the unique week row decides who posts.
 */
import type { WebClient } from '@slack/web-api';
import { DIGEST_SECTIONS, isQuietWeek, selectDigest, selectionFor, unansweredTwice, type DigestSelection } from '../domain/digestSelection.js';
import type { Database } from '../db/client.js';
import { loadDisputes } from '../db/queries/disagreements.js';
import { disputeShownDays } from '../domain/disagreements.js';
import { carriesMonthlyOutcomes } from '../domain/outcomes.js';
import { monthlyOutcomes } from '../services/outcomes.js';
import { clientStandings } from '../services/portfolio.js';
import { loadDigestEvidence } from '../db/queries/portfolio/evidence.js';
import { loadDigestWeek } from '../db/queries/portfolio/weekRows.js';
import { loadClientMarks, loadPortfolioWeeks } from '../db/queries/portfolio/history.js';
import { CLIENT_PICTURES, clientHealthFromWeeks, clientsThatFell, portfolioWeeks, weekEndsTo } from '../charts/portfolio.js';
import { PICTURES_WITHIN_MS, uploadDigestPictures } from '../slack/digestCharts.js';
import { openNextSteps } from '../db/queries/nextSteps.js';
import { clientsAnsweredSince } from '../db/queries/decisions.js';
import { localDate } from '../domain/calendar.js';
import { addDays } from '../domain/nextSteps.js';
import { weekChanges } from '../domain/weekChanges.js';
import {
  CLAIM_LEASE_SECONDS,
  claimDigestWeek,
  digestForWeek,
  holdDigestThread,
  lastPostedWeek,
  markDigestPosted,
  recordDigestFailure,
  recordDigestPost,
  recordPagePosted,
  renewClaim,
  unpostedPages,
  type Digest,
  type DigestMessage,
  postedDigestsNaming,
} from '../db/queries/digests.js';
import { appendAudit } from '../db/queries/audit.js';
import { catalogueOf, digestChannelSetBy, getWorkspace, refuseDigestChannel, type Workspace } from '../db/queries/workspaces.js';
import { RapportError } from '../domain/errors.js';
import { DAY_MS } from '../domain/types.js';
import { withLogContext, type Logger, errorText } from '../log.js';
import type { Metrics } from '../metrics.js';
import { channelRefusalText, composeDigest, digestNotPostedText, type ComposeOptions, type DigestPage, type DigestPictures } from '../slack/blocks/digest.js';
import type { Clock, DigestOnDemand, PostOutcome } from '../slack/deps.js';
import { channelExposure } from '../slack/channels.js';
import { isDefiniteRefusal, retryMomentaryFailures, slackErrorCode } from '../slack/slackError.js';
import { instanceName, sweepWorkspaces } from './sweep.js';
import { limitConcurrency } from '../limit.js';
import { digestDayOf } from '../domain/catalogue.js';
import { PeopleDirectory } from '../slack/people.js';
import { dmMember, type RecipientDeps } from '../slack/recipients.js';
import { channelReader, readerOf } from '../slack/readers.js';
import { said } from '../i18n/messages.js';
import type { Reader } from '../i18n/reader.js';
import { latestSlot, nextSlot, type DigestSchedule, type DigestSlot } from './slots.js';

export interface DigestRunnerDeps {
  /** Each workspace's data (each tick works within the workspace it posts for). */
  db: Database;
  /** Where the selection's heavy reads go: a read replica (DATABASE_READ_URL), or `db` when not given. */
  reader?: Database;
  /** Lists the workspaces to tick, across all of them. */
  owner: Database;
  /** The Web API client that speaks as Rapport in a workspace (its own installation's token). */
  webFor: (teamId: string) => Promise<WebClient>;
  logger: Logger;
  now: Clock;
  /** Names this app instance in claims (diagnostics). */
  instance?: string;
  /** How long an unposted claim protects its week (tests shorten it). */
  claimLeaseSeconds?: number;
  /**
   * Why a channel may not carry the digest (shared outside the organisation), undefined when it may; throws when
   * Slack does not say. `channelExposure` by default.
   */
  exposure?: (web: WebClient, channelId: string) => Promise<string | undefined>;
  /** Counts each post's outcome. */
  metrics?: Metrics;
  /** Who people are, asked of Slack: whoever is told about the digest must be a member (default: a directory of its own). */
  people?: PeopleDirectory;
  /** False: the channel's digest goes without its pictures (the bench compares). Default true. */
  charts?: boolean;
  /** How long a digest waits for its pictures at most (slack/digestCharts.ts; tests shorten it). */
  picturesWithinMs?: number;
}

/** Marks our digest posts, so an instance finishing a dead one's claim can tell whether it got to Slack. */
export const DIGEST_EVENT_TYPE = 'rapport_digest';

export const scheduleOf = (w: Pick<Workspace, 'digestDay' | 'language' | 'digestTime' | 'timeZone'>) => ({
  day: digestDayOf(w),
  time: w.digestTime,
  timeZone: w.timeZone,
});

/** A workspace's digest in a tick's report: the week, and how posting it ended. */
export interface DigestTickReport {
  teamId: string;
  week: string;
  outcome: PostOutcome['status'];
}

/**
 * How many workspaces' digests one instance works at once. A workspace's post mostly waits on Slack (a long
 * thread goes at Slack's 1 message/s per channel, minutes for hundreds of pages), so workspaces go side by side
 * and a slow one holds back nobody; the bound keeps what they take together small: each runs its statements one
 * at a time, so at most 8 of the pool's 10 connections (shared with the request workers), and at most 8
 * portfolios' selections in memory at once.
 */
export const DIGEST_WORKSPACES_AT_ONCE = 8;

export class DigestRunner implements DigestOnDemand {
  readonly instance: string;
  /** Shared by every tick, so ticks that overlap (one still posting a long thread) keep to the bound together. */
  private readonly atOnce = limitConcurrency(DIGEST_WORKSPACES_AT_ONCE);
  /** Workspaces whose digest this instance is posting now: a later tick leaves them to it. */
  private readonly posting = new Set<string>();

  private readonly recipients: RecipientDeps;

  constructor(private readonly deps: DigestRunnerDeps) {
    this.instance = deps.instance ?? instanceName();
    this.recipients = { people: deps.people ?? new PeopleDirectory(), db: deps.db, logger: deps.logger };
  }

  /**
   * One scheduler tick: every workspace whose latest due week has no posted digest gets it now, and one whose
   * digest thread was cut short gets the rest of its pages. Weeks missed while every instance was down are
   * caught up once, as the latest week (not once per missed tick). One workspace's failure (database or Slack)
   * costs the others nothing, and its slowness delays nobody else's post.
   */
  tick(): Promise<DigestTickReport[]> {
    return sweepWorkspaces(
      this.deps.owner,
      this.deps.logger,
      'digest tick',
      (workspace) => this.tickWorkspace(workspace, this.deps.now(workspace.teamId)),
      this.atOnce,
    );
  }

  private async tickWorkspace(workspace: Workspace, now: Date): Promise<DigestTickReport[]> {
    // No digest where none can be posted (no channel, or a channel refused), nor twice at once.
    if (!workspace.digestChannelId || workspace.digestChannelRefusal || this.posting.has(workspace.teamId)) return [];
    const slot = latestSlot(scheduleOf(workspace), now);
    // Nothing was missed before the workspace existed: a new install waits for its first slot.
    if (slot.at < workspace.createdAt) return [];
    this.posting.add(workspace.teamId);
    try {
      const outcome = await withLogContext({ digest: `${workspace.teamId}/${slot.week}` }, () => this.postDue(workspace, slot));
      return outcome ? [{ teamId: workspace.teamId, week: slot.week, outcome: outcome.status }] : [];
    } finally {
      this.posting.delete(workspace.teamId);
    }
  }

  /** One workspace's due digest: posted, or its thread resumed (no outcome), or nothing when already done. */
  private async postDue(workspace: Workspace, slot: DigestSlot): Promise<PostOutcome | undefined> {
    const existing = await digestForWeek(this.deps.db, { teamId: workspace.teamId, week: slot.week });
    if (existing?.status === 'posted') {
      await this.postThread(existing, true);
      return undefined;
    }
    // A schedule moved to later in the week would otherwise post again days after this week's digest.
    const lastWeek = existing ? null : await lastPostedWeek(this.deps.db, workspace.teamId);
    if (lastWeek && Date.parse(slot.week) - Date.parse(lastWeek) < 7 * DAY_MS) return undefined;
    return this.post(workspace, slot);
  }

  /** The pages this week's digest would have now, for one reader (`/rapport digest preview`): their clients first. */
  async preview(teamId: string, reader: string): Promise<DigestPage[]> {
    const workspace = await getWorkspace(this.deps.db, teamId);
    if (!workspace) throw new RapportError('not_found', said('digest.noData'));
    const now = this.deps.now(teamId);
    const selection = await this.selectionAt(workspace, now);
    const overdueSteps = await this.overdueSteps(workspace, now);
    // Shown to one person: in their language.
    const readBy = await readerOf(this.recipients, await this.deps.webFor(teamId), workspace, reader);
    return this.pages(workspace, selection, { timeZone: workspace.timeZone, interactive: false, reader, overdueSteps, readBy });
  }

  /**
   * `/rapport digest now`: the current week's digest, unless it was posted already; `force` posts it again
   * (as another message of the same week, audited).
   */
  async postNow(teamId: string, actor: string, force: boolean): Promise<PostOutcome> {
    const workspace = await getWorkspace(this.deps.db, teamId);
    if (!workspace?.digestChannelId) return { status: 'no_channel' };
    if (workspace.digestChannelRefusal) return { status: 'channel_refused', reason: workspace.digestChannelRefusal, channelId: workspace.digestChannelId };
    const now = this.deps.now(teamId);
    const slot = weekOfManualPost(scheduleOf(workspace), now);
    // Posted by hand, the digest says what is known now, filed under the week whose slot is nearest.
    const asOf = { ...slot, at: now };
    const existing = await digestForWeek(this.deps.db, { teamId, week: slot.week });
    if (existing?.status === 'posted' && !force) return { status: 'already_posted', digest: existing, threadPagesWaiting: await this.pagesWaiting(existing) };
    const early = slot.at > now;
    const told = (outcome: PostOutcome): PostOutcome => (outcome.status === 'posted' || outcome.status === 'partly_posted' ? { ...outcome, early } : outcome);
    if (existing?.status === 'posted') {
      const outcome = await this.publish(workspace, existing, asOf, await this.compose(workspace, asOf));
      this.deps.metrics?.digestPosts.inc({ outcome: outcome.status });
      await appendAudit(this.deps.db, {
        teamId,
        entry: { actor, action: 'digest.force', entityType: 'digest', entityId: existing.id, details: { week: slot.week } },
      });
      return told(outcome);
    }
    return told(await this.post(workspace, asOf));
  }

  /** How many of the digest's thread pages are still to be posted. */
  private async pagesWaiting(digest: Digest): Promise<number> {
    return (await unpostedPages(this.deps.db, digest)).length;
  }

  private async post(workspace: Workspace, slot: DigestSlot): Promise<PostOutcome> {
    const outcome = await this.claimAndPost(workspace, slot);
    this.deps.metrics?.digestPosts.inc({ outcome: outcome.status });
    return outcome;
  }

  private async claimAndPost(workspace: Workspace, slot: DigestSlot): Promise<PostOutcome> {
    const channel = workspace.digestChannelId!;
    const claim = await claimDigestWeek(this.deps.db, {
      teamId: workspace.teamId,
      week: slot.week,
      channelId: channel,
      instance: this.instance,
      leaseSeconds: this.deps.claimLeaseSeconds,
    });
    if (!claim) {
      const current = await digestForWeek(this.deps.db, { teamId: workspace.teamId, week: slot.week });
      return current?.status === 'claimed' && current.lastError
        ? { status: 'will_retry', error: current.lastError, channelId: current.channelId }
        : { status: 'claimed_elsewhere' };
    }
    const pages = await this.compose(workspace, slot);
    if (claim.takenOver) {
      // The previous holder may have died after Slack accepted its post and before the ts was stored.
      const landedTs = await this.findPosted(channel, claim.digest);
      if (landedTs) {
        const [first, ...thread] = pages;
        await markDigestPosted(this.deps.db, { digest: claim.digest, first: { ...first!, channelId: channel, ts: landedTs }, thread });
        this.deps.logger.info('digest found already posted by an instance that stopped; recorded it', { team: workspace.teamId, week: slot.week });
        await this.postThread(claim.digest);
        return { status: 'already_posted', digest: claim.digest, threadPagesWaiting: await this.pagesWaiting(claim.digest) };
      }
    }
    return this.publish(workspace, claim.digest, slot, pages);
  }

  /**
   * The week's digest as Slack messages, its pictures uploaded (they are stored and posted with the pages). The
   * week ends at its slot, so a late (caught-up) post says what the on-time one would have.
   */
  private async compose(workspace: Workspace, slot: DigestSlot): Promise<DigestPage[]> {
    const selection = await this.selectionAt(workspace, slot.at);
    const overdueSteps = await this.overdueSteps(workspace, slot.at);
    // A channel post: in the workspace's language.
    const readBy = channelReader(workspace);
    // A quiet week is one line, with no thread to show pictures in.
    const pictures = isQuietWeek(selection) && overdueSteps.length === 0 ? undefined : await this.pictures(workspace, selection, readBy);
    // The month's first digest says what came of last month's decisions.
    const slotDay = localDate(slot.at, workspace.timeZone);
    const outcomes = carriesMonthlyOutcomes(slotDay)
      ? await monthlyOutcomes(
          this.deps.reader ?? this.deps.db,
          { teamId: workspace.teamId, catalogue: catalogueOf(workspace), timeZone: workspace.timeZone },
          slotDay,
        )
      : undefined;
    // What changed since last week's digest: each client marked new or still named (counted up to a year
    // back), and who recovered: still a client (neither exited nor erased), not held back by a snooze or decision.
    const named = DIGEST_SECTIONS.flatMap((s) => selection.sections[s].map((e) => e.client.id));
    const changes = weekChanges(
      { week: slot.week, clientIds: named },
      (await postedDigestsNaming(this.deps.db, { teamId: workspace.teamId, count: 53 })).map((d) => ({ week: d.digest.week, clientIds: d.clientIds })),
      new Set(selection.suppressed.map((s) => s.client.id)),
    );
    // Recovered only when it is well again: no longer at risk and meeting no firing criterion (a client that merely
    // did not fall further this week is not named, and not called recovered either).
    const standings =
      changes.recovered.length > 0
        ? new Map(
            (await clientStandings(this.deps.reader ?? this.deps.db, { teamId: workspace.teamId, catalogue: catalogueOf(workspace), at: slot.at })).map((s) => [
              s.client.id,
              s,
            ]),
          )
        : undefined;
    const recovered = changes.recovered.flatMap((id) => {
      const now = standings?.get(id);
      return now && now.health.band !== 'at_risk' && now.met.length === 0 ? [{ id, name: now.client.name }] : [];
    });
    return this.pages(workspace, selection, {
      timeZone: workspace.timeZone,
      interactive: true,
      overdueSteps,
      readBy,
      pictures,
      outcomes,
      weekChanges: { marks: changes.marks, recovered },
    });
  }

  /**
   * The digest's pictures, uploaded: the portfolio week by week over the last weeks (each week counted by the
   * summary's rules, in a bounded number of reads), and the health of the first clients that fell. Undefined when
   * they cannot be made: the digest goes without them.
   */
  private async pictures(workspace: Workspace, selection: DigestSelection, readBy: Reader): Promise<DigestPictures | undefined> {
    if (this.deps.charts === false) return undefined;
    const { db, logger } = this.deps;
    const { teamId } = workspace;
    try {
      const catalogue = catalogueOf(workspace);
      const weekEnds = weekEndsTo(selection.weekEnd);
      const clients = await loadPortfolioWeeks(db, { teamId, catalogue, weekEnds });
      const fell = clientsThatFell(selection);
      const pictured = fell.slice(0, CLIENT_PICTURES).map((e) => e.client.id);
      const marks = await loadClientMarks(db, { teamId, clientIds: pictured, from: weekEnds[0]!, to: selection.weekEnd });
      const byId = new Map(clients.map((c) => [c.client.id, c]));
      const data = {
        weeks: portfolioWeeks(catalogue, clients, weekEnds),
        clients: pictured.flatMap((clientId) => {
          const c = byId.get(clientId);
          return c ? [{ clientId, history: clientHealthFromWeeks(catalogue, c, weekEnds, marks.get(clientId)!) }] : [];
        }),
        fell: fell.length,
      };
      const web = await this.deps.webFor(teamId);
      // Drawn while the claim is held, before it is renewed to post: well within its lease.
      const within = this.deps.picturesWithinMs ?? Math.min(PICTURES_WITHIN_MS, ((this.deps.claimLeaseSeconds ?? CLAIM_LEASE_SECONDS) * 1000) / 4);
      // Stored, so a client's pictures are found again (and deleted) when it is erased.
      return await uploadDigestPictures({ web, teamId, instance: this, db }, data, readBy, logger, within);
    } catch (error) {
      logger.warn('could not draw the digest’s pictures; the digest goes without them', { team: teamId, error: errorText(error) });
      return undefined;
    }
  }

  /**
   * What to tell admins about, once the latest digest is posted: the clients meeting firing criteria or at risk
   * that it and the digest the week before both named, and nobody acknowledged, snoozed or decided about since
   * that one was posted. Undefined when there is none (or no two digests in a row).
   */
  async escalation(workspace: Workspace): Promise<{ week: string; clients: number; pagesFor: (reader: Reader) => Promise<DigestPage[]> } | undefined> {
    const { db } = this.deps;
    const [latest, previous] = await postedDigestsNaming(db, { teamId: workspace.teamId, count: 2 });
    const since = previous?.digest.postedAt;
    if (!latest?.digest.postedAt || !since || Date.parse(latest.digest.week) - Date.parse(previous.digest.week) !== 7 * DAY_MS) return undefined;
    const selection = await this.selectionAt(workspace, latest.digest.postedAt);
    const namedTwice = new Set([...previous.clientIds].filter((id) => latest.clientIds.has(id)));
    const escalated = new Set(
      unansweredTwice(selection, namedTwice, await clientsAnsweredSince(db, { teamId: workspace.teamId, since })).map((e) => e.client.id),
    );
    if (escalated.size === 0) return undefined;
    // Each admin reads them in their own language.
    const pagesFor = (readBy: Reader) =>
      this.pages(
        workspace,
        selectionFor(selection, (c) => escalated.has(c.id)),
        { timeZone: workspace.timeZone, interactive: true, readBy },
        // Admins are told of the clients nobody answered, and of nothing else.
        () => false,
      );
    return { week: latest.digest.week, clients: escalated.size, pagesFor };
  }

  /** One owner's part of the week's digest ending `at` (their personal digest), with the same buttons. */
  async personalPages(workspace: Workspace, ownerUserId: string, at: Date, readBy?: Reader): Promise<DigestPage[]> {
    const selection = await this.selectionAt(workspace, at);
    const overdueSteps = (await this.overdueSteps(workspace, at)).filter((s) => s.assigneeUserId === ownerUserId);
    return this.pages(
      workspace,
      selectionFor(selection, (c) => c.ownerUserId === ownerUserId),
      {
        timeZone: workspace.timeZone,
        interactive: true,
        reader: ownerUserId,
        overdueSteps,
        readBy,
      },
      (c) => c.ownerUserId === ownerUserId,
    );
  }

  /**
   * What the digest of the week ending `at` names, section by section, as the workspace's catalogue selects it. A
   * decision whose review step is overdue (shown under its client) is asked for again.
   */
  private async selectionAt(workspace: Workspace, at: Date): Promise<DigestSelection> {
    const catalogue = catalogueOf(workspace);
    const reviewsDue = new Set((await this.overdueSteps(workspace, at)).filter((s) => s.source === 'decision').map((s) => s.clientId));
    return selectDigest(
      catalogue,
      await loadDigestWeek(this.deps.reader ?? this.deps.db, { teamId: workspace.teamId, catalogue, weekEnd: at }),
      at,
      workspace.timeZone,
      reviewsDue,
    );
  }

  /**
   * The pages of `selection`, with the evidence of the clients it names, read for them alone, and the
   * disagreements about the clients `disputesOf` keeps (all of them for the channel and a preview).
   */
  private async pages(
    workspace: Workspace,
    selection: DigestSelection,
    options: ComposeOptions,
    disputesOf: (client: { ownerUserId: string | null }) => boolean = () => true,
  ): Promise<DigestPage[]> {
    const catalogue = catalogueOf(workspace);
    const named = DIGEST_SECTIONS.flatMap((s) => selection.sections[s].map((e) => e.client.id));
    const reads = this.deps.reader ?? this.deps.db;
    const [evidence, disputed] = await Promise.all([
      loadDigestEvidence(reads, { teamId: workspace.teamId, catalogue, weekEnd: selection.weekEnd, clientIds: named }),
      loadDisputes(reads, { teamId: workspace.teamId, catalogue, at: selection.weekEnd, shownDays: disputeShownDays(catalogue) }),
    ]);
    return composeDigest(catalogue, selection, evidence, { ...options, disputes: disputed.filter((d) => disputesOf(d.client)) });
  }

  /** Open next steps whose day had passed (in the workspace's zone) at `at`. */
  private overdueSteps(workspace: Workspace, at: Date) {
    return openNextSteps(this.deps.db, { teamId: workspace.teamId, of: { dueBy: addDays(localDate(at, workspace.timeZone), -1) } });
  }

  /** The ts of our first message of this digest in the channel's recent history, if any (needs channels:history). */
  private async findPosted(channel: string, digest: Digest): Promise<string | undefined> {
    try {
      const history = await (
        await this.deps.webFor(digest.teamId)
      ).conversations.history({
        channel,
        // The post cannot predate its week's local date (less a day for the zone's offset).
        oldest: String(Math.floor(Date.parse(`${digest.week}T00:00:00Z`) / 1000) - 86_400),
        include_all_metadata: true,
        limit: 200,
      });
      return history.messages?.find(
        (m) => m.metadata?.event_type === DIGEST_EVENT_TYPE && payloadOf(m.metadata)?.digest_id === digest.id && !payloadOf(m.metadata)?.page_id,
      )?.ts;
    } catch (error) {
      this.deps.logger.warn('could not read the channel history to check for an interrupted digest post; posting', { error: errorText(error) });
      return undefined;
    }
  }

  /** Posts the first message; its thread pages are recorded with it and posted after it. */
  private async publish(workspace: Workspace, digest: Digest, slot: DigestSlot, pages: DigestPage[]): Promise<PostOutcome> {
    const { db, logger } = this.deps;
    const web = await this.deps.webFor(workspace.teamId);
    const channel = workspace.digestChannelId!;
    const [first, ...thread] = pages;
    const forced = digest.status === 'posted';
    if (!forced && !(await renewClaim(db, { digest, instance: this.instance }))) return { status: 'claimed_elsewhere' };
    let ts: string;
    try {
      // Checked before every post: a channel shared with a client since it was set never gets the digest.
      const exposed = await retryMomentaryFailures(() => this.exposure(web, channel));
      if (exposed) {
        await recordDigestFailure(db, { digest, error: 'channel_shared' });
        await this.refuseChannel(workspace, channel, exposed);
        return { status: 'channel_refused', reason: exposed, channelId: channel };
      }
      const res = await web.chat.postMessage({
        channel,
        text: first!.text,
        blocks: first!.blocks,
        unfurl_links: false,
        unfurl_media: false,
        metadata: { event_type: DIGEST_EVENT_TYPE, event_payload: { digest_id: digest.id, week: slot.week } },
      });
      ts = res.ts!;
    } catch (error) {
      return this.firstPostFailed(workspace, digest, slot.week, slackErrorCode(error));
    }
    const record = { ...first!, channelId: channel, ts };
    if (forced) await recordDigestPost(db, { digest, first: record, thread });
    else await markDigestPosted(db, { digest, first: record, thread });
    const threaded = await this.postThread(digest);
    if (threaded.shared) return { status: 'channel_refused', reason: threaded.shared, channelId: channel };
    const waiting = (await unpostedPages(db, digest)).filter((page) => page.threadTs === ts).length;
    logger.info('digest posted', {
      team: workspace.teamId,
      week: slot.week,
      pages: pages.length,
      threadPagesPosted: threaded.posted,
      threadPagesWaiting: waiting,
    });
    if (waiting === 0) return { status: 'posted', digest, ts, pages: pages.length, week: slot.week };
    return { status: 'partly_posted', digest, ts, week: slot.week, channelId: channel, threadPages: thread.length, waiting, error: threaded.error };
  }

  /**
   * The first message did not get out; the claim stays, and is retried once its lease lapses. A definite refusal
   * (Rapport not invited, channel archived…) is told to whoever set the channel, with the remedy: at the week's
   * first one (momentary failures before it told nobody, as nobody can do anything about them).
   */
  private async firstPostFailed(workspace: Workspace, digest: Digest, week: string, error: string): Promise<PostOutcome> {
    const { db, logger } = this.deps;
    const channelId = workspace.digestChannelId!;
    const attempts = await recordDigestFailure(db, { digest, error });
    if (!isDefiniteRefusal(error)) {
      logger.warn('could not post the digest: Slack could not be reached or failed for a moment; retried once the claim lapses', {
        team: workspace.teamId,
        week,
        error,
        attempts,
      });
      return { status: 'delayed', error, channelId };
    }
    logger.error('could not post the digest', { team: workspace.teamId, week, error, attempts });
    if (!digest.lastError || !isDefiniteRefusal(digest.lastError)) await this.tellOfRefusal(workspace, error);
    return { status: 'failed', error, channelId };
  }

  private exposure(web: WebClient, channelId: string): Promise<string | undefined> {
    return (this.deps.exposure ?? channelExposure)(web, channelId);
  }

  /**
   * Stops posting to a channel shared outside the organisation (it may be the client's own Slack Connect channel)
   * and tells whoever set it, once.
   */
  async refuseChannel(workspace: Pick<Workspace, 'teamId'>, channelId: string, reason: string): Promise<void> {
    const { db, logger } = this.deps;
    const web = await this.deps.webFor(workspace.teamId);
    if (!(await refuseDigestChannel(db, { teamId: workspace.teamId, channelId, reason }))) return;
    logger.warn('stopped posting the digest to a channel shared outside the organisation', { team: workspace.teamId, channel: channelId });
    const user = await digestChannelSetBy(db, workspace.teamId);
    if (!user) return;
    try {
      await dmMember(this.recipients, web, workspace.teamId, user, (reader) => ({ text: channelRefusalText(channelId, reason, reader) }));
    } catch (error) {
      logger.warn('could not tell the channel setter that the digest channel is refused', { team: workspace.teamId, error: errorText(error) });
    }
  }

  /**
   * A week's first refusal (typically: Rapport not invited to the channel) is told to whoever set the digest
   * channel, with the remedy; the retries that follow stay quiet.
   */
  private async tellOfRefusal(workspace: Workspace, error: string): Promise<void> {
    const { db, logger } = this.deps;
    const web = await this.deps.webFor(workspace.teamId);
    const user = await digestChannelSetBy(db, workspace.teamId);
    if (!user) return;
    const channelId = workspace.digestChannelId!;
    try {
      await dmMember(this.recipients, web, workspace.teamId, user, (reader) => ({ text: digestNotPostedText(error, channelId, reader) }));
    } catch (dmError) {
      logger.warn('could not tell the channel setter that the digest was refused', { team: workspace.teamId, error: errorText(dmError) });
    }
  }

  /**
   * Posts the digest's thread pages still waiting, in order, renewing this instance's hold before each page. A
   * momentary failure is tried again at once, a couple of times; a page that still fails (or a definite refusal)
   * stops the thread, recorded on the digest with `error`, and the next tick goes on once the hold has lapsed.
   * `shared`: Slack says a client could read the channel now, so the thread stops there for good.
   * `resuming`: another holder may have stopped between Slack accepting a page and recording it, so pages
   * already in the thread (found by their metadata) are recorded instead of posted again.
   */
  private async postThread(digest: Digest, resuming = false): Promise<{ posted: number; error?: string; shared?: string }> {
    const { db } = this.deps;
    const web = await this.deps.webFor(digest.teamId);
    const lease = this.deps.claimLeaseSeconds;
    const waiting = await unpostedPages(db, digest);
    if (waiting.length === 0) return { posted: 0 };
    if (!(await holdDigestThread(db, { digest, instance: this.instance, leaseSeconds: lease, staleOnly: resuming }))) return { posted: 0 };
    if (resuming) await this.recordPagesAlreadyInThread(web, waiting);
    const channel = waiting[0]!.channelId;
    let exposed: string | undefined;
    try {
      exposed = await retryMomentaryFailures(() => this.exposure(web, channel));
    } catch (error) {
      // Slack did not say who can read the channel: no page goes there now. Nor is that "shared" (only Slack's
      // description of the channel says so): the channel stays, nobody is told a client could read it.
      return { posted: 0, error: await this.threadStopped(digest, 'could not check who can read the digest channel; its thread waits', error) };
    }
    if (exposed) {
      const workspace = await getWorkspace(db, digest.teamId);
      if (workspace) await this.refuseChannel(workspace, channel, exposed);
      return { posted: 0, shared: exposed };
    }
    let posted = 0;
    for (;;) {
      const [page] = await unpostedPages(db, digest);
      if (!page || !(await holdDigestThread(db, { digest, instance: this.instance, leaseSeconds: lease }))) break;
      try {
        await recordPagePosted(db, { page, ts: await retryMomentaryFailures((retry) => this.postPage(web, digest, page, retry)) });
        posted++;
      } catch (error) {
        return { posted, error: await this.threadStopped(digest, 'could not post a digest page in its thread', error, page.page) };
      }
    }
    return { posted };
  }

  /**
   * Posts one page in its thread; returns its ts. Tried again after a failure, it may be there already (Slack
   * failing halfway, or its answer lost): then it is not posted twice.
   */
  private async postPage(web: WebClient, digest: Digest, page: DigestMessage, retry: boolean): Promise<string> {
    const landed = retry ? (await this.pagesInThread(web, page.channelId, page.threadTs!)).get(page.id) : undefined;
    if (landed) return landed;
    const reply = await web.chat.postMessage({
      channel: page.channelId,
      thread_ts: page.threadTs!,
      text: page.text,
      blocks: page.blocks,
      unfurl_links: false,
      unfurl_media: false,
      metadata: { event_type: DIGEST_EVENT_TYPE, event_payload: { digest_id: digest.id, page_id: page.id } },
    });
    return reply.ts!;
  }

  /** Records on the digest why its thread stopped (the next tick goes on once the hold lapses); returns Slack's code. */
  private async threadStopped(digest: Digest, what: string, error: unknown, page?: number): Promise<string> {
    const code = slackErrorCode(error);
    await recordDigestFailure(this.deps.db, { digest, error: code });
    const details = { team: digest.teamId, week: digest.week, page, error: code };
    if (isDefiniteRefusal(code)) this.deps.logger.error(`${what}; retried once the hold lapses`, details);
    else this.deps.logger.warn(`${what}: Slack could not be reached or failed for a moment; retried once the hold lapses`, details);
    return code;
  }

  private async recordPagesAlreadyInThread(web: WebClient, waiting: readonly DigestMessage[]): Promise<void> {
    for (const [threadTs, channel] of new Map(waiting.map((p) => [p.threadTs!, p.channelId]))) {
      try {
        const inThread = await this.pagesInThread(web, channel, threadTs);
        for (const page of waiting) {
          const ts = inThread.get(page.id);
          if (ts) await recordPagePosted(this.deps.db, { page, ts });
        }
      } catch (error) {
        this.deps.logger.warn('could not read the digest thread to check for an interrupted page; posting the rest', { error: errorText(error) });
      }
    }
  }

  /** Our digest pages in a thread, by page id, with their ts (found by their metadata). */
  private async pagesInThread(web: WebClient, channel: string, threadTs: string): Promise<Map<string, string>> {
    const replies = await web.conversations.replies({ channel, ts: threadTs, include_all_metadata: true, limit: 1000 });
    const found = new Map<string, string>();
    for (const m of replies.messages ?? []) {
      const pageId = m.metadata?.event_type === DIGEST_EVENT_TYPE ? payloadOf(m.metadata)?.page_id : undefined;
      if (pageId && m.ts) found.set(pageId, m.ts);
    }
    return found;
  }
}

/**
 * The week a digest posted by hand counts for: the one whose scheduled slot is nearest. Monday 08:00 with a
 * 09:00 slot is this week's digest, posted early (the 09:00 tick then finds it posted); Tuesday is last
 * Monday's week. So manual and scheduled posts share one digest per workspace-week.
 */
export function weekOfManualPost(schedule: DigestSchedule, now: Date): DigestSlot {
  const latest = latestSlot(schedule, now);
  const next = nextSlot(schedule, now);
  return next.at.getTime() - now.getTime() < now.getTime() - latest.at.getTime() ? next : latest;
}

/** Slack's error code (`not_in_channel`, …) when the Web API refused, else the error as text. */

const payloadOf = (metadata: { event_payload?: unknown }) => metadata.event_payload as { digest_id?: string; page_id?: string } | undefined;
