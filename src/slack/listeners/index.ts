/** Registers every listener on the Bolt app. */
import type { App } from '@slack/bolt';
import type { SlackDeps } from '../frame.js';
import { registerLogEntryActions } from './actions/logEntry.js';
import { registerModalInputs } from './actions/modalInputs.js';
import { registerCallCommand } from './commands/call.js';
import { registerClientCommand } from './commands/client.js';
import { registerIncidentCommand } from './commands/incident.js';
import { registerRapportCommand } from './commands/rapport.js';
import { registerAppHome } from './events/appHome.js';
import { registerChannelShared } from './events/channelShared.js';
import { registerUninstalled } from './events/uninstalled.js';
import { registerUserChange } from './events/userChange.js';
import { registerLogEntryViews } from './views/logEntry.js';
import { registerDigestActions } from './actions/digest.js';
import { registerClientEraseView } from './views/clientErase.js';
import { registerDecisionView } from './views/decision.js';
import { registerClientNameActions } from './actions/clientName.js';
import { registerProposalActions } from './actions/proposals.js';
import { registerNextStepActions } from './actions/nextSteps.js';
import { registerPaymentActions } from './actions/payments.js';
import { registerOutcomeActions } from './actions/outcomes.js';
import { registerLogMessageShortcut } from './shortcuts/logMessage.js';

export function registerListeners(app: App, deps: SlackDeps): void {
  registerCallCommand(app, deps);
  registerIncidentCommand(app, deps);
  registerClientCommand(app, deps);
  registerRapportCommand(app, deps);
  registerLogEntryViews(app, deps);
  registerLogEntryActions(app, deps);
  registerModalInputs(app, deps);
  registerAppHome(app, deps);
  registerChannelShared(app, deps);
  registerUninstalled(app, deps);
  registerUserChange(app, deps);
  registerDigestActions(app, deps);
  registerDecisionView(app, deps);
  registerClientEraseView(app, deps);
  registerClientNameActions(app, deps);
  registerProposalActions(app, deps);
  registerNextStepActions(app, deps);
  registerPaymentActions(app, deps);
  registerOutcomeActions(app, deps);
  registerLogMessageShortcut(app, deps);
}
