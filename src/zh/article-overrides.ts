/**
 * The overrides of one article in one locale: its inline markup, its glossary, the site glossary
 * and its proper names (authors, source, source author), in that order of precedence.
 *
 * The site glossary reaches an article through its source: `withSiteGlossary` keeps on the article the
 * entries that can apply to it (the sources call it with the glossary they read), so the render cache's key
 * (a digest of the article) changes exactly when an entry that matters to it does.
 */
import type { Article } from '../model/article.ts';
import type { Locale } from '../model/locale.ts';
import { articleGlossaryEntries, entriesIn } from './glossary-core.ts';
import { protectedNames } from './article-names.ts';
import { OverrideError, spansOf, type GlossaryEntry, type Overrides } from './overrides.ts';

export function overridesFor(
  article: Article,
  locale: Locale,
  nameIn: (author: Article['authors'][number], locale: Locale) => string,
  locales: readonly Locale[],
): Overrides {
  return {
    sourceLocale: article.sourceLocale,
    targetLocale: locale,
    article: articleGlossaryEntries(article.glossary),
    site: article.siteGlossary,
    names: protectedNames(article, nameIn, locales),
  };
}

/** The reader-facing text fields of an article that may hold inline overrides. */
export function overrideFields(article: Article): [field: string, text: string][] {
  const fields: [string, string][] = [
    ['title', article.title],
    ['summary', article.summary],
    ...article.tags.map((t, i): [string, string] => [`tags[${i}]`, t]),
    // Corrections are converted like the text: the same overrides, the same review.
    ...article.corrections.map((c, i): [string, string] => [`corrections[${i}].text`, c.text]),
  ];
  if (article.image) {
    fields.push(['image.alt', article.image.alt]);
    if (article.image.caption) fields.push(['image.caption', article.image.caption]);
  }
  if (typeof article.body === 'string') fields.push(['body', article.body]);
  else fields.push(['body', JSON.stringify(article.body)]);
  return fields;
}

/** A character reference (`&#x4e91;`, `&amp;`): a Markdown body may spell a term with one, which a substring test does not see. */
const CHARACTER_REFERENCE = /&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);?/i;

/**
 * The article with the entries of the site glossary that can apply to any text it converts (its fields and its
 * source's names); every entry when its Markdown body holds a character reference.
 */
export function withSiteGlossary(article: Article, glossary: readonly GlossaryEntry[]): Article {
  const texts = overrideFields(article).map(([, text]) => text);
  if (article.source) texts.push(article.source.name, article.source.author ?? '');
  const references = typeof article.body === 'string' && CHARACTER_REFERENCE.test(article.body);
  const siteGlossary = references ? [...glossary] : entriesIn(glossary, texts, article.sourceLocale);
  return siteGlossary.length ? { ...article, siteGlossary } : article;
}

/** Throws a clear error naming the article and the field when an inline override is malformed. */
export function checkOverrides(article: Article, where: string): void {
  const problems: string[] = [];
  for (const [field, text] of overrideFields(article)) {
    try {
      spansOf(text, { sourceLocale: article.sourceLocale, targetLocale: article.sourceLocale });
    } catch (error) {
      if (!(error instanceof OverrideError)) throw error;
      problems.push(`  - ${field}: ${error.message}`);
    }
    // eslint-disable-next-line no-control-regex -- [^\u0000] is "any character", newlines included
    const open = text.replace(/-\{[^\u0000]*?\}-/g, '');
    if (open.includes('-{')) problems.push(`  - ${field}: "-{" without its closing "}-"`);
  }
  if (problems.length)
    throw new OverrideError(`[tongbao] ${where}: invalid conversion override\n${problems.join('\n')}\n  Fix ${where} and build again.`);
}
