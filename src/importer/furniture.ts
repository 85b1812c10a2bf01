/**
 * Step 3: page furniture lifted into fields and removed from the body: the title line, a truncated lead
 * that repeats the start of the first paragraph, an image caption repeating the title, the site's
 * disclaimers, the attribution line (原創文章,作者:…,如若轉載,請注明出處:URL), the byline/team line,
 * and 相關推薦 with everything after it. Pure; throws ImportError when no title is found.
 */
import { ImportError } from './errors.ts';
import { type Change } from './types.ts';

export interface Furniture {
  title: string;
  caption?: string;
  author?: string;
  sourceUrl?: string;
  disclaimers: string[];
}

const ATTRIBUTION = /^(?:原創文章|原创文章|本文來源|本文来源)[,，]\s*作者[:：]\s*([^,，]+?)\s*[,，].*?(?:出處|出处)[:：]\s*(https?:\/\/\S+)\s*$/u;
const DISCLAIMER = /侵權|侵权|僅供參考|仅供参考|投資依據|投资依据|免責|免责|風險|风险/u;
const RELATED = /^(?:相關推薦|相关推荐|相關閱讀|相关阅读|延伸閱讀|延伸阅读)\s*$/u;
const TERMINAL = /[。！？!?.」”]$/u;

export function liftFurniture(text: string): { body: string; fields: Furniture; changes: Change[] } {
  const paragraphs: { text: string; at: number }[] = [];
  for (const m of text.matchAll(/[^\n]+(?:\n(?!\s*\n)[^\n]+)*/gu)) if (m[0].trim()) paragraphs.push({ text: m[0].trim(), at: m.index });
  const changes: Change[] = [];
  const line = (at: number) => text.slice(0, at).split('\n').length;
  const drop = (p: { text: string; at: number }, note: string) =>
    changes.push({ kind: 'furniture', at: p.at, line: line(p.at), from: p.text, to: '', note });

  const first = paragraphs[0];
  if (!first || first.text.includes('\n') || first.text.length > 120 || TERMINAL.test(first.text)) {
    throw new ImportError('no title found: the first line must be the headline (one line, at most 120 characters, no closing punctuation)', 'title');
  }
  const fields: Furniture = { title: first.text, disclaimers: [] };
  drop(first, 'title');
  const kept: typeof paragraphs = [];
  const rest = paragraphs.slice(1);
  for (let i = 0; i < rest.length; i++) {
    const p = rest[i]!;
    if (RELATED.test(p.text)) {
      for (const q of rest.slice(i)) drop(q, q === p ? 'related links heading' : 'related links');
      break;
    }
    const attribution = ATTRIBUTION.exec(p.text);
    if (attribution) {
      fields.author = attribution[1]!;
      fields.sourceUrl = attribution[2]!;
      drop(p, 'attribution → source.author, source.url');
      continue;
    }
    if (/^[(（].*[)）]$/su.test(p.text) && DISCLAIMER.test(p.text)) {
      fields.disclaimers.push(p.text);
      drop(p, 'site disclaimer (Tongbao adds its own)');
      continue;
    }
    if (p.text === fields.title) {
      fields.caption = p.text;
      drop(p, 'image caption repeating the title → caption');
      continue;
    }
    if (rest.slice(i + 1).some((q) => q.text.length > p.text.length && q.text.startsWith(p.text))) {
      drop(p, 'truncated lead repeating the first paragraph');
      continue;
    }
    kept.push(p);
  }
  // The byline/team line: short, starts with the author's name, no sentence in it.
  const author = fields.author;
  const body = kept.filter((p) => {
    if (author && p.text.startsWith(author) && p.text.length <= 40 && !TERMINAL.test(p.text) && !/[,，。]/u.test(p.text)) {
      drop(p, 'byline');
      return false;
    }
    return true;
  });
  changes.sort((a, b) => a.at - b.at);
  return { body: body.map((p) => p.text).join('\n\n') + '\n', fields, changes };
}
