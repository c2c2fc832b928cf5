// The parsers expect the yaml package loaded (src/parse/yaml.ts): scan, loadConfig and init load it before they
// parse; tests that call a parser directly get it here. test/action-dist.test.ts checks the real order, in the
// bundle and a process of its own.
import { loadYaml } from '../../src/parse/yaml.js';

await loadYaml();
