/**
 * Every request Slack sends is acknowledged, whether or not any listener handles it. Bolt leaves a request no
 * listener acks open until its 3 s timer answers 404, which Slack shows as an error and, for events, retries:
 * a form closed (`view_closed`), a button on an older message whose action this version no longer has, Slack's
 * `app_rate_limited` notice (a payload type Bolt does not know). Here the HTTP 200 goes as soon as Bolt is done
 * with the request; a click nobody handles is told why, privately.
 */
import type { Request, Response } from 'express';
import { ExpressReceiver, type ExpressReceiverOptions } from '@slack/bolt';
import type { Logger } from '../log.js';
import { postToResponseUrl } from './reply.js';

export const OLD_BUTTON = 'This button belongs to an older message and no longer does anything. Run the command again for a fresh one.';

export interface AcknowledgingOptions {
  logger: Logger;
  /** True for a URL Slack gave us to answer on: a click nobody handles is answered there. */
  isResponseUrl: (url: string) => boolean;
}

export class AcknowledgingReceiver extends ExpressReceiver {
  constructor(
    options: ExpressReceiverOptions,
    private readonly fallback: AcknowledgingOptions,
  ) {
    super({
      ...options,
      // Bolt's own 404 after 3 s: only for a request still unanswered then (a listener that never acked).
      unhandledRequestHandler: ({ response }) => {
        if (response.headersSent) return;
        fallback.logger.error('a Slack request was not acknowledged within 3 seconds');
        response.writeHead(404).end();
      },
    });
  }

  override async requestHandler(req: Request, res: Response): Promise<void> {
    await super.requestHandler(req, res);
    if (res.headersSent) return;
    res.writeHead(200).end();
    await this.unhandled((req as Request & { body?: Record<string, any> }).body ?? {});
  }

  private async unhandled(body: Record<string, any>): Promise<void> {
    const { logger, isResponseUrl } = this.fallback;
    if (body.type === 'app_rate_limited') {
      logger.warn('Slack is holding back events from a workspace (app_rate_limited)', { team: body.team_id, minute: body.minute_rate_limited });
      return;
    }
    logger.info('acknowledged a Slack request no listener handles', { type: body.type ?? body.event?.type ?? body.command ?? 'unknown' });
    const url = typeof body.response_url === 'string' ? body.response_url : undefined;
    if (body.type === 'block_actions' && url && isResponseUrl(url)) await postToResponseUrl(url, { text: OLD_BUTTON }, logger);
  }
}
