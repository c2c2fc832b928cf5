#!/usr/bin/env node
// The command-line adapter: argv in, report out, exit code 0 (pass) / 1 (findings at --fail-on) / 2 (could not run).
// early-listing.js must stay the first import: it starts git before main.js and its imports are evaluated.
import { earlyListing } from './early-listing.js';
import { run } from './main.js';

run(process.argv.slice(2), undefined, earlyListing).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.exitCode = 2;
  },
);
