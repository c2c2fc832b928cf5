// The config file's JSON Schema: generated from the zod schema that checks the file (npm run build writes it),
// committed for editors, and fresh: this test and .ci/run fail when the committed copy differs from a build.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_SCHEMA_FILE, configJsonSchema, configSchema, configSchemaUrl } from '../src/policy/config.js';
import { RULES } from '../src/rules/index.js';
import { TOOL_VERSION } from '../src/version.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const FILE = path.join(ROOT, CONFIG_SCHEMA_FILE);

type Schema = {
  $id: string;
  additionalProperties: boolean;
  properties: Record<string, Record<string, unknown>>;
};

describe('the config JSON Schema', () => {
  const generated = `${JSON.stringify(configJsonSchema(TOOL_VERSION), null, 2)}\n`;
  if (process.env.UPDATE_SCHEMA === '1') writeFileSync(FILE, generated);

  it('is committed as npm run build generates it', () => {
    expect(readFileSync(FILE, 'utf8')).toBe(generated);
  });

  it('has every key of the config file, each described, and no other', () => {
    const schema = JSON.parse(generated) as Schema;
    expect(Object.keys(schema.properties)).toEqual(Object.keys(configSchema.shape));
    for (const [key, property] of Object.entries(schema.properties))
      expect(typeof property.description, key).toBe('string');
    expect(schema.additionalProperties).toBe(false);
    expect(schema.$id).toBe(configSchemaUrl(TOOL_VERSION));
  });

  it('offers the allowed words for completion', () => {
    const { properties } = JSON.parse(generated) as Schema;
    expect(properties['fail-on']!.enum).toEqual(['error', 'warning', 'notice', 'never']);
    expect(properties.policy!.anyOf).toEqual([
      { type: 'array', items: { enum: ['nonessential-traffic', 'zdr', 'hygiene'] } },
      { type: 'string' },
    ]);
    expect(properties.rules!.propertyNames).toEqual({ enum: RULES.map((r) => r.id) });
    const entry = (properties.ignore!.items as { properties: Record<string, unknown>; required: string[] })
      .properties;
    expect(entry.rule).toEqual({ enum: RULES.map((r) => r.id) });
    expect((properties.ignore!.items as { required: string[] }).required).toEqual(['rule', 'path', 'reason']);
  });
});

describe('the yaml-language-server line in the docs', () => {
  it.each(['README.md', 'docs/configuration.md'])('%s shows the line init writes', (file) => {
    const text = readFileSync(path.join(ROOT, file), 'utf8');
    expect(text).toContain(`# yaml-language-server: $schema=${configSchemaUrl(TOOL_VERSION)}\n`);
  });
});
