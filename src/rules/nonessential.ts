// What each non-essential service needs to be off, shared by NET001, NET002 and NET004 so that the umbrella
// finding (NET001) can name every service a scope leaves on (docs: env-vars CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC,
// data-usage "Default behaviors by API provider", "Session quality surveys"; reference §7.4).
import { anyOn, NONESSENTIAL, PROVIDER_VARIABLES, type SwitchState, stateOf } from '../scope/env.js';
import type { EnvValue, Scope } from '../scope/scope.js';

export const UPDATE_SWITCHES = ['DISABLE_AUTOUPDATER', 'DISABLE_UPDATES'];
export const SURVEY_SWITCHES = ['CLAUDE_CODE_DISABLE_FEEDBACK_SURVEY', 'DISABLE_TELEMETRY', 'DO_NOT_TRACK'];

/** Services a third-party provider turns off by default; NET001 reports them. */
const PROVIDER_OFF = [
  { name: 'usage telemetry', switches: ['DISABLE_TELEMETRY', 'DO_NOT_TRACK'] },
  { name: 'error reports', switches: ['DISABLE_ERROR_REPORTING'] },
  {
    name: 'feedback transcripts (`/bug`, `/feedback`, Claude-drafted feedback)',
    switches: ['DISABLE_FEEDBACK_COMMAND', 'DISABLE_BUG_COMMAND'],
  },
] as const;

/** Whether the service is still on: on, off, or unknown when a switch's value cannot be known statically. */
function onUnless(off: SwitchState): SwitchState {
  return off === 'on' ? 'off' : off === 'unknown' ? 'unknown' : 'on';
}

export interface ServiceState {
  name: string;
  state: SwitchState;
}

/** Telemetry, error reports and feedback transcripts: NET001's own services. */
export function providerServices(scope: Scope): ServiceState[] {
  const umbrella = stateOf(scope.env, NONESSENTIAL);
  const provider = anyOn(PROVIDER_VARIABLES.map((name) => stateOf(scope.env, name)));
  return PROVIDER_OFF.map((service) => ({
    name: service.name,
    state: onUnless(anyOn([umbrella, provider, ...service.switches.map((n) => stateOf(scope.env, n))])),
  }));
}

/** Background update checks: only the umbrella or their own switches stop them (NET002). */
export function updateChecks(scope: Scope): SwitchState {
  return onUnless(anyOn([NONESSENTIAL, ...UPDATE_SWITCHES].map((name) => stateOf(scope.env, name))));
}

/** Session quality surveys (NET004); `feedbackSurveyRate: 0` turns them off too. */
export function surveys(scope: Scope): SwitchState {
  if (scope.settings.get('feedbackSurveyRate')?.value === 0) return 'off';
  return onUnless(anyOn([NONESSENTIAL, ...SURVEY_SWITCHES].map((name) => stateOf(scope.env, name))));
}

/** Release notes: only the umbrella stops them. */
export function releaseNotes(scope: Scope): SwitchState {
  return onUnless(stateOf(scope.env, NONESSENTIAL));
}

/** The umbrella variable when a higher file sets it to an empty string, which unsets it: the line to change. */
export function emptiedUmbrella(scope: Scope): EnvValue | undefined {
  const value = scope.env.get(NONESSENTIAL);
  return value !== undefined && value.value === '' && !value.unknown ? value : undefined;
}

/** The fix that turns the umbrella on: change the emptying line, or add it where the scope's fixes go. */
export function umbrellaFix(scope: Scope, add: (scope: Scope, name: string) => string): string {
  const emptied = emptiedUmbrella(scope);
  return emptied !== undefined
    ? `Set ${NONESSENTIAL} to "1" on line ${emptied.location.line} of \`${emptied.location.file}\` (an empty string unsets it).`
    : add(scope, NONESSENTIAL);
}
