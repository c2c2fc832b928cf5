// Reads and writes that stay inside a root (src/discover/contained.ts), and the cap on findings per rule and file
// (src/policy/caps.ts): the pieces the attack tests drive through the bundle, here case by case.
import { execFileSync } from 'node:child_process';
import { lstatSync, readdirSync, readFileSync, readlinkSync, realpathSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isWithin, readContainedFile, writeContainedFile } from '../src/discover/contained.js';
import type { Finding } from '../src/model.js';
import { capFindings } from '../src/policy/caps.js';
import { useTempTrees } from './support/cli.js';

const tree = useTempTrees('ccp-contained-');

describe('writeContainedFile', () => {
  it('replaces a link inside the root with a file, and leaves what it pointed at alone', async () => {
    const root = tree({ 'target.txt': 'kept' });
    symlinkSync(path.join(root, 'target.txt'), path.join(root, 'report.json'));
    await writeContainedFile(root, path.join(root, 'report.json'), '{}', 'the workspace', true);
    expect(lstatSync(path.join(root, 'report.json')).isSymbolicLink()).toBe(false);
    expect(readFileSync(path.join(root, 'report.json'), 'utf8')).toBe('{}');
    expect(readFileSync(path.join(root, 'target.txt'), 'utf8')).toBe('kept');
  });

  it('refuses a folder on the way that links out of the root', async () => {
    const outside = tree({});
    const root = tree({});
    symlinkSync(outside, path.join(root, 'out'));
    await expect(
      writeContainedFile(root, path.join(root, 'out/a/b.json'), '{}', 'the workspace', true),
    ).rejects.toThrow('"out" is a link that leads outside the workspace: refused');
  });
});

describe('readContainedFile', () => {
  it('reads a link that stays inside, refuses a FIFO and a file over the cap', async () => {
    const root = tree({ 'a.yml': 'policy: [zdr]\n', 'big.yml': 'x'.repeat(11) });
    symlinkSync(path.join(root, 'a.yml'), path.join(root, 'b.yml'));
    expect(await readContainedFile(root, path.join(root, 'b.yml'), 'the root', 100)).toBe('policy: [zdr]\n');
    execFileSync('mkfifo', [path.join(root, 'pipe.yml')]);
    await expect(readContainedFile(root, path.join(root, 'pipe.yml'), 'the root', 100)).rejects.toThrow(
      'is not a regular file: refused',
    );
    await expect(readContainedFile(root, path.join(root, 'big.yml'), 'the root', 10)).rejects.toThrow(
      'is larger than 10 bytes: refused',
    );
    expect(await readContainedFile(root, path.join(root, 'missing.yml'), 'the root', 10)).toBeUndefined();
  });
});

describe('capFindings', () => {
  const finding = (line: number, severity: Finding['severity']): Finding => ({
    ruleId: 'CFG004',
    policy: 'hygiene',
    severity,
    docsUrl: 'u',
    file: 'a.json',
    line,
    column: 1,
    endLine: line,
    endColumn: 2,
    scope: null,
    scopes: [],
    message: `duplicate ${line}`,
    fix: 'Remove it.',
  });

  it('lists 19, then one finding at the 20th that counts the rest, as severe as the worst of them', () => {
    const input = Array.from({ length: 30 }, (_, i) => finding(i + 1, i === 29 ? 'error' : 'warning'));
    const out = capFindings(input);
    expect(out.map((f) => [f.line, f.severity])).toEqual([
      ...Array.from({ length: 19 }, (_, i) => [i + 1, 'warning']),
      [20, 'error'],
    ]);
    expect(out.at(-1)!.message).toBe(
      '11 more CFG004 findings in this file, not listed one by one (the first is here).',
    );
    expect(out.at(-1)!.fix).toBe(
      'Remove it. The same applies to the 11 findings not listed; run the scan again after fixing.',
    );
  });

  it('gives the counting finding the worst severity among those it counts, wherever it sits', () => {
    const severities: Finding['severity'][] = ['notice', 'error', 'warning', 'notice'];
    const input = Array.from({ length: 23 }, (_, i) =>
      finding(i + 1, i < 19 ? 'notice' : severities[i - 19]!),
    );
    expect(capFindings(input).map((f) => [f.line, f.severity])).toEqual([
      ...Array.from({ length: 19 }, (_, i) => [i + 1, 'notice']),
      [20, 'error'],
    ]);
  });

  it('lists exactly 20 findings of one rule in one file, and never caps findings that have no file', () => {
    const twenty = Array.from({ length: 20 }, (_, i) => finding(i + 1, 'warning'));
    expect(capFindings(twenty)).toEqual(twenty);
    const noFile = Array.from({ length: 120 }, (_, i) => ({ ...finding(i + 1, 'warning'), file: null }));
    expect(capFindings(noFile)).toEqual(noFile);
  });

  it('keeps the sorted order: findings with a file first, by file and line, then those without', () => {
    const withoutFile = { ...finding(1, 'error'), ruleId: 'SIG001', file: null };
    const b = { ...finding(2, 'warning'), file: 'b.json' };
    const a = finding(5, 'warning');
    expect(capFindings([withoutFile, b, a])).toEqual([a, b, withoutFile]);
  });

  it('counts what a finding stands for: one that counts 25 others is never listed alone', () => {
    // The producer built two findings and counted 25 more in the second (bounded.ts): 27 in all, over the cap.
    const input = [finding(1, 'warning'), { ...finding(2, 'error'), more: 25 }];
    expect(capFindings(input)).toEqual([
      input[0],
      {
        ...input[1],
        more: 25,
        message: '26 more CFG004 findings in this file, not listed one by one (the first is here).',
        fix: 'Remove it. The same applies to the 26 findings not listed; run the scan again after fixing.',
      },
    ]);
  });

  it('lists exactly 100 findings in one file', () => {
    const rules = ['CFG004', 'CFG010', 'CFG011', 'CFG012', 'CFG013'];
    const input = rules.flatMap((ruleId, r) =>
      Array.from({ length: 20 }, (_, i) => ({ ...finding(r * 20 + i + 1, 'warning'), ruleId })),
    );
    expect(capFindings(input)).toEqual(input);
  });

  it('caps one file at 100: 99 listed in order, then one finding at the 100th that counts the rest', () => {
    // CFG004 has 25 findings on lines 1-25 (19 listed, one counting 6 at line 20); five other rules have 20 each on
    // lines 101-200 (CFG010 on 101-120, CFG011 on 121-140, ...): 120 in the file.
    const rules = ['CFG010', 'CFG011', 'CFG012', 'CFG013', 'CFG014'];
    const input = [
      ...Array.from({ length: 25 }, (_, i) => finding(i + 1, 'warning')),
      ...rules.flatMap((ruleId, r) =>
        Array.from({ length: 20 }, (_, i) => ({
          ...finding(101 + r * 20 + i, r === 4 ? 'error' : 'warning'),
          ruleId,
        })),
      ),
    ];
    const out = capFindings(input);
    expect(out.map((f) => `${f.ruleId}:${f.line}`)).toEqual([
      ...Array.from({ length: 20 }, (_, i) => `CFG004:${i + 1}`),
      ...Array.from({ length: 79 }, (_, i) => `${rules[Math.floor(i / 20)]}:${101 + i}`),
      'CFG013:180',
    ]);
    expect(out.at(-1)).toMatchObject({
      severity: 'error',
      message: '21 more findings in this file, not listed one by one (the first is here).',
      fix: 'Remove it. The same applies to the 21 findings not listed; run the scan again after fixing.',
    });
  });

  it('counts what a producer counted but did not build (`more`), per rule and per file', () => {
    const one = Array.from({ length: 20 }, (_, i) => ({
      ...finding(i + 1, 'error'),
      ...(i === 19 ? { more: 4980 } : {}),
    }));
    const capped = capFindings(one);
    expect(capped.map((f) => f.line)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(capped.at(-1)!.message).toBe(
      '4981 more CFG004 findings in this file, not listed one by one (the first is here).',
    );
    // Six rules of 1,019 findings each (19 built, the 20th standing for 1,001): 114 + 6 entries, capped at 100
    // per file. The last counts the 21 entries left out and all that the six counting findings stand for.
    const six = ['CFG001', 'CFG002', 'CFG003', 'CFG004', 'CFG005', 'CFG006'].flatMap((ruleId) =>
      one.map((f) => ({ ...f, ruleId, ...(f.more === undefined ? {} : { more: 1000 }) })),
    );
    const file = capFindings(six);
    expect(file).toHaveLength(100);
    expect(file.at(-1)!.message).toBe(
      '6021 more findings in this file, not listed one by one (the first is here).',
    );
    expect(file.at(-1)!.line).toBe(17);
  });
});

/** The files this process holds open (Linux: where /proc/self/fd's links lead). */
function openFiles(): string[] {
  return readdirSync('/proc/self/fd').flatMap((fd) => {
    try {
      return [readlinkSync(`/proc/self/fd/${fd}`)];
    } catch {
      return [];
    }
  });
}

describe('isWithin', () => {
  it('takes the folder itself and names under it, `..x` included, and nothing beside or above it', () => {
    expect(isWithin('/a/b', '/a/b')).toBe(true);
    expect(isWithin('/a/b', '/a/b/c/d')).toBe(true);
    expect(isWithin('/a/b', '/a/b/..x')).toBe(true);
    expect(isWithin('/a/b', '/a/b/..')).toBe(false);
    expect(isWithin('/a/b', '/a')).toBe(false);
    expect(isWithin('/a/b', '/a/bc')).toBe(false);
    expect(isWithin('/a/b', '/a/c/b')).toBe(false);
  });
});

describe('readContainedFile: what it reads and what it refuses', () => {
  it('refuses a file that holds more than the cap even when its size says less', async () => {
    // A /proc file is a regular file whose size reads 0: only the read itself can tell it is too long.
    await expect(readContainedFile('/proc/self', '/proc/self/status', 'the root', 10)).rejects.toThrow(
      /^is larger than 10 bytes: refused$/,
    );
  });

  it('closes the file it read, and the one it refused', async () => {
    const root = tree({ 'a.yml': 'a', 'big.yml': 'x'.repeat(11) });
    expect(await readContainedFile(root, path.join(root, 'a.yml'), 'the root', 10)).toBe('a');
    await expect(readContainedFile(root, path.join(root, 'big.yml'), 'the root', 10)).rejects.toThrow(
      'is larger than 10 bytes: refused',
    );
    expect(openFiles().filter((file) => file.startsWith(realpathSync(root)))).toEqual([]);
  });

  it('reads a file of exactly the cap, and nothing else when the file is missing', async () => {
    const root = tree({ 'a.yml': '0123456789' });
    expect(await readContainedFile(root, path.join(root, 'a.yml'), 'the root', 10)).toBe('0123456789');
    expect(await readContainedFile(root, path.join(root, 'nope/a.yml'), 'the root', 10)).toBeUndefined();
  });

  it('refuses a socket it cannot open, naming the error', async () => {
    const root = tree({});
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(path.join(root, 'sock.yml'), resolve));
    try {
      await expect(readContainedFile(root, path.join(root, 'sock.yml'), 'the root', 10)).rejects.toThrow(
        /^cannot be read \(ENXIO\)$/,
      );
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('refuses a link out of the root met after a link that stays inside', async () => {
    const outside = tree({ 'settings.json': 'secret' });
    const root = tree({ 'real/keep.txt': '' });
    symlinkSync(outside, path.join(root, 'real/out'));
    symlinkSync(path.join(root, 'real'), path.join(root, 'in'));
    await expect(
      readContainedFile(root, path.join(root, 'in/out/settings.json'), 'the root', 100),
    ).rejects.toThrow('"in/out" is a link that leads outside the root: refused');
  });

  it('judges a name that starts with two dots as inside the root', async () => {
    const outside = tree({ 'settings.json': 'secret' });
    const root = tree({});
    symlinkSync(outside, path.join(root, '..x'));
    await expect(
      readContainedFile(root, path.join(root, '..x/settings.json'), 'the root', 100),
    ).rejects.toThrow('"..x" is a link that leads outside the root: refused');
    await expect(
      writeContainedFile(root, path.join(root, '..x/new.json'), '{}', 'the root', true),
    ).rejects.toThrow('"..x" is a link that leads outside the root: refused');
    expect(readdirSync(outside)).toEqual(['settings.json']);
  });

  it('opens the path it checked: `..` after a link out of the root does not lead outside', async () => {
    const outside = tree({ 'inner/keep.txt': '', 'x.txt': 'secret' });
    const root = tree({ 'x.txt': 'inside' });
    symlinkSync(path.join(outside, 'inner'), path.join(root, 'out'));
    expect(await readContainedFile(root, `${root}/out/../x.txt`, 'the root', 100)).toBe('inside');
  });

  it('reads a file outside the root that the caller named, and nothing under a file there', async () => {
    const outside = tree({ 'a.yml': 'outside' });
    const root = tree({});
    expect(await readContainedFile(root, path.join(outside, 'a.yml'), 'the root', 100)).toBe('outside');
    expect(await readContainedFile(root, path.join(outside, 'a.yml/b.yml'), 'the root', 100)).toBeUndefined();
  });
});

describe('writeContainedFile: what it replaces and what it refuses', () => {
  it('closes the file it wrote', async () => {
    const root = tree({});
    await writeContainedFile(root, path.join(root, 'a.json'), '{}', 'the root', false);
    expect(openFiles().filter((file) => file.startsWith(realpathSync(root)))).toEqual([]);
  });

  it('refuses to replace the root when the root is named through a link', async () => {
    const real = tree({ 'keep.txt': '' });
    const links = tree({});
    const root = path.join(links, 'root');
    symlinkSync(real, root);
    await expect(writeContainedFile(root, root, '{}', 'the root', false)).rejects.toThrow(
      /^exists and is not a regular file: refused$/,
    );
    expect(lstatSync(root).isSymbolicLink()).toBe(true);
    expect(readdirSync(links)).toEqual(['root']);
  });

  it('refuses to replace a folder, the root itself included', async () => {
    const root = tree({ 'sub/keep.txt': '' });
    for (const target of [path.join(root, 'sub'), root]) {
      await expect(writeContainedFile(root, target, '{}', 'the root', true)).rejects.toThrow(
        /^exists and is not a regular file: refused$/,
      );
    }
    expect(readdirSync(root)).toEqual(['sub']);
  });

  it('refuses a folder reached through a link that stays inside', async () => {
    const root = tree({ 'real/sub/keep.txt': '' });
    symlinkSync(path.join(root, 'real'), path.join(root, 'in'));
    await expect(writeContainedFile(root, path.join(root, 'in/sub'), '{}', 'the root', true)).rejects.toThrow(
      /^exists and is not a regular file: refused$/,
    );
  });

  it('replaces a file or a link outside the root that the caller named', async () => {
    const outside = tree({ 'a.json': 'old', 'target.txt': 'kept' });
    const root = tree({});
    symlinkSync(path.join(outside, 'target.txt'), path.join(outside, 'b.json'));
    await writeContainedFile(root, path.join(outside, 'a.json'), 'new a', 'the root', false);
    await writeContainedFile(root, path.join(outside, 'b.json'), 'new b', 'the root', false);
    expect(readFileSync(path.join(outside, 'a.json'), 'utf8')).toBe('new a');
    expect(lstatSync(path.join(outside, 'b.json')).isSymbolicLink()).toBe(false);
    expect(readFileSync(path.join(outside, 'b.json'), 'utf8')).toBe('new b');
    expect(readFileSync(path.join(outside, 'target.txt'), 'utf8')).toBe('kept');
    expect(readdirSync(outside).sort()).toEqual(['a.json', 'b.json', 'target.txt']);
  });

  it('writes the text as UTF-8', async () => {
    const root = tree({});
    await writeContainedFile(root, path.join(root, 'a/b.txt'), 'é ✓', 'the root', true);
    expect(readFileSync(path.join(root, 'a/b.txt'))).toEqual(Buffer.from('é ✓', 'utf8'));
    expect(readdirSync(path.join(root, 'a'))).toEqual(['b.txt']);
  });
});
