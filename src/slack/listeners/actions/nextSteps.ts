/** Done and Snooze on a next step (a to-do list, a reminder): the list in place is redrawn as it is now. */
import type { App, ButtonAction } from '@slack/bolt';
import { localDate } from '../../../domain/calendar.js';
import { settleStep, todoOf } from '../../../services/nextSteps.js';
import { todoMessage } from '../../blocks/nextSteps.js';
import { escapeText } from '../../blocks/text.js';
import { md, t } from '../../../i18n/messages.js';
import { formatCalendarDay } from '../../../i18n/format.js';
import { onAction, type SlackDeps } from '../../frame.js';
import { NEXT_STEP_ACTIONS } from '../../ids.js';
import { publishHome } from '../events/appHome.js';

export function registerNextStepActions(app: App, deps: SlackDeps): void {
  for (const how of ['done', 'snooze'] as const) {
    onAction<ButtonAction>(app, deps, NEXT_STEP_ACTIONS[how], async (turn, action, body) => {
      const act = await turn.actIn();
      const isAdmin = await deps.people.isAdmin(turn.web, turn.teamId, turn.userId);
      const step = await settleStep(deps.db, act, action.value ?? '', how, isAdmin);
      // On the Home tab, the tab is published again; in a message, the list takes its place.
      if (body.view?.type === 'home') return publishHome(turn, turn.userId);
      const today = localDate(turn.now, act.timeZone);
      const reader = await turn.reader();
      const what = md(escapeText(step.what));
      const lead =
        how === 'done'
          ? t(reader, 'notify.step.markedDone', { what })
          : t(reader, 'notify.step.snoozedTo', { what, day: md(formatCalendarDay(step.dueOn, reader)) });
      await turn.replaceOriginal(todoMessage(await todoOf(deps.db, act, turn.userId), today, reader, lead));
    });
  }
}
