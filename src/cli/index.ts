#!/usr/bin/env node
// The command-line adapter's entry: argv in, report out, exit code 0 (pass) / 1 (findings at --fail-on) / 2 (could
// not run). It is kept tiny and loads the rest of the program only after two things that must come first: git is
// started on the tree (early-listing.ts), so it walks the tree while Node compiles; and Node's compile cache is
// turned on where the runtime has it (Node ≥ 22.1), so later runs skip compiling the program.
import module from 'node:module';
import { earlyListing } from './early-listing.js';

try {
  module.enableCompileCache?.();
} catch {
  // A cache directory that cannot be made only costs time.
}
const { run } = await import('./main.js');

run(process.argv.slice(2), undefined, earlyListing).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.exitCode = 2;
  },
);
