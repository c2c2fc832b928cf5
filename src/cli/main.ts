import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { writeContainedFile } from '../discover/contained.js';
import { ConfigurationError, describeError } from '../errors.js';
import { type GitListing, gitWorkTreeTop } from '../discover/git-listing.js';
import { reportForWorkspace } from '../report/rebase.js';
import type { Logger } from '../logger.js';
import type { Report } from '../model.js';
import { narrowReport, scan } from '../scan.js';
import { classify } from '../discover/discover.js';
import { REPOSITORY_URL, TOOL_NAME, TOOL_VERSION } from '../version.js';
import { renderGithub } from '../report/github.js';
import { renderJson } from '../report/json.js';
import { renderMarkdown } from '../report/markdown.js';
import { renderSarif } from '../report/sarif.js';
import { renderText } from '../report/text.js';
import { RULES } from '../rules/index.js';
import { SCAN_OPTIONS } from './args.js';
import { runFix } from './fix.js';
import { type CliIo, defaultIo, parseCommandArgs, stderrLine } from './io.js';
import { runInit } from './init.js';
import { commandOptions } from './command-options.js';
import { runExplain, runRules } from './rules.js';
import { resolveTargets } from './targets.js';
import { colorChoice } from './terminal.js';

export const FORMATS = ['text', 'json', 'sarif', 'markdown', 'github'] as const;
export type Format = (typeof FORMATS)[number];

export const DOCS_URL = `${REPOSITORY_URL}#readme`;

export const USAGE = `Usage: ${TOOL_NAME} [scan] [PATH...] [options]
       ${TOOL_NAME} fix [PATH] [--dry-run] [options]     (see fix --help)
       ${TOOL_NAME} init [PATH] [--dry-run] [options]    (see init --help)
       ${TOOL_NAME} rules [--format json]               list the rules
       ${TOOL_NAME} explain RULE                        show a rule's page

Check every Claude Code configuration under PATH (default: .) against the policies. PATH may also be one or
more files: each is checked in its place in its repository, and only their findings are reported.

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
  --min-claude-code-version V  the oldest Claude Code version in use, e.g. 2.1.282 (default: every version
                           counts and the worst case applies; see docs/versions.md)
  --include GLOB           only scan paths matching GLOB (repeatable)
  --exclude GLOB           skip paths matching GLOB (repeatable)
  --no-gitignore           also scan files that .gitignore excludes
  -q, --quiet              print nothing when the check passes (text format), and no warnings
  --color, --no-color      force colour on or off (default: on a terminal, unless NO_COLOR is set;
                           FORCE_COLOR turns it on)
  --path-base DIR          github and sarif paths are relative to DIR (default: the top of the git
                           work tree that holds PATH, else PATH)
  --require WHAT           opt-in requirement: project-settings (a shared .claude/settings.json
                           at the root that meets the selected policies)
  --code MODE              source code checked under zdr: auto (default: under a manifest that declares an
                           Anthropic SDK, plus shell scripts and notebooks) | all | off
  -h, --help               show this help
  -V, --version            show the version

Examples:
  ${TOOL_NAME}                                   check the current directory
  ${TOOL_NAME} path/to/repo --policy zdr         check one policy
  ${TOOL_NAME} .claude/settings.local.json       check one file, in its place in the repository
  ${TOOL_NAME} --format sarif --output out.sarif for GitHub code scanning
  ${TOOL_NAME} fix --dry-run                     show the safe fixes as a diff
  ${TOOL_NAME} explain NET001                    why a rule matters and how to fix it

Exit codes: 0 no finding at or above --fail-on; 1 at least one; 2 the check could not run.
Documentation: ${DOCS_URL}
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

function stderrLogger(io: CliIo, quiet: boolean): Logger {
  return {
    debug() {},
    info() {},
    warning: (message) => {
      if (!quiet) stderrLine(io, `warning: ${message}`);
    },
  };
}

/** Resolves symbolic links where it can, so that a path and git's top of the work tree compare. */
async function real(dir: string): Promise<string> {
  return realpath(dir).catch(() => dir);
}

/**
 * The report with paths GitHub can place (`github` and `sarif`): relative to `--path-base`, else to the top of the
 * git work tree that holds PATH, else to PATH. JSON and text keep paths relative to PATH, as documented.
 */
async function placeForGithub(
  report: Report,
  root: string,
  pathBase: string | undefined,
  cwd: string,
): Promise<Report> {
  const base = pathBase !== undefined ? path.resolve(cwd, pathBase) : await gitWorkTreeTop(root);
  if (base === undefined) return report;
  return reportForWorkspace(report, await real(base), await real(root));
}

/**
 * Runs the CLI and returns the exit code; never throws. `listing` is the git listing early-listing.ts started
 * before this module was evaluated; a scan of its directory uses it.
 */
export async function run(argv: string[], io: CliIo = defaultIo(), listing?: GitListing): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'fix') return runFix(rest, io);
  if (command === 'init') return runInit(rest, io);
  if (command === 'rules') return runRules(rest, io);
  if (command === 'explain') return runExplain(rest, io);
  if (command === 'help' && rest.length === 0) return run(['--help'], io);
  if (
    command === 'help' &&
    rest.length === 1 &&
    ['fix', 'init', 'rules', 'explain', 'scan'].includes(rest[0]!)
  )
    return run([rest[0]!, '--help'], io);
  if (command === 'version' && rest.length === 0) return run(['--version'], io);
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
    const quiet = values.quiet === true;
    const format = (values.format ?? 'text') as Format;
    if (!FORMATS.includes(format))
      throw new ConfigurationError(`--format must be one of ${FORMATS.join(', ')}`);
    const color = colorChoice(io, values.color, values['no-color'], values.output !== undefined);
    const targets = await resolveTargets(
      io.cwd,
      positionals[0] === 'scan' ? positionals.slice(1) : positionals,
    );
    const { options } = await commandOptions(
      io.cwd,
      targets.root === undefined ? [] : [targets.root],
      values.config,
      {
        policy: values.policy,
        failOn: values['fail-on'],
        zdrOrgUuid: values['zdr-org-uuid'],
        allowedBaseUrls: values['allowed-base-url'],
        maxRetentionDays: values['max-retention-days'],
        maxFileSize: values['max-file-size'],
        minClaudeCodeVersion: values['min-claude-code-version'],
        include: values.include,
        exclude: values.exclude,
        gitignore: values['no-gitignore'] ? false : undefined,
        require: values.require,
        code: values.code,
      },
    );
    const whole = await scan(options, {
      cwd: io.cwd,
      logger: stderrLogger(io, quiet),
      now: io.now,
      gitListing: listing,
    });
    let report = whole;
    if (targets.files !== undefined) {
      report = narrowReport(whole, targets.files);
      for (const file of targets.files) {
        if (!quiet && !whole.files.includes(file)) {
          stderrLine(
            io,
            `warning: ${file} was not checked: ${classify(file) === undefined ? 'it is not a file Claude Code or this check reads' : 'it is excluded (--include, --exclude, .gitignore) or could not be read'}`,
          );
        }
      }
    }
    const placed =
      format === 'github' || format === 'sarif'
        ? await placeForGithub(report, path.resolve(io.cwd, options.path), values['path-base'], io.cwd)
        : report;
    const output = quiet && format === 'text' && report.summary.passed ? '' : render(placed, format, color);
    if (values.output !== undefined) {
      const target = path.resolve(io.cwd, values.output);
      try {
        await writeContainedFile(io.cwd, target, output, 'the working folder', false);
      } catch (error) {
        const reason =
          error instanceof ConfigurationError
            ? error.message
            : ((error as NodeJS.ErrnoException).code ?? 'write failed');
        throw new ConfigurationError(`cannot write --output ${values.output} (${reason})`);
      }
    } else {
      io.stdout(output);
    }
    return report.summary.passed ? 0 : 1;
  } catch (error) {
    stderrLine(io, describeError(error));
    return 2;
  }
}
