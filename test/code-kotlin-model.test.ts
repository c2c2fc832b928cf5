// A covered model named in a Kotlin builder call, as the Java SDK's builders are written from Kotlin.
import { expect, it } from 'vitest';
import { analyseTree } from '../src/parse/code/analyse.js';
import { parserFor } from '../src/parse/code/grammars.js';

it('reports a covered model given to .model(…) in Kotlin, as in Java', async () => {
  const text = [
    'import com.anthropic.client.okhttp.AnthropicOkHttpClient',
    'val params = MessageCreateParams.builder()',
    '    .model("claude-fable-5")',
    '    .maxTokens(1024)',
    '    .build()',
    '',
  ].join('\n');
  const parser = await parserFor('kotlin');
  const tree = parser.parse(text)!;
  try {
    const result = analyseTree({ tree, text, typed: true, envReplaces: false });
    expect(result.sites.map((s) => [s.kind, text.slice(0, s.offset).split('\n').length, s.what])).toEqual([
      ['covered-model', 3, 'MessageCreateParams.builder() .model("claude-fable-5")'],
    ]);
  } finally {
    tree.delete();
    parser.delete();
  }
});
