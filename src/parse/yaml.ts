// The `yaml` package, loaded on first need: only workflows, the config file and `init` use it, and evaluating it
// costs every start about 13 ms on Node 20, though most trees have neither workflows nor a config file. The
// parsers stay synchronous: whoever is about to parse YAML awaits loadYaml() first (scan.ts when discovery found
// a workflow, config.ts before the config file, init before its edit).
import type * as Yaml from 'yaml';

let loaded: typeof Yaml | undefined;

export async function loadYaml(): Promise<typeof Yaml> {
  return (loaded ??= await import('yaml'));
}

/** The loaded package; a call before loadYaml() has resolved is a bug. */
export function yaml(): typeof Yaml {
  if (loaded === undefined) throw new Error('internal error: YAML parsed before loadYaml()');
  return loaded;
}
