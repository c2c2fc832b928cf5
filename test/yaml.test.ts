// The lazily loaded yaml package (src/parse/yaml.ts). test/setup/load-yaml.ts loads the shared instance before every
// test file, so these tests import a module instance of their own, which starts with nothing loaded.
import { describe, expect, it } from 'vitest';

type YamlModule = typeof import('../src/parse/yaml.js');

// A query string makes Vite evaluate the module again, apart from the instance the rest of the suite shares.
const fresh = async (): Promise<YamlModule> =>
  (await import(/* @vite-ignore */ `../src/parse/yaml.js?instance=${Math.random()}&lang.ts`)) as YamlModule;

describe('yaml: loading on first need', () => {
  it('refuses to hand out the package before loadYaml() has run', async () => {
    const module = await fresh();
    expect(() => module.yaml()).toThrow(new Error('internal error: YAML parsed before loadYaml()'));
  });

  it('loads the package once and hands out that instance', async () => {
    const module = await fresh();
    const loaded = await module.loadYaml();
    expect(loaded.parse('a: 1')).toEqual({ a: 1 });
    expect(module.yaml()).toBe(loaded);
    expect(await module.loadYaml()).toBe(loaded);
  });
});
