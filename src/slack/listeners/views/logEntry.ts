/**
 * The call and incident forms' submissions. Field errors go back on the field (`response_action: errors`);
 * the entry is stored before the ack so a bad client or trait lands on its field too, and the view id is the
 * request key, so a retried submission stores nothing twice.
 */
import { tellDisagreements } from '../../disagreements.js';
import type { App, ViewOutput } from '@slack/bolt';
import { logCallAndScore, logIncidentAndCheck } from '../../../services/clientActivity.js';
import { callConfirmation, incidentConfirmation, type Rendered } from '../../blocks/confirmations.js';
import { onView, type Turn, type SlackDeps } from '../../frame.js';
import type { ActIn } from '../../../services/act.js';
import { INPUTS, VIEWS } from '../../ids.js';
import { notifyOwnerOfRedFlags, tellAssignee, withRedFlagRecipient } from '../../notify.js';
import { proposeTermsBy } from '../../paymentTerms.js';
import { addNextStep } from '../../../services/nextSteps.js';
import type { NextStep } from '../../../domain/nextSteps.js';
import type { ClientProfile } from '../../../domain/types.js';
import {
  parseMetadata,
  readCallView,
  readNextStep,
  readIncidentView,
  viewStateSchema,
  type FieldErrors,
  type FormContext,
  type ModalMetadata,
  type ViewResult,
  type ViewState,
} from '../../parse/viewState.js';
import { permalinkOf, replaceByResponseUrl } from '../../reply.js';
import { tPlain } from '../../../i18n/messages.js';

/** Which form field a stored-side refusal belongs to. */
function fieldOf(field: string | undefined): string {
  if (field === 'traits') return INPUTS.goodTraits;
  if (field === 'notes') return INPUTS.notes;
  if (field === 'description') return INPUTS.description;
  if (field?.startsWith('details')) return INPUTS.kind;
  if (field === 'occurredAt') return INPUTS.date;
  return INPUTS.client;
}

/** An edit replaces the confirmation it started from; a new entry (or an expired URL) is answered anew. */
async function confirm(turn: Turn, metadata: ModalMetadata, confirmation: Rendered): Promise<void> {
  const replaced =
    metadata.entryId && metadata.responseUrl && (await replaceByResponseUrl(metadata.responseUrl, turn.deps.isResponseUrl, confirmation, turn.deps.logger));
  if (!replaced) await turn.reply(confirmation);
}

/**
 * A log form as the use case wants it: its metadata, the workspace's act (with no request key when editing: an
 * edit is not a new entry), and the read fields, or the field errors to show.
 */
async function readForm<T>(
  turn: Turn,
  view: ViewOutput,
  read: (state: ViewState, context: FormContext) => ViewResult<T>,
): Promise<{ errors: FieldErrors } | { metadata: ModalMetadata; act: ActIn; value: T; nextStep: NextStepField }> {
  const metadata = parseMetadata(view.private_metadata);
  const state = viewStateSchema.safeParse(view.state.values);
  if (!state.success) return { errors: { [INPUTS.client]: tPlain(await turn.reader(), 'forms.unreadable') } };
  const act = await turn.actIn();
  const { today } = await turn.workspace();
  const fields = read(state.data, { now: turn.now, today, timeZone: act.timeZone, catalogue: act.catalogue, locale: (await turn.reader()).locale });
  const nextStep = readNextStep(state.data, today);
  if (!fields.ok || !nextStep.ok) return { errors: { ...(fields.ok ? {} : fields.errors), ...(nextStep.ok ? {} : nextStep.errors) } };
  return {
    metadata,
    act: metadata.entryId ? { ...act, requestKey: null } : act,
    value: fields.value,
    nextStep: nextStep.value,
  };
}

type NextStepField = { what: string; dueOn: string } | undefined;

/** The form's next step, set with the entry, for the client's owner. */
async function setNextStep(
  db: SlackDeps['db'],
  act: ActIn,
  client: ClientProfile,
  nextStep: NextStepField,
  source: 'call' | 'incident',
): Promise<NextStep | undefined> {
  return nextStep && addNextStep(db, act, { client, ...nextStep, source });
}

/** The permalink of the message a form was opened on: kept in the form once Slack gave it, else asked now. */
async function evidenceOf(turn: Turn, metadata: ModalMetadata): Promise<string | null> {
  if (metadata.evidenceUrl || !metadata.message) return metadata.evidenceUrl ?? null;
  return permalinkOf(turn.web, metadata.message);
}

export function registerLogEntryViews(app: App, deps: SlackDeps): void {
  onView(app, deps, VIEWS.call, {
    fieldOf,
    submit: async (turn, view) => {
      const form = await readForm(turn, view, readCallView);
      if ('errors' in form) return form;
      const { metadata, act, value, nextStep } = form;
      const outcome = await logCallAndScore(deps.db, act, { ...value, evidenceUrl: await evidenceOf(turn, metadata) }, { editing: metadata.entryId });
      const step = await setNextStep(deps.db, act, outcome.logged.client, nextStep, 'call');
      return {
        done: true,
        after: async (turn) => {
          const answered = turn.answeringIn(metadata.channelId ?? null);
          await confirm(answered, metadata, callConfirmation(act.catalogue, outcome, await answered.reader(), { edited: !!metadata.entryId }));
          await tellDisagreements(answered, act.catalogue, outcome);
          if (step) await tellAssignee(answered, step);
        },
      };
    },
  });

  onView(app, deps, VIEWS.incident, {
    fieldOf,
    submit: async (turn, view) => {
      const form = await readForm(turn, view, readIncidentView);
      if ('errors' in form) return form;
      const { metadata, act, value, nextStep } = form;
      const outcome = await logIncidentAndCheck(deps.db, act, { ...value, evidenceUrl: await evidenceOf(turn, metadata) }, metadata.entryId);
      const step = await setNextStep(deps.db, act, outcome.logged.client, nextStep, 'incident');
      return {
        done: true,
        after: async (turn) => {
          const answered = turn.answeringIn(metadata.channelId ?? null);
          const told = await withRedFlagRecipient(answered, outcome);
          await confirm(answered, metadata, incidentConfirmation(told, await answered.reader(), { edited: !!metadata.entryId }));
          await notifyOwnerOfRedFlags(answered, told);
          await proposeTermsBy(answered, outcome.terms);
          if (step) await tellAssignee(answered, step);
        },
      };
    },
  });
}
