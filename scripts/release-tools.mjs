#!/usr/bin/env node
// Release helpers that release.yml and a maintainer run (docs/versioning.md, "Releasing"):
//
//   node scripts/release-tools.mjs notes VERSION        print the CHANGELOG.md section of VERSION (exit 1 if none)
//   node scripts/release-tools.mjs pin SHA              pin the reusable workflow's action to SHA, as of this version
//   node scripts/release-tools.mjs pinned               print the SHA the reusable workflow pins
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const REUSABLE = join(ROOT, '.github/workflows/claude-code-policy.yml');
const ACTION_USE = /(uses: claude-code-policy\/claude-code-policy@)([0-9a-f]{40})( # .*)$/m;

/** The body of `## [VERSION]` in a Keep a Changelog file, without its heading; undefined when there is none. */
export function changelogSection(changelog, version) {
  const lines = changelog.replace(/\r\n?/g, '\n').split('\n');
  const escaped = version.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const start = lines.findIndex((line) => new RegExp(`^## \\[${escaped}\\](\\s|$)`).test(line));
  if (start < 0) return undefined;
  let end = lines.findIndex((line, i) => i > start && /^## /.test(line));
  if (end < 0) end = lines.length;
  // Link references at the end of the file belong to no section.
  const body = lines.slice(start + 1, end).filter((line) => !/^\[[^\]]+\]: /.test(line));
  const text = body.join('\n').trim();
  return text === '' ? undefined : `${text}\n`;
}

export function pinnedSha(workflow) {
  return ACTION_USE.exec(workflow)?.[2];
}

export function pinAction(workflow, sha, version) {
  if (!/^[0-9a-f]{40}$/.test(sha)) throw new Error(`not a full commit SHA: ${sha}`);
  if (!ACTION_USE.test(workflow))
    throw new Error('no pinned claude-code-policy/claude-code-policy step found');
  return workflow.replace(ACTION_USE, `$1${sha} # v${version}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [command, arg] = process.argv.slice(2);
  try {
    if (command === 'notes' && arg !== undefined) {
      const section = changelogSection(
        readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8'),
        arg.replace(/^v/, ''),
      );
      if (section === undefined) throw new Error(`CHANGELOG.md has no section for ${arg}`);
      process.stdout.write(section);
    } else if (command === 'pin' && arg !== undefined) {
      const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
      writeFileSync(REUSABLE, pinAction(readFileSync(REUSABLE, 'utf8'), arg, version));
      console.log(`pinned the reusable workflow's action to ${arg} (v${version})`);
    } else if (command === 'pinned') {
      const sha = pinnedSha(readFileSync(REUSABLE, 'utf8'));
      if (sha === undefined) throw new Error('no pinned claude-code-policy/claude-code-policy step found');
      console.log(sha);
    } else {
      throw new Error('usage: release-tools.mjs notes VERSION | pin SHA | pinned');
    }
  } catch (error) {
    console.error(`release-tools: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
