#!/usr/bin/env node
// The command-line adapter: argv in, report out, exit code 0 (pass) / 1 (findings at --fail-on) / 2 (could not run).
import { run } from './main.js';

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.exitCode = 2;
  },
);
