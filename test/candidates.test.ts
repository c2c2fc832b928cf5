// The candidate table's derived pieces agree with classify: every candidate's listing entry holds a marker, the
// walk's name filter lets every candidate through, and the markers are exact enough that a monorepo's ordinary
// `.json` and `.yml` files are never decoded.
import { describe, expect, it } from 'vitest';
import {
  classify,
  forgetNameFilters,
  LISTING_MARKERS,
  mayBeCandidate,
  NAME_MARKERS,
  nameFilterFor,
} from '../src/discover/candidates.js';

const CANDIDATES = [
  '.claude/settings.json',
  'apps/web/.claude/settings.json',
  '.claude/settings.local.json',
  'managed-settings.json',
  'etc/claude-code/managed-settings.json',
  'managed-settings.d/10-telemetry.json',
  'etc/managed-settings.d/a.json',
  'dot_claude/settings.json',
  'home/dot_claude/settings.json',
  '.env',
  '.env.local',
  'svc/.env.production',
  'prod.env',
  '.envrc',
  '.mcp.json',
  'pkg/.mcp.json',
  '.github/workflows/ci.yml',
  '.github/workflows/release.yaml',
  '.devcontainer/devcontainer.json',
  '.devcontainer.json',
  'a/.devcontainer.json',
  '.devcontainer/python/devcontainer.json',
  'Dockerfile',
  'docker/Containerfile',
  'Dockerfile.dev',
  'Containerfile.ci',
  'ci/app.Dockerfile',
  'worker.dockerfile',
  'compose.yaml',
  'docker-compose.yml',
  'deploy/docker-compose.prod.yml',
  'compose.override.yaml',
];

const holdsMarker = (entry: string, markers: readonly Buffer[]) =>
  markers.some((marker) => Buffer.from(`${entry}\0`, 'utf8').includes(marker));

describe('candidate markers', () => {
  it('are exact names and directories, not extensions', () => {
    expect(LISTING_MARKERS.map((m) => m.toString('utf8')).sort()).toEqual(
      [
        '.env\0',
        '.env.',
        '.envrc\0',
        '.github/workflows/',
        '.mcp.json\0',
        // Container definitions (issue 11): `.Dockerfile\0` holds `Dockerfile\0`, `docker-compose.` holds `compose.`.
        '.dockerfile\0',
        'Containerfile\0',
        'Containerfile.',
        'Dockerfile\0',
        'Dockerfile.',
        'compose.',
        'devcontainer.json\0',
        'managed-settings.d/',
        'settings.json\0',
        'settings.local.json\0',
      ].sort(),
    );
  });

  it.each(CANDIDATES)('%s holds a marker, as a path of the root and of a nested repository', (file) => {
    expect(classify(file)).toBeDefined();
    expect(holdsMarker(file, LISTING_MARKERS)).toBe(true);
    // In a nested repository, the path may start anywhere below the root of the outer one.
    const segments = file.split('/');
    for (let i = 0; i < segments.length; i++) {
      expect(holdsMarker(segments.slice(i).join('/'), NAME_MARKERS)).toBe(true);
    }
  });

  it('take workflows from the root only', () => {
    expect(classify('sub/.github/workflows/ci.yml')).toBeUndefined();
    expect(classify('.github/workflows/ci.yml')).toEqual({
      path: '.github/workflows/ci.yml',
      kind: 'workflow',
    });
  });

  it('take container definitions by their own names, not documents about them', () => {
    expect(classify('Dockerfile.dev')).toEqual({ path: 'Dockerfile.dev', kind: 'dockerfile' });
    expect(classify('docker-compose.prod.yml')).toEqual({ path: 'docker-compose.prod.yml', kind: 'compose' });
    for (const file of ['Dockerfile.md', 'docs/Containerfile.txt', 'compose.json', 'compose.notes.md']) {
      expect(classify(file), file).toBeUndefined();
    }
  });

  it('skip the ordinary files of a monorepo', () => {
    for (const file of [
      'pkg/package.json',
      'tsconfig.json',
      'src/a.yml',
      '.github/dependabot.yml',
      'x.json',
    ]) {
      expect(holdsMarker(file, LISTING_MARKERS)).toBe(false);
    }
  });
});

describe('the walk name filter', () => {
  it.each(CANDIDATES)('lets %s through in its directory', (file) => {
    const segments = file.split('/');
    const parent = segments.at(-2) ?? '';
    const grandparent = segments.length > 2 ? segments.at(-3)! : '';
    expect(mayBeCandidate(nameFilterFor(parent, grandparent), segments.at(-1)!)).toBe(true);
  });

  it('rejects settings.json outside .claude and dot_claude, and ordinary files', () => {
    const ordinary = nameFilterFor('src', 'pkg');
    expect(mayBeCandidate(ordinary, 'settings.json')).toBe(false);
    expect(mayBeCandidate(ordinary, 'package.json')).toBe(false);
    expect(mayBeCandidate(ordinary, 'ci.yml')).toBe(false);
    expect(mayBeCandidate(nameFilterFor('.claude', 'pkg'), 'settings.json')).toBe(true);
    expect(mayBeCandidate(nameFilterFor('workflows', '.github'), 'ci.yml')).toBe(true);
    expect(mayBeCandidate(nameFilterFor('workflows', 'other'), 'ci.yml')).toBe(false);
  });
});

describe('forgetNameFilters (for the mutation run)', () => {
  it('makes the next request build the filter again, alike', () => {
    const before = nameFilterFor('.claude', 'pkg');
    expect(nameFilterFor('.claude', 'other')).toBe(before);
    forgetNameFilters();
    const after = nameFilterFor('.claude', 'pkg');
    expect(after).not.toBe(before);
    expect(after).toEqual(before);
  });
});

describe('the names each place lets through', () => {
  const ANYWHERE = {
    exact: [
      '.devcontainer.json',
      '.env',
      '.envrc',
      '.mcp.json',
      'Containerfile',
      'Dockerfile',
      'managed-settings.json',
    ],
    prefixes: ['.env.', 'Dockerfile.', 'Containerfile.', 'compose.', 'docker-compose.'],
    suffixes: ['.env', '.Dockerfile', '.dockerfile'],
  };
  const shown = (parent: string, grandparent: string) => {
    const filter = nameFilterFor(parent, grandparent);
    return { exact: [...filter.exact].sort(), prefixes: filter.prefixes, suffixes: filter.suffixes };
  };

  it('at the root and in an ordinary directory: the names that are candidates anywhere', () => {
    expect(shown('', '')).toEqual(ANYWHERE);
    expect(shown('src', 'pkg')).toEqual(ANYWHERE);
  });

  it('in a named place: those names and the place’s own', () => {
    expect(shown('.claude', '')).toEqual({
      ...ANYWHERE,
      exact: [...ANYWHERE.exact, 'settings.json', 'settings.local.json'].sort(),
    });
    expect(shown('workflows', '.github')).toEqual({
      ...ANYWHERE,
      suffixes: ['.env', '.yml', '.yaml', '.Dockerfile', '.dockerfile'],
    });
    expect(shown('managed-settings.d', 'etc')).toEqual({
      ...ANYWHERE,
      suffixes: ['.json', '.env', '.Dockerfile', '.dockerfile'],
    });
  });
});
