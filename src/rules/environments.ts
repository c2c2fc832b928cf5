// The environments env-based rules look at: each scope's effective env, and each env file on its own.
// Env files never make a scope compliant (Claude Code does not read them), but whatever weakens a policy
// or leaks a secret there is reported (SPEC §5).
import type { EnvValue, Scope } from '../scope/scope.js';
import { locationOf } from '../scope/scope.js';
import type { RuleContext } from './types.js';

export interface Environment {
  env: ReadonlyMap<string, EnvValue>;
  /** The scope, or null for an env file. */
  scope: Scope | null;
}

/** The variables of an env file as Claude Code would see them if it were sourced (last assignment wins). */
export function dotenvEnvironment(context: RuleContext): Environment[] {
  const out: Environment[] = [];
  for (const file of context.files) {
    if (file.kind !== 'dotenv') continue;
    const env = new Map<string, EnvValue>();
    for (const entry of file.dotenv.entries) {
      env.set(entry.name, {
        name: entry.name,
        value: entry.value,
        unknown: false,
        location: locationOf(file.source.path, entry.span),
      });
    }
    out.push({ env, scope: null });
  }
  return out;
}

/** Scopes first, then env files. */
export function environments(context: RuleContext): Environment[] {
  return [...context.scopes.map((scope) => ({ env: scope.env, scope })), ...dotenvEnvironment(context)];
}
