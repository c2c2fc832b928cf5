// The attack tests' view of a step's stdout: every command the runner acts on (runner.ts's model: lines end at
// \r\n, \r or \n; `::name` after leading blanks, else `##[name` anywhere), plus the `::stop-commands::TOKEN` line
// itself, which the attack tests check is the action's own, with its random token.
import { parseRunnerLine, runnerLines } from './runner.js';

export interface RunnerCommand {
  name: string;
  /** The properties as `key=value` pairs joined by commas; empty when there are none. */
  properties: string;
  message: string;
  /** `::` or `##[`. */
  form: 'v2' | 'legacy';
}

export function runnerCommands(stdout: string): RunnerCommand[] {
  const out: RunnerCommand[] = [];
  let stopToken: string | undefined;
  for (const line of runnerLines(stdout)) {
    if (stopToken !== undefined) {
      if (line.trim() === `::${stopToken}::`) stopToken = undefined;
      continue;
    }
    const command = parseRunnerLine(line);
    if (command === undefined) continue;
    const properties = Object.entries(command.properties)
      .map(([key, value]) => `${key}=${value}`)
      .join(',');
    out.push({ name: command.command, properties, message: command.message, form: command.form });
    if (
      command.form === 'v2' &&
      command.command.toLowerCase() === 'stop-commands' &&
      command.message !== ''
    ) {
      stopToken = command.message;
    }
  }
  return out;
}
