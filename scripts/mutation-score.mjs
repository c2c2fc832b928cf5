// The mutation score per stage (and, with --files, per file) from Stryker's JSON reports, so that stages measured
// in separate runs can be read side by side. --survivors lists each survivor as `file:line:column mutator`,
// the line it changes and the replacement: the form test/mutation-equivalents.md uses.
//
//   node scripts/mutation-score.mjs [--files] [--survivors] [REPORT.json …]   (default: reports/mutation/mutation.json)
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { files: { type: 'boolean' }, survivors: { type: 'boolean' } },
});
const reports = positionals.length > 0 ? positionals : ['reports/mutation/mutation.json'];

const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);
const groups = new Map();
const survivors = [];

function count(key, status) {
  const totals = groups.get(key) ?? { detected: 0, undetected: 0, other: 0 };
  if (DETECTED.has(status)) totals.detected++;
  else if (UNDETECTED.has(status)) totals.undetected++;
  else totals.other++; // Ignored, CompileError, RuntimeError: not in the score
  groups.set(key, totals);
}

// A file in several reports counts once, as the last report given has it: pass older runs first.
const latest = new Map();
for (const report of reports) {
  const { files } = JSON.parse(readFileSync(report, 'utf8'));
  for (const [name, file] of Object.entries(files)) latest.set(name.replace(/^.*?(?=src\/)/, ''), file);
}
for (const [relative, file] of latest) {
  const stage = relative.split('/').slice(0, 2).join('/');
  const lines = file.source.split('\n');
  for (const mutant of file.mutants) {
    count(stage, mutant.status);
    if (values.files) count(`  ${relative}`, mutant.status);
    if (UNDETECTED.has(mutant.status)) {
      const { line, column } = mutant.location.start;
      const code = lines[line - 1].trim().slice(0, 100);
      const replacement = (mutant.replacement ?? '').replace(/\s+/g, ' ').slice(0, 80);
      survivors.push(
        `${relative}:${line}:${column} ${mutant.mutatorName} (${mutant.status}) :: ${code} => ${replacement}`,
      );
    }
  }
}

const rows = [...groups].sort(([a], [b]) => a.trim().localeCompare(b.trim()) || a.length - b.length);
for (const [key, { detected, undetected }] of rows) {
  const scored = detected + undetected;
  const score = scored === 0 ? '–' : `${((100 * detected) / scored).toFixed(1)}%`;
  console.log(`${key.padEnd(44)} ${score.padStart(6)}  (${detected} detected, ${undetected} not)`);
}
if (values.survivors) for (const line of survivors) console.log(line);
