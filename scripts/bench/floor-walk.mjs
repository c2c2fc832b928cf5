// The walk floor (`npm run bench`): the least a Node scanner of a tree without git can do. Directories read
// 16 at a time with callbacks (the fastest of the plain walks measured: sync recursion and unbounded promises
// were slower), node_modules and .git skipped by name, no .gitignore; candidates picked by name, each read and
// parsed; nothing evaluated.
//
//   node scripts/bench/floor-walk.mjs DIR
import { readdir, readFile } from 'node:fs';
import path from 'node:path';
import { isCandidate, parse } from './candidates.mjs';

const root = path.resolve(process.argv[2] ?? '.');
const queue = [''];
let active = 0;
let parsed = 0;

function settle() {
  active--;
  if (active === 0 && queue.length === 0) process.stdout.write(`${parsed} files\n`);
  else next();
}

function next() {
  while (active < 16 && queue.length > 0) {
    const dir = queue.pop();
    active++;
    readdir(path.join(root, dir), { withFileTypes: true }, (error, entries) => {
      if (error !== null) throw error;
      for (const entry of entries) {
        const relative = dir === '' ? entry.name : `${dir}/${entry.name}`;
        if (entry.isDirectory()) {
          if (entry.name !== 'node_modules' && entry.name !== '.git') queue.push(relative);
        } else if (isCandidate(relative)) {
          active++;
          readFile(path.join(root, relative), 'utf8', (failed, text) => {
            if (failed !== null) throw failed;
            parse(relative, text);
            parsed++;
            settle();
          });
        }
      }
      settle();
    });
  }
}

next();
