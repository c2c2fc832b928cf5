// How analyseTree reads a call chain: the segments of a callee (optional calls, argument lists and
// parenthesised receivers dropped), the creating method at its end (`create`, C#'s `CreateAsync`), the
// receiver before the collection, and how a receiver is matched with the objects the file binds (`this.`,
// `self.`, `$this->`, `@` and `$` removed only at the start, white space removed). Each case asserts every site.
import { describe, expect, it } from 'vitest';
import { analyseTree } from '../src/parse/code/analyse.js';
import { type Grammar, parserFor } from '../src/parse/code/grammars.js';

async function analyse(grammar: Grammar, typed: boolean, text: string) {
  const parser = await parserFor(grammar);
  const tree = parser.parse(text)!;
  try {
    const result = analyseTree({ tree, text, typed, envReplaces: grammar === 'typescript' });
    return {
      usesApi: result.usesApi,
      sites: result.sites.map((s) => {
        const line = text.slice(0, s.offset).split('\n').length;
        const at = text.slice(s.offset, s.offset + s.length);
        return s.detail === undefined ? [s.kind, line, at, s.what] : [s.kind, line, at, s.what, s.detail];
      }),
    };
  } finally {
    tree.delete();
    parser.delete();
  }
}

const TS = "import Anthropic from '@anthropic-ai/sdk';\n";

describe('the segments and the method of a call chain', () => {
  it.each([
    {
      name: 'an optional call (`upload?.(…)`) is the call of its method',
      grammar: 'typescript' as Grammar,
      typed: false,
      text: `${TS}await client.beta.files.upload?.({ file });\n`,
      sites: [['files', 2, 'client.beta.files.upload?.({ file })', 'client.beta.files.upload?.']],
    },
    {
      name: 'a call of a parenthesised function or an immediately invoked one has no segments, and no site',
      grammar: 'typescript' as Grammar,
      typed: false,
      text: `${TS}(handler)();\n(() => 1)();\nawait client.messages.batches.create({ requests });\n`,
      sites: [
        ['batches', 4, 'client.messages.batches.create({ requests })', 'client.messages.batches.create'],
      ],
    },
    {
      name: 'only a trailing Async is dropped from the method: asyncCreate creates nothing',
      grammar: 'typescript' as Grammar,
      typed: false,
      text: `${TS}await client.messages.batches.asyncCreate({ requests });\n`,
      sites: [],
    },
    {
      name: "C#'s CreateAsync is create",
      grammar: 'c_sharp' as Grammar,
      typed: true,
      text: 'using Anthropic;\nvar batch = await client.Messages.Batches.CreateAsync(parameters);\n',
      sites: [
        [
          'batches',
          2,
          'client.Messages.Batches.CreateAsync(parameters)',
          'client.Messages.Batches.CreateAsync',
        ],
      ],
    },
  ])('$name', async ({ grammar, typed, text, sites }) => {
    expect(await analyse(grammar, typed, text)).toEqual({ usesApi: true, sites });
  });
});

describe('the receiver of a call chain and the objects the file binds', () => {
  it.each([
    {
      name: 'a transparent segment (with_options) before the last name of the receiver is left out of it',
      grammar: 'python' as Grammar,
      text: 'import anthropic\nsvc.bucket = Storage()\nsvc.with_options(timeout=5).bucket.files.create(file=f)\nsvc.with_options(timeout=5).other.files.create(file=f)\n',
      sites: [
        [
          'files',
          4,
          'svc.with_options(timeout=5).other.files.create(file=f)',
          'svc.with_options(timeout=5).other.files.create',
        ],
      ],
    },
    {
      name: 'white space inside the bound name (a member on the next line) is removed',
      grammar: 'typescript' as Grammar,
      text: `${TS}this\n  .store = new Storage();\nawait this.store.files.create({ file });\nawait this.other.files.create({ file });\n`,
      sites: [['files', 5, 'this.other.files.create({ file })', 'this.other.files.create']],
    },
    {
      name: 'self. is removed only at the start: myself.store ends in the bound store, myself.other does not',
      grammar: 'python' as Grammar,
      text: 'import anthropic\nstore = Storage()\nself.store.files.create(file=f)\nmyself.store.files.create(file=f)\nmyself.other.files.create(file=f)\n',
      sites: [['files', 5, 'myself.other.files.create(file=f)', 'myself.other.files.create']],
    },
    {
      name: "@ is removed only at the start: Kotlin's this@Svc is not a variable thisSvc",
      grammar: 'kotlin' as Grammar,
      text: 'import com.anthropic.client.AnthropicClient\nval thisSvc = Storage()\nfun f() {\n  thisSvc.files.create(params)\n  this@Svc.files.create(params)\n}\n',
      sites: [['files', 5, 'this@Svc.files.create(params)', 'this@Svc.files.create']],
    },
    {
      name: '$ is removed only at the start: vm.$store is not store',
      grammar: 'typescript' as Grammar,
      text: `${TS}const store = new Storage();\nawait store.files.create({ file });\nawait vm.$store.files.create({ file });\n`,
      sites: [['files', 4, 'vm.$store.files.create({ file })', 'vm.$store.files.create']],
    },
    {
      name: "PHP's $s3 is the object bound to $this->s3",
      grammar: 'php' as Grammar,
      text: '<?php\nuse Anthropic\\Client;\n$this->s3 = new S3Client();\n$s3 = $this->s3;\n$s3->files->create($params);\n$other->files->create($params);\n',
      sites: [['files', 6, '$other->files->create($params)', '$other->files->create']],
    },
  ])('$name', async ({ grammar, text, sites }) => {
    expect(await analyse(grammar, grammar !== 'python' && grammar !== 'typescript', text)).toEqual({
      usesApi: true,
      sites,
    });
  });
});

describe('allowed_callers of code execution in an object with entries of other kinds', () => {
  it('a spread or a shorthand property beside allowed_callers is no tool type', async () => {
    const text = `${TS}const tool = { ...base, name, allowed_callers: ['code_execution_20250825'] };\n`;
    expect(await analyse('typescript', false, text)).toEqual({
      usesApi: true,
      sites: [
        [
          'code-execution',
          2,
          "allowed_callers: ['code_execution_20250825']",
          "allowed_callers: ['code_execution_20250825']",
        ],
      ],
    });
  });
});
