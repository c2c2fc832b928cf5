// The shared conformance corpus (SchemaStore's tests, real settings files and workflows from public repositories)
// is not part of this repository. It is read from $CLAUDE_CODE_POLICY_SHARED when that is set, else from
// ../shared beside the repository. Tests that need it are skipped without it, and the run says so once
// (test/setup/corpus.ts).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

export const SHARED_DIR = path.resolve(REPO, process.env.CLAUDE_CODE_POLICY_SHARED || '../shared');
export const CONFORMANCE_DIR = path.join(SHARED_DIR, 'conformance');

/** The parts of the corpus the tests read. */
export const CORPUS_PARTS = {
  schemastore: 'schemastore/claude-code-settings.schema.json',
  realWorld: 'real-world',
  workflows: 'real-world-workflows',
} as const;

/** Why the tests that need these parts of the corpus (all of them by default) are skipped; undefined when all are there. */
export function corpusMissing(...parts: string[]): string | undefined {
  const wanted = parts.length > 0 ? parts : Object.values(CORPUS_PARTS);
  const absent = wanted
    .map((part) => path.join(CONFORMANCE_DIR, part))
    .filter((target) => !existsSync(target));
  return absent.length === 0
    ? undefined
    : `the conformance corpus has no ${absent.join(', ')} (set CLAUDE_CODE_POLICY_SHARED to the folder that holds conformance/)`;
}
