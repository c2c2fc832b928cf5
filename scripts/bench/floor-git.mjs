// The git floor (`npm run bench`): the least a Node scanner of a git work tree can do. One `git ls-files` of
// tracked and untracked, not ignored files, candidates picked by name, each read and parsed; nothing evaluated.
//
//   node scripts/bench/floor-git.mjs DIR
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isCandidate, parse } from './candidates.mjs';

const root = path.resolve(process.argv[2] ?? '.');
execFile(
  'git',
  ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
  { cwd: root, maxBuffer: 1024 * 1024 * 1024 },
  async (error, stdout) => {
    if (error !== null) throw error;
    const files = stdout.split('\0').filter((file) => file !== '' && isCandidate(file));
    const parsed = await Promise.all(
      files.map(async (file) => parse(file, await readFile(path.join(root, file), 'utf8'))),
    );
    process.stdout.write(`${parsed.length} files\n`);
  },
);
