/**
 * The digest's pictures, drawn and uploaded before its pages are stored (so they are posted, and resumed, with the
 * pages: a thread finished later posts what was stored, never a picture again): the portfolio's health bands and
 * money at risk over the last weeks, and the health of the first few clients that fell. Each is uploaded shared in
 * no channel (slack/chartFiles.ts) and shown by an image block with alt text in the workspace's words. A picture
 * that fails, or is not ready within the time allowed, is logged and left out: the digest never waits on it long,
 * and never goes without its text because of it.
 */
import type { TopLevelSpec } from 'vega-lite';
import { clientHealthAlt, clientHealthSpec, type ClientHealthHistory } from '../charts/clientHealth.js';
import { moneyAtRiskAlt, moneyAtRiskSpec, portfolioBandsAlt, portfolioBandsSpec, type PortfolioWeek } from '../charts/portfolio.js';
import { t, tPlain } from '../i18n/messages.js';
import type { Reader } from '../i18n/reader.js';
import { limitConcurrency } from '../limit.js';
import { errorText, type Logger } from '../log.js';
import type { DigestPicture, DigestPictures } from './blocks/digest.js';
import { chartBlock, uploadedChart, type ChartUpload } from './chartFiles.js';

/** What the pictures show: the portfolio's weeks, and the clients that fell to picture (the first few of `fell`). */
export interface DigestChartData {
  weeks: readonly PortfolioWeek[];
  clients: readonly { clientId: string; history: ClientHealthHistory }[];
  fell: number;
}

/** How long a digest waits for its pictures at most, by default: well within a claim's lease (two minutes). */
export const PICTURES_WITHIN_MS = 30_000;

/** Pictures drawn and uploaded at once for one digest (drawing takes its turn in render.ts besides). */
const PICTURES_AT_ONCE = 3;

interface Drawing {
  spec: TopLevelSpec;
  title: string;
  alt: string;
  line: string;
  filename: string;
  /** The client it shows: its file goes when the client is erased. */
  clientId?: string;
}

/** Each picture uploaded (or left out, logged), in order, within `withinMs`. */
export async function uploadDigestPictures(
  to: ChartUpload,
  data: DigestChartData,
  reader: Reader,
  logger: Logger,
  withinMs = PICTURES_WITHIN_MS,
): Promise<DigestPictures> {
  const weeks = data.weeks;
  const portfolio: Drawing[] =
    weeks.length === 0
      ? []
      : [
          {
            spec: portfolioBandsSpec(weeks, reader),
            title: tPlain(reader, 'digestCharts.bands.title', { weeks: weeks.length }),
            alt: portfolioBandsAlt(weeks, reader),
            line: portfolioBandsAlt(weeks, reader, t),
            filename: 'health-bands.png',
          },
          {
            spec: moneyAtRiskSpec(weeks, reader),
            title: tPlain(reader, 'digestCharts.money.title', { weeks: weeks.length }),
            alt: moneyAtRiskAlt(weeks, reader),
            line: moneyAtRiskAlt(weeks, reader, t),
            filename: 'money-at-risk.png',
          },
        ];
  const clients = data.clients.map(({ clientId, history }) => ({
    clientId,
    spec: clientHealthSpec(history, reader),
    title: history.name,
    alt: clientHealthAlt(history, reader),
    line: clientHealthAlt(history, reader, t),
    filename: 'health.png',
  }));
  const atOnce = limitConcurrency(PICTURES_AT_ONCE);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), withinMs);
    timer.unref?.();
  });
  let timedOut = false;
  const upload = (d: Drawing): Promise<DigestPicture | undefined> => {
    const done = atOnce(async () => {
      // Once the time is up, the pictures still waiting are not drawn at all.
      if (timedOut) return undefined;
      const fileId = await uploadedChart(to, d.spec, { title: d.title, alt: d.alt, filename: d.filename, clientId: d.clientId });
      return { block: chartBlock(fileId, d.alt, d.title), line: d.line };
    }).catch((error: unknown) => {
      logger.warn('could not draw or upload a digest picture; the digest goes without it', { team: to.teamId, picture: d.filename, error: errorText(error) });
      return undefined;
    });
    return Promise.race([done, late]);
  };
  try {
    const [drawnPortfolio, drawnClients] = await Promise.all([Promise.all(portfolio.map(upload)), Promise.all(clients.map(upload))]);
    const missing = [...drawnPortfolio, ...drawnClients].filter((p) => !p).length;
    if (missing > 0) logger.warn('the digest goes without some of its pictures', { team: to.teamId, missing, of: portfolio.length + clients.length });
    return {
      weeks: weeks.length,
      portfolio: drawnPortfolio.filter((p): p is DigestPicture => !!p),
      clients: drawnClients.flatMap((p, i) => (p ? [{ ...p, clientId: clients[i]!.clientId }] : [])),
      fell: data.fell,
    };
  } finally {
    timedOut = true;
    clearTimeout(timer);
  }
}
