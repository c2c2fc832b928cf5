// How the runner reads a step's stdout: a line is a workflow command when, after leading blanks, it starts with
// `::name` (`::name key=value,…::message`), or when it holds the older `##[name …]message` anywhere. Between
// `::stop-commands::TOKEN` and `::TOKEN::` nothing is a command. Tests parse the action's stdout with this to
// prove that only the action's own commands are there.

export interface RunnerCommand {
  name: string;
  properties: string;
  message: string;
  /** `::` or `##[`. */
  form: 'v2' | 'legacy';
}

export function runnerCommands(stdout: string): RunnerCommand[] {
  const out: RunnerCommand[] = [];
  let stopToken: string | undefined;
  for (const raw of stdout.split('\n')) {
    const line = raw.replace(/\r$/, '');
    const trimmed = line.trimStart();
    if (stopToken !== undefined) {
      if (trimmed === `::${stopToken}::`) stopToken = undefined;
      continue;
    }
    const v2 = /^::([^\s:]+)(?: ([^]*?))?::([^]*)$/.exec(trimmed);
    if (v2) {
      out.push({ name: v2[1]!, properties: v2[2] ?? '', message: v2[3]!, form: 'v2' });
      if (v2[1] === 'stop-commands') stopToken = v2[3];
      continue;
    }
    const legacy = /##\[([^\s\]]+)(?: ([^\]]*))?\](.*)$/.exec(line);
    if (legacy)
      out.push({ name: legacy[1]!, properties: legacy[2] ?? '', message: legacy[3]!, form: 'legacy' });
  }
  return out;
}
