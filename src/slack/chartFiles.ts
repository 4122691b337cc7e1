/**
 * Pictures in Slack. A chart is drawn by a worker, after the ack (never on the ack path), uploaded with
 * files.uploadV2 shared in no channel (only the app can see the file: no public URL of private client data, and
 * nothing shown to a channel for a private answer), then shown privately to the person in an image block that
 * refers to the file, with alt text that says what it shows. The text answer stays for notifications and screen
 * readers. The same picture is drawn and uploaded once per workspace: its file is kept in the database
 * (chart_files, with the client it is about, so erasing the client deletes its files in Slack too), and
 * remembered per app instance, bounded, so a picture shown again costs no query either.
 */
import { createHash } from 'node:crypto';
import type { ImageBlock, KnownBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { TopLevelSpec } from 'vega-lite';
import { clientHealthAlt, clientHealthHistory, clientHealthSpec } from '../charts/clientHealth.js';
import { criteriaProgress, criteriaProgressAlt, criteriaProgressSpec } from '../charts/criteriaProgress.js';
import { renderChart } from '../charts/render.js';
import type { Catalogue } from '../domain/catalogue.js';
import type { Database } from '../db/client.js';
import { chartFileFor } from '../db/queries/charts.js';
import type { ClientOverview } from '../services/clientActivity.js';
import { forgetUploadedChart, keepUploadedChart } from '../services/charts.js';
import type { ClientTimeline } from '../services/clients.js';
import type { Reader } from '../i18n/reader.js';
import { t } from '../i18n/messages.js';
import { errorText, type Logger } from '../log.js';
import { LIMITS, truncate } from './blocks/text.js';
import type { Turn } from './frame.js';
import { replyEphemeral, type Ephemeral } from './reply.js';
import { slackErrorCode } from './slackError.js';

/** Slack's limit on an image block's alt text. */
const ALT_TEXT_MAX = 2000;
/** About a week of pictures for a busy instance; the oldest is forgotten first (a Map keeps insertion order). */
const KEPT_FILES = 1000;

/** Per app instance (its deps, or the digest runner's), so two instances in one process (tests) never share file ids of different Slacks. */
const uploaded = new WeakMap<object, Map<string, string>>();

/** A picture's identity: its workspace and everything it draws (client, weeks, scores, markers, words, language). */
const pictureKey = (teamId: string, spec: TopLevelSpec) => `${teamId}:${createHash('sha256').update(JSON.stringify(spec)).digest('base64url')}`;

/** Where a picture goes: the workspace's Web API, and whose remembered uploads it may reuse. */
export interface ChartUpload {
  web: WebClient;
  teamId: string;
  /** The app instance (or digest runner) that remembers what it uploaded. */
  instance: object;
  /** Where uploads are kept across restarts and instances (and found again when a client is erased); without it, only the instance remembers. */
  db?: Database;
}

/** What a picture is called, what it says in words, and which clients it shows (its file goes when any of them is erased). */
export interface Picture {
  title: string;
  alt: string;
  filename: string;
  clientId?: string | null;
  clientIds?: readonly string[];
}

function keptBy(instance: object): Map<string, string> {
  let kept = uploaded.get(instance);
  if (!kept) uploaded.set(instance, (kept = new Map()));
  return kept;
}

function remember(kept: Map<string, string>, key: string, fileId: string): string {
  if (kept.size >= KEPT_FILES) kept.delete(kept.keys().next().value!);
  kept.set(key, fileId);
  return fileId;
}

/** Deletes files in Slack; one already gone is no failure. Returns how many Slack no longer has. */
export async function deleteChartFiles(web: WebClient, fileIds: readonly string[], logger?: Logger): Promise<number> {
  let gone = 0;
  for (const file of fileIds) {
    try {
      await web.files.delete({ file });
      gone++;
    } catch (error) {
      if (slackErrorCode(error) === 'file_not_found' || slackErrorCode(error) === 'file_deleted') gone++;
      else logger?.warn('could not delete a chart file in Slack', { file, error: slackErrorCode(error) });
    }
  }
  return gone;
}

/**
 * The file of this picture: uploaded before (by this instance, or by any, as the database says), or drawn and
 * uploaded now (shared in no channel: only the app can see it until an image block shows it). `filename` names
 * the download. Two instances drawing it at once both upload; the one kept first is used, the other deleted.
 */
export async function uploadedChart(to: ChartUpload, spec: TopLevelSpec, picture: Picture): Promise<string> {
  const kept = keptBy(to.instance);
  const key = pictureKey(to.teamId, spec);
  const known = kept.get(key) ?? (to.db ? await chartFileFor(to.db, { teamId: to.teamId, pictureKey: key }) : undefined);
  if (known) return remember(kept, key, known);
  const png = await renderChart(spec);
  const done = await to.web.files.uploadV2({ file: png, filename: picture.filename, title: picture.title, alt_text: picture.alt });
  // One completeUploadExternal answer per upload job, each listing its files.
  const id = (done as { files?: { files?: { id?: string }[] }[] }).files?.[0]?.files?.[0]?.id;
  if (!id) throw new Error('files.uploadV2 answered without a file id');
  if (!to.db) return remember(kept, key, id);
  let stored: string;
  try {
    const clientIds = [...(picture.clientIds ?? []), ...(picture.clientId ? [picture.clientId] : [])];
    stored = await keepUploadedChart(to.db, { teamId: to.teamId, clientIds, pictureKey: key, fileId: id });
  } catch (error) {
    // Not kept (its client was erased meanwhile, say): nothing may point at it later, so it goes now.
    await deleteChartFiles(to.web, [id]);
    throw error;
  }
  if (stored !== id) await deleteChartFiles(to.web, [id]);
  return remember(kept, key, stored);
}

/** The image block showing an uploaded file (`slack_file`, never a URL). */
export function chartBlock(fileId: string, alt: string, title: string): ImageBlock {
  return {
    type: 'image',
    slack_file: { id: fileId },
    alt_text: truncate(alt, ALT_TEXT_MAX),
    title: { type: 'plain_text', text: truncate(title, LIMITS.headerText), emoji: false },
  };
}

/** A picture to show: what it draws, and what it is called and says. */
interface Chart {
  spec: TopLevelSpec;
  picture: Picture;
}

/**
 * Uploads `charts` (or finds them uploaded) and sends what `message` makes of their image blocks. A file Slack
 * refuses to show (deleted there since it was kept: `invalid_blocks`) is forgotten, and the pictures uploaded
 * again, once.
 */
async function sendCharts(to: ChartUpload, charts: readonly Chart[], send: (blocks: ImageBlock[]) => Promise<void>): Promise<void> {
  const show = async () => {
    const ids = await Promise.all(charts.map((c) => uploadedChart(to, c.spec, c.picture)));
    await send(ids.map((id, i) => chartBlock(id, charts[i]!.picture.alt, charts[i]!.picture.title)));
    return ids;
  };
  try {
    await show();
  } catch (error) {
    if (slackErrorCode(error) !== 'invalid_blocks') throw error;
    const kept = keptBy(to.instance);
    for (const chart of charts) {
      const key = pictureKey(to.teamId, chart.spec);
      const fileId = kept.get(key);
      kept.delete(key);
      if (fileId && to.db) await forgetUploadedChart(to.db, { teamId: to.teamId, fileId });
    }
    await show();
  }
}

const uploadOf = (turn: Turn): ChartUpload => ({ web: turn.web, teamId: turn.teamId, instance: turn.deps, db: turn.deps.db });

/** A private answer of the turn's, through the same ways as `turn.reply` (an error when none took it). */
function privately(turn: Turn, message: Ephemeral): Promise<void> {
  return replyEphemeral({ client: turn.web, responseUrl: turn.responseUrl, channelId: turn.channelId, userId: turn.userId, logger: turn.deps.logger }, message);
}

/** A client's health over the last 12 weeks, as a chart to upload. */
function healthChart(
  catalogue: Catalogue,
  client: ClientOverview['client'],
  record: ClientTimeline['record'],
  decisions: ClientTimeline['decisions'],
  reader: Reader,
  now: Date,
) {
  const history = clientHealthHistory(catalogue, client, { ...record, decisions }, now);
  const alt = clientHealthAlt(history, reader);
  return { chart: { spec: clientHealthSpec(history, reader), picture: { title: client.name, alt, filename: 'health.png', clientId: client.id } }, history };
}

/**
 * `/client show`'s pictures, after its text: the client's health over the last 12 weeks and, when it is on its
 * way to a firing criterion, how far (count against threshold), privately to the person. A picture that cannot
 * be made or shown is logged; the person has the text answer already.
 */
export async function showClientHealthChart(turn: Turn, catalogue: Catalogue, overview: ClientOverview, reader: Reader): Promise<void> {
  // Taken over from a worker that stopped after answering: the answer (and its picture) went then.
  if (!(await turn.mayFollowAnswer())) return;
  try {
    const { chart, history } = healthChart(catalogue, overview.client, overview.record, overview.decisions, reader, turn.now);
    const progress = criteriaProgress(catalogue, overview.record, turn.now);
    const name = overview.client.name;
    const charts: Chart[] = [
      chart,
      ...(progress.length > 0
        ? [
            {
              spec: criteriaProgressSpec(name, progress, reader),
              picture: { title: name, alt: criteriaProgressAlt(name, progress, reader), filename: 'criteria.png', clientId: overview.client.id },
            },
          ]
        : []),
    ];
    const text = [clientHealthAlt(history, reader, t), ...(progress.length > 0 ? [criteriaProgressAlt(name, progress, reader, t)] : [])].join('\n');
    await sendCharts(uploadOf(turn), charts, (blocks) => privately(turn, { text, blocks }));
  } catch (error) {
    turn.deps.logger.warn('could not show a client’s charts; the text answer stands', { entry: turn.entry, error: errorText(error) });
  }
}

/**
 * The History answer: the client's health chart above its timeline, in one private message. The picture is drawn
 * by the worker, after the ack; when it cannot be made, the timeline goes alone.
 */
export async function replyWithHealthChart(turn: Turn, catalogue: Catalogue, timeline: ClientTimeline, reader: Reader, answer: Ephemeral): Promise<void> {
  const { chart } = healthChart(catalogue, timeline.client, timeline.record, timeline.decisions, reader, turn.now);
  let answered = false;
  try {
    await sendCharts(uploadOf(turn), [chart], async (blocks) => {
      await turn.reply({ ...answer, blocks: [...blocks, ...(answer.blocks ?? [])] });
      answered = true;
    });
  } catch (error) {
    if (answered) throw error;
    turn.deps.logger.warn('could not draw a client’s health chart for History; the timeline goes alone', { entry: turn.entry, error: errorText(error) });
    await turn.reply(answer);
  }
}

/**
 * A picture after a text answer (`/client renewals`), privately to the person, `text` saying it in words for
 * notifications and screen readers (mrkdwn); logged when it cannot be made or shown (they have the answer).
 */
export async function showChartAfter(turn: Turn, spec: TopLevelSpec, picture: Picture, text: string): Promise<void> {
  if (!(await turn.mayFollowAnswer())) return;
  try {
    await sendCharts(uploadOf(turn), [{ spec, picture }], (blocks) => privately(turn, { text, blocks: blocks as KnownBlock[] }));
  } catch (error) {
    turn.deps.logger.warn('could not show a chart; the text answer stands', { entry: turn.entry, chart: picture.filename, error: errorText(error) });
  }
}
