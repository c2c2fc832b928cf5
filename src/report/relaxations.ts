// The section that opens the job summary and the pull request comment when the pull request's own policy config
// would loosen the policy in force: the check ran with the base's (or a central) policy, and a reviewer sees
// here, point by point, what merging would change.
import type { Relaxation } from '../policy/relaxations.js';
import { escapeMarkdownText } from './markdown.js';

export interface PolicyChange {
  /** Where the policy in force was read, in words. */
  origin: string;
  /** The pull request's config file, root-relative. */
  file: string | undefined;
  relaxations: readonly Relaxation[];
  /** Why the pull request's config could not be compared. */
  problem: string | undefined;
}

/** Markdown for the top of the summary and comment; empty when the pull request changes nothing that loosens. */
export function renderPolicyChange(change: PolicyChange): string {
  if (change.relaxations.length === 0 && change.problem === undefined) return '';
  const file = escapeMarkdownText(change.file ?? 'the policy config');
  const out = [
    '### ⚠️ This pull request relaxes the policy',
    '',
    `The check ran with the policy from ${escapeMarkdownText(change.origin)}. ` +
      `The pull request's <code>${file}</code> would change it once merged:`,
    '',
  ];
  for (const relaxation of change.relaxations) {
    const where = relaxation.file === undefined ? '' : ` (line ${relaxation.line})`;
    out.push(`- ${escapeMarkdownText(relaxation.text)}${where}`);
  }
  if (change.problem !== undefined) {
    out.push(`- its config could not be read, so it was not compared: ${escapeMarkdownText(change.problem)}`);
  }
  out.push('', 'These changes take effect after merge: review them as a change to the policy itself.', '');
  return `${out.join('\n')}\n`;
}
