/**
 * Pictures in Slack. A chart is drawn after the text answer was sent (never on the ack path), uploaded with
 * files.uploadV2 shared in no channel (only the app can see the file: no public URL of private client data, and
 * nothing shown to a channel for a private answer), then shown privately to the person in an image block that
 * refers to the file, with alt text that says what it shows. The text answer stays for notifications and screen
 * readers. The same picture is drawn and uploaded once: its file id is kept, per app instance and bounded.
 */
import { createHash } from 'node:crypto';
import type { ImageBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { TopLevelSpec } from 'vega-lite';
import { clientHealthAlt, clientHealthHistory, clientHealthSpec } from '../charts/clientHealth.js';
import { renderChart } from '../charts/render.js';
import type { Catalogue } from '../domain/catalogue.js';
import type { ClientOverview } from '../services/clientActivity.js';
import type { Reader } from '../i18n/reader.js';
import { t } from '../i18n/messages.js';
import { errorText } from '../log.js';
import { LIMITS, truncate } from './blocks/text.js';
import type { Turn } from './frame.js';
import { replyEphemeral } from './reply.js';

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
}

/**
 * The file of this picture: uploaded before, or drawn and uploaded now (shared in no channel: only the app can
 * see it until an image block shows it). `filename` names the download.
 */
export async function uploadedChart(to: ChartUpload, spec: TopLevelSpec, picture: { title: string; alt: string; filename: string }): Promise<string> {
  let kept = uploaded.get(to.instance);
  if (!kept) uploaded.set(to.instance, (kept = new Map()));
  const key = pictureKey(to.teamId, spec);
  const known = kept.get(key);
  if (known) return known;
  const png = await renderChart(spec);
  const done = await to.web.files.uploadV2({ file: png, filename: picture.filename, title: picture.title, alt_text: picture.alt });
  // One completeUploadExternal answer per upload job, each listing its files.
  const id = (done as { files?: { files?: { id?: string }[] }[] }).files?.[0]?.files?.[0]?.id;
  if (!id) throw new Error('files.uploadV2 answered without a file id');
  if (kept.size >= KEPT_FILES) kept.delete(kept.keys().next().value!);
  kept.set(key, id);
  return id;
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

/**
 * `/client show`'s picture, after its text: the client's health over the last 12 weeks, privately to the person.
 * A picture that cannot be made or shown is logged; the person has the text answer already.
 */
export async function showClientHealthChart(turn: Turn, catalogue: Catalogue, overview: ClientOverview, reader: Reader): Promise<void> {
  // Taken over from a worker that stopped after answering: the answer (and its picture) went then.
  if (turn.stored?.answeredAt) return;
  try {
    const history = clientHealthHistory(catalogue, overview.client, { ...overview.record, decisions: overview.decisions }, turn.now);
    const spec = clientHealthSpec(history, reader);
    const alt = clientHealthAlt(history, reader);
    const title = overview.client.name;
    const fileId = await uploadedChart({ web: turn.web, teamId: turn.teamId, instance: turn.deps }, spec, { title, alt, filename: 'health.png' });
    await replyEphemeral(
      { client: turn.web, responseUrl: turn.responseUrl, channelId: turn.channelId, userId: turn.userId, logger: turn.deps.logger },
      { text: clientHealthAlt(history, reader, t), blocks: [chartBlock(fileId, alt, title)] },
    );
  } catch (error) {
    turn.deps.logger.warn('could not show a client’s health chart; the text answer stands', { entry: turn.entry, error: errorText(error) });
  }
}
