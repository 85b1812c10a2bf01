/**
 * The ambiguity review of articles (src/zh/ambiguity.ts): for each article and target locale,
 * every one-to-many character converted by OpenCC's single-character fallback, with its field and
 * context. Headline fields (title, summary) are marked: readers see them first, in lists and feeds.
 *
 * The build writes one JSON report per article to <TONGBAO_CACHE_DIR>/zh-review/<slug>.json
 * (node_modules/.cache/tongbao/zh-review/ by default) and prints a one-line summary;
 * `npm run zh:review -- <slug>` prints one article's report.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { env } from '../config/env.ts';
import { locales, localeOrder } from '../config/site.ts';
import type { Article } from '../model/article.ts';
import type { Locale } from '../model/locale.ts';
import { convertibleTexts } from '../pipeline/plugins/rehype-opencc.ts';
import { parseBody } from '../pipeline/processor.ts';
import { overrideFields, overridesFor } from '../zh/article-overrides.ts';
import { contextAt, directionOf, findAmbiguities, type Ambiguity } from '../zh/ambiguity.ts';
import { converter, OPENCC_VERSION } from '../zh/convert.ts';
import { spansOf, stripMarkup } from '../zh/overrides.ts';
import { scriptWarnings } from '../zh/script.ts';
import { nameIn } from './localize.ts';
import { cacheKey, projectRoot } from './render-cache.ts';

export interface ReviewItem extends Ambiguity {
  /** title, summary, tags[0], image.alt, image.caption, body. */
  field: string;
  /** True for the title and the summary. */
  headline: boolean;
}

export interface ReviewReport {
  slug: string;
  sourceLocale: Locale;
  opencc: string;
  targets: { locale: Locale; variant: string; items: ReviewItem[] }[];
  total: number;
  headline: number;
  /** The text against its declared sourceLocale (src/zh/script.ts). */
  scriptWarnings: string[];
}

const reviewDir = (): string => resolve(projectRoot, env.TONGBAO_CACHE_DIR, 'zh-review');

/** Pure: the review of one article. */
export function reviewArticle(article: Article): ReviewReport {
  // The same reader-facing fields the override check reads; the body as the texts conversion touches, not its source.
  const fields = overrideFields(article).filter(([field]) => field !== 'body');
  for (const { value } of convertibleTexts(parseBody(article.body))) fields.push(['body', value]);

  const from = locales[article.sourceLocale].opencc;
  // The text as the editor wrote it, without what overrides and names fix (they may be in the other script).
  const own = { sourceLocale: article.sourceLocale, targetLocale: article.sourceLocale };
  const written = fields.flatMap(([, text]) =>
    spansOf(text, { ...overridesFor(article, article.sourceLocale, nameIn, localeOrder), ...own })
      .filter((sp) => sp.convert)
      .map((sp) => sp.text),
  );
  const targets = localeOrder
    .filter((l) => l !== article.sourceLocale)
    .map((locale) => {
      const convert = converter(from, locales[locale].opencc);
      // Candidates in the target's own variant (裏 is written 裡 in Taiwan).
      const variant = article.sourceLocale === 'zh-Hans' ? converter('t', locales[locale].opencc) : (c: string) => c;
      const overrides = overridesFor(article, locale, nameIn, localeOrder);
      const items: ReviewItem[] = [];
      for (const [field, text] of fields) {
        // Context is taken from the whole text as written (without markup), not just the span.
        const stripped = stripMarkup(text, article.sourceLocale);
        const strippedChars = [...stripped];
        let cursor = 0;
        for (const span of spansOf(text, overrides)) {
          if (!span.convert) continue; // fixed by an override: the editor decided
          const pos = stripped.indexOf(span.text, cursor);
          if (pos >= 0) cursor = pos + span.text.length;
          const base = pos >= 0 ? [...stripped.slice(0, pos)].length : -1;
          for (const found of findAmbiguities(span.text, directionOf(article.sourceLocale), convert)) {
            const a = base >= 0 ? { ...found, context: contextAt(strippedChars, base + found.at), at: base + found.at } : found;
            const candidates = [...new Set(a.candidates.map(variant))];
            items.push({ field, headline: field === 'title' || field === 'summary', ...a, candidates });
          }
        }
      }
      return { locale, variant: locales[locale].opencc, items };
    });
  const all = targets.flatMap((t) => t.items);
  return {
    slug: article.slug,
    sourceLocale: article.sourceLocale,
    opencc: OPENCC_VERSION,
    targets,
    total: all.length,
    headline: all.filter((i) => i.headline).length,
    scriptWarnings: scriptWarnings(written.join('\n'), article.sourceLocale),
  };
}

/** Human-readable report. */
export function formatReport(report: ReviewReport): string {
  const lines = [
    `${report.slug} (written in ${report.sourceLocale}, opencc-js ${report.opencc}): ${report.total} ambiguous conversion(s), ${report.headline} in the title or summary`,
  ];
  for (const warning of report.scriptWarnings) lines.push(`WARNING: ${warning}`);
  for (const target of report.targets) {
    lines.push(`→ ${target.locale} (OpenCC ${target.variant})`);
    if (target.items.length === 0) lines.push('  (none)');
    for (const item of target.items) {
      const mark = item.headline ? ' [HEADLINE]' : '';
      const others = item.candidates.filter((c) => c !== item.choice).join(' ');
      lines.push(`  ${item.field}${mark}: ${item.char} → ${item.choice} (not ${others || '—'})  ${item.context}`);
    }
  }
  lines.push('Fix a wrong choice with -{zh-hans:…;zh-hant:…}- in the text, the article glossary or content/glossary.yaml.');
  return lines.join('\n');
}

/** Writes one article's report (render workers call it beside the body, so the build reviews in parallel). */
export function writeReviewReport(article: Article): ReviewReport {
  const dir = reviewDir();
  mkdirSync(dir, { recursive: true });
  const report = reviewArticle(article);
  // The render cache key says which version of the article (and of the conversion) it reviews.
  writeFileSync(join(dir, `${article.slug}.json`), JSON.stringify({ ...report, key: cacheKey(article) }, null, 2));
  return report;
}

/**
 * After the bodies are rendered: writes the reports still missing, removes those of articles gone,
 * and returns the build log lines: script warnings of the articles rendered now, then the summary.
 */
export function writeReviewReports(articles: readonly Article[], changed: readonly Article[]): string {
  const dir = reviewDir();
  mkdirSync(dir, { recursive: true });
  for (const article of articles) {
    const file = join(dir, `${article.slug}.json`);
    let key: string | undefined;
    try {
      key = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { key?: string }).key : undefined;
    } catch {
      key = undefined;
    }
    if (key !== cacheKey(article)) writeReviewReport(article);
  }
  const slugs = new Set(articles.map((a) => a.slug));
  const changedSlugs = new Set(changed.map((a) => a.slug));
  const warnings: string[] = [];
  let total = 0;
  let headline = 0;
  let withAny = 0;
  for (const name of readdirSync(dir)) {
    const slug = name.replace(/\.json$/, '');
    if (!slugs.has(slug)) {
      rmSync(join(dir, name), { force: true });
      continue;
    }
    let report: ReviewReport;
    try {
      report = JSON.parse(readFileSync(join(dir, name), 'utf8')) as ReviewReport;
    } catch {
      continue;
    }
    total += report.total;
    headline += report.headline;
    if (report.total) withAny++;
    if (changedSlugs.has(slug)) for (const w of report.scriptWarnings ?? []) warnings.push(`[tongbao] warning: article "${slug}": ${w}\n`);
  }
  return `${warnings.join('')}[tongbao] conversion review: ${total} ambiguous conversion(s) in ${withAny} of ${articles.length} article(s), ${headline} in titles or summaries; reports in ${dir.startsWith(projectRoot) ? dir.slice(projectRoot.length + 1) : dir}/ (npm run zh:review -- <slug>)`;
}
