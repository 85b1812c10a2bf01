/**
 * Which disclaimers an article carries, and their text in one locale. Pure; the texts come from
 * the site configuration, never from article bodies.
 */
import type { Origin } from '../model/article.ts';

export interface DisclaimerTexts {
  reprint: string;
  reprintSourceLabel: string;
  /** With `{author}` and `{url}` placeholders. */
  original: string;
  marketRisk: string;
}

export type Disclaimer =
  | { kind: 'reprint'; text: string; sourceLabel: string; source: { name: string; url: string } }
  | { kind: 'original'; before: string; url: string; after: string }
  | { kind: 'market-risk'; text: string };

export interface DisclaimerInput {
  origin: Origin;
  riskNotice: boolean;
  /** True when the article's category is flagged for the market-risk notice. */
  categoryRisk: boolean;
  /** Author names already in the target locale. */
  authors: readonly string[];
  /** Source name already in the target locale. */
  source?: { name: string; url: string } | undefined;
  /** Absolute canonical URL of the article in the target locale. */
  canonicalUrl: string;
}

/** Joins names the Chinese way: 甲、乙. */
const joinNames = (names: readonly string[]) => names.join('、');

export function disclaimersFor(input: DisclaimerInput, texts: DisclaimerTexts): Disclaimer[] {
  const out: Disclaimer[] = [];
  if (input.origin === 'reprint') {
    if (!input.source) throw new Error('[tongbao] a reprint has no source; the model should have rejected it');
    out.push({ kind: 'reprint', text: texts.reprint, sourceLabel: texts.reprintSourceLabel, source: input.source });
  }
  if (input.origin === 'original') {
    const filled = texts.original.replace('{author}', joinNames(input.authors));
    const [before = '', after = ''] = filled.split('{url}');
    out.push({ kind: 'original', before, url: input.canonicalUrl, after });
  }
  if (input.riskNotice || input.categoryRisk) {
    out.push({ kind: 'market-risk', text: texts.marketRisk });
  }
  return out;
}
