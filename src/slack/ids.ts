/** Every action, block and callback id, shared by the Block Kit builders, the listeners and the parsers. */
/** Slash commands and global shortcuts; manifest.json declares the same (a test checks). */
export const COMMANDS = { call: '/call', incident: '/incident', client: '/client', rapport: '/rapport' } as const;
export const SHORTCUTS = { logCall: 'log_call', logIncident: 'log_incident', logMessage: 'log_message' } as const;

export const ACTIONS = {
  undoCall: 'call_undo',
  editCall: 'call_edit',
  undoIncident: 'incident_undo',
  editIncident: 'incident_edit',
  clientWasTold: 'incident_client_was_told',
  openCallModal: 'home_log_call',
  openIncidentModal: 'home_log_incident',
  /** The Home tab's switch of the person's own digest by DM (`value`: on or off). */
  personalDigest: 'home_personal_digest',
  /** The Home tab's select of the language Rapport speaks to the person (`value`: a locale, or `default`). */
  homeLanguage: 'home_language',
  /** In a form opened from a message: the same message as the other kind of entry. */
  logAsCall: 'log_message_as_call',
  logAsIncident: 'log_message_as_incident',
  /** "Yes, a different client": registers or renames despite a look-alike name. */
  confirmLookAlike: 'client_confirm_look_alike',
  /** In the owner's DM about someone else's change to their client: puts the detail back as it was. */
  undoCorrection: 'client_undo_correction',
  /** Beside the payment reminder of a log: the client paid on time (issue 30; `value`: the client). */
  paidOnTime: 'payment_paid_on_time',
  undoPayment: 'payment_undo',
} as const;

/** Buttons on each client of the weekly digest. */
export const DIGEST_ACTIONS = {
  acknowledge: 'digest_acknowledge',
  snooze: 'digest_snooze',
  decide: 'digest_decide',
  history: 'digest_history',
} as const;

/** On each next step of a to-do list or a reminder. */
export const NEXT_STEP_ACTIONS = {
  done: 'next_step_done',
  snooze: 'next_step_snooze',
} as const;

/** Answers to a proposed change, in the owner's DM. */
export const PROPOSAL_ACTIONS = {
  approve: 'proposal_approve',
  decline: 'proposal_decline',
} as const;

/** What came of a decision, answered in its owner's DM (`value`: the decision's id). */
export const OUTCOME_ACTIONS = {
  better: 'outcome_better',
  same: 'outcome_same',
  worse: 'outcome_worse',
  left: 'outcome_left',
} as const;

export const VIEWS = {
  call: 'call_modal',
  incident: 'incident_modal',
  /** Keep (with a reason), require prepayment, start exit: said before it is done. */
  decision: 'decision_modal',
  /** Deleting a client and everything about it: said before it is done. */
  clientErase: 'client_erase_modal',
} as const;

/**
 * Block ids of modal inputs: `response_action: errors` names these. Each input's element uses the same
 * string as its action id, so the client picker's options load and the kind select's dispatch arrive as
 * `client` and `kind`.
 */
export const INPUTS = {
  client: 'client',
  date: 'date',
  goodTraits: 'traits_good',
  badTraits: 'traits_bad',
  notes: 'notes',
  ourSide: 'our_side',
  kind: 'kind',
  daysLate: 'days_late',
  invoiceRef: 'invoice_ref',
  amount: 'amount',
  amountDisputed: 'amount_disputed',
  competitor: 'competitor',
  onAgreedWork: 'on_agreed_work',
  description: 'description',
  reason: 'reason',
  reviewOn: 'review_on',
  reasons: 'reasons',
  nextStep: 'next_step',
  nextStepDue: 'next_step_due',
} as const;
