// Starts git listing the tree that the command line scans, as this module is evaluated: the one deliberate
// piece of work at import time. ES modules evaluate every import before the importing module's body, so only
// a module that index.ts imports ahead of main.js can start git before the rest of the program (zod schemas,
// rules, renderers) is evaluated; git walks the tree meanwhile.
import { type GitListing, listGitFiles } from '../discover/git-listing.js';
import { gitListedRoot } from './args.js';

function startListing(): GitListing | undefined {
  try {
    const root = gitListedRoot(process.argv.slice(2), process.cwd());
    return root === undefined ? undefined : listGitFiles(root);
  } catch {
    // No listing (a working directory that was deleted, say): main.js runs without it and says what is wrong.
    return undefined;
  }
}

export const earlyListing = startListing();
