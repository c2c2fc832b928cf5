import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigurationError, describeError } from '../errors.js';
import type { GitListing } from '../discover/git-listing.js';
import type { Logger } from '../logger.js';
import type { Report } from '../model.js';
import { scan } from '../scan.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import { renderGithub } from '../report/github.js';
import { renderJson } from '../report/json.js';
import { renderMarkdown } from '../report/markdown.js';
import { renderSarif } from '../report/sarif.js';
import { renderText } from '../report/text.js';
import { RULES } from '../rules/index.js';
import { SCAN_OPTIONS } from './args.js';
import { runFix } from './fix.js';
import { type CliIo, defaultIo, parseCommandArgs } from './io.js';
import { runInit } from './init.js';
import { commandOptions } from './command-options.js';

export const FORMATS = ['text', 'json', 'sarif', 'markdown', 'github'] as const;
export type Format = (typeof FORMATS)[number];

export const USAGE = `Usage: ${TOOL_NAME} [scan] [PATH] [options]
       ${TOOL_NAME} fix [PATH] [--dry-run] [options]     (see fix --help)
       ${TOOL_NAME} init [PATH] [--managed] [options]    (see init --help)

Check every Claude Code configuration under PATH (default: .) against the policies.

Options:
  --policy LIST            comma list of nonessential-traffic, zdr, hygiene (default: all three)
  --format FMT             text (default) | json | sarif | markdown | github
  --output FILE            write the report to FILE instead of stdout
  --fail-on LEVEL          error (default) | warning | notice | never
  --config FILE            policy config file (default: .github/claude-code-policy.yml or .claude-code-policy.yml)
  --zdr-org-uuid UUID      the organisation login must be pinned to (ZDR005)
  --allowed-base-url URL   an API endpoint allowed besides https://api.anthropic.com (repeatable)
  --max-retention-days N   local transcript retention ceiling in days (default 30)
  --max-file-size BYTES    files larger than this are reported, not read (default 5242880)
  --include GLOB           only scan paths matching GLOB (repeatable)
  --exclude GLOB           skip paths matching GLOB (repeatable)
  --no-gitignore           also scan files that .gitignore excludes
  -h, --help               show this help
  --version                show the version

Exit codes: 0 no finding at or above --fail-on; 1 at least one; 2 the check could not run.
`;

function parse(argv: string[]) {
  return parseCommandArgs(argv, SCAN_OPTIONS);
}

export function render(report: Report, format: Format, color: boolean): string {
  switch (format) {
    case 'json':
      return renderJson(report);
    case 'sarif':
      return renderSarif(report, RULES);
    case 'markdown':
      return renderMarkdown(report, {});
    case 'github':
      return renderGithub(report, RULES);
    default:
      return renderText(report, { color });
  }
}

function useColor(io: CliIo, toFile: boolean): boolean {
  if (toFile) return false;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return io.isTty;
}

function stderrLogger(io: CliIo): Logger {
  return {
    debug() {},
    info() {},
    warning: (message) => io.stderr(`${TOOL_NAME}: warning: ${message}\n`),
  };
}

/**
 * Runs the CLI and returns the exit code; never throws. `listing` is the git listing early-listing.ts started
 * before this module was evaluated; a scan of its directory uses it.
 */
export async function run(argv: string[], io: CliIo = defaultIo(), listing?: GitListing): Promise<number> {
  if (argv[0] === 'fix') return runFix(argv.slice(1), io);
  if (argv[0] === 'init') return runInit(argv.slice(1), io);
  try {
    const { values, positionals } = parse(argv);
    if (values.help) {
      io.stdout(USAGE);
      return 0;
    }
    if (values.version) {
      io.stdout(`${TOOL_VERSION}\n`);
      return 0;
    }
    const args = positionals[0] === 'scan' ? positionals.slice(1) : positionals;
    const format = (values.format ?? 'text') as Format;
    if (!FORMATS.includes(format))
      throw new ConfigurationError(`--format must be one of ${FORMATS.join(', ')}`);
    const { options } = await commandOptions(io.cwd, args, values.config, {
      policy: values.policy,
      failOn: values['fail-on'],
      zdrOrgUuid: values['zdr-org-uuid'],
      allowedBaseUrls: values['allowed-base-url'],
      maxRetentionDays: values['max-retention-days'],
      maxFileSize: values['max-file-size'],
      include: values.include,
      exclude: values.exclude,
      gitignore: values['no-gitignore'] ? false : undefined,
    });
    const report = await scan(options, {
      cwd: io.cwd,
      logger: stderrLogger(io),
      now: io.now,
      gitListing: listing,
    });
    const output = render(report, format, useColor(io, values.output !== undefined));
    if (values.output !== undefined) {
      const target = path.resolve(io.cwd, values.output);
      try {
        await writeFile(target, output);
      } catch (error) {
        const reason = (error as NodeJS.ErrnoException).code ?? 'write failed';
        throw new ConfigurationError(`cannot write --output ${values.output} (${reason})`);
      }
    } else {
      io.stdout(output);
    }
    return report.summary.passed ? 0 : 1;
  } catch (error) {
    io.stderr(`${TOOL_NAME}: ${describeError(error)}\n`);
    return 2;
  }
}
