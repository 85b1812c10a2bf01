/**
 * What the conversion pane shows for an article document, in every published locale but the one it is written in:
 * the headline, summary, lead image texts and body as the site renders them (src/pipeline: sanitize → OpenCC with
 * the article's overrides, the site glossary and the protected names → typography → disclaimers), with every
 * character OpenCC converted by its single-character fallback marked (src/pipeline/ambiguity-marks.ts), and the
 * script warnings of the validation (src/zh/editor-checks.ts). Pure: the pane (ConversionPane.tsx) passes in what
 * it fetched (the site glossary, the authors' names, the category's risk flag) and how to show a body image.
 */
import { SITE_TEXTS } from '../../src/config/site-texts.ts';
import { ORIGINS, type Origin } from '../../src/model/article.ts';
import type { Locale, LocaleInfo } from './site-locales.ts';
import { markingConverter, renderMarked, type MarkedChoice } from '../../src/pipeline/ambiguity-marks.ts';
import { bodyOptionsFor } from '../../src/pipeline/locale-render.ts';
import { parseBody } from '../../src/pipeline/processor.ts';
import type { PortableTextBody } from '../../src/pipeline/portable-text.ts';
import { nameInLocale, protectedNames } from '../../src/zh/article-names.ts';
import { converter } from '../../src/zh/converter.ts';
import { scriptCheck } from '../../src/zh/editor-checks.ts';
import { fillHongKong, type Written } from '../../src/zh/locale-text.ts';
import type { GlossaryEntry } from '../../src/zh/overrides.ts';
import type { Quotes } from '../../src/zh/typography.ts';
import { articleGlossaryOf, bodyTexts } from '../schemaTypes/rules/text-rules.ts';
import { studioTables } from '../schemaTypes/rules/opencc-tables.ts';

/** The fields of an article document the pane reads (sanity/schemaTypes/documents/article.ts). */
export interface ArticleDocument {
  title?: string;
  summary?: string;
  slug?: { current?: string };
  body?: { _type?: string; _key?: string; [field: string]: unknown }[];
  mainImage?: { alt?: string; caption?: string };
  sourceLocale?: string;
  glossary?: { zhHans?: string; zhHant?: string }[];
  origin?: string;
  riskNotice?: boolean;
  source?: { name?: string; url?: string; author?: string };
}

/** An author as the lake gives it (src/sources/sanity/queries.ts projects `names` the same way). */
export interface AuthorName {
  name: string;
  nameLocale: 'zh-Hans' | 'zh-Hant';
  names?: Partial<Record<Locale, string>>;
}

export interface PaneContext {
  /** The published locales, in order, and how each maps to OpenCC. */
  published: readonly Locale[];
  locales: Record<Locale, LocaleInfo>;
  authors: readonly AuthorName[];
  categoryRisk: boolean;
  /** The site glossary as the build reads it (the published document siteGlossary: src/sources/sanity/to-glossary.ts). */
  siteGlossary: readonly GlossaryEntry[];
  /** The address of a body image block (its asset through the image API), if it has one. */
  imageSrc: (block: Record<string, unknown>) => string | undefined;
  /** The article's address in a locale, for the attribution notice of an original article. */
  canonicalUrl: (locale: Locale, slug: string) => string;
}

export interface LocaleView {
  locale: Locale;
  label: string;
  /** Texts with the fallback's choices marked (src/pipeline/ambiguity-marks.ts `markedPieces` reads them). */
  title: string;
  summary: string;
  imageAlt?: string | undefined;
  imageCaption?: string | undefined;
  /** The body with its disclaimers, sanitized by the pipeline, with `<mark>` around the fallback's choices. */
  bodyHtml: string;
  /** The marked characters, by the index their markers hold. */
  choices: MarkedChoice[];
  /** Why the body could not be rendered (the build would refuse it for the same reason). */
  problem?: string | undefined;
}

export interface PaneModel {
  sourceLocale: Locale;
  views: LocaleView[];
  /** The validation's script warnings over every text of the article. */
  warnings: string[];
}

const toHongKong = converter('tw', 'hk');
const inLocale = <T>(texts: Written<T>, locale: Locale): T => fillHongKong(texts, toHongKong)[locale];
/** Hong Kong uses 「」 like Taiwan (src/config/site.ts): zh-Hant's marks unless zh-Hant-HK has its own. */
const quotesIn = (locale: Locale): Quotes => {
  const quotes: Partial<Record<Locale, Quotes>> = SITE_TEXTS.typography.quotes;
  return quotes[locale] ?? SITE_TEXTS.typography.quotes['zh-Hant'];
};

/** The body blocks as the source resolves them (src/sources/sanity/to-article.ts): an image block with its address. */
function resolvedBody(doc: ArticleDocument, context: PaneContext): PortableTextBody {
  return (doc.body ?? []).map((block) => {
    if (block._type !== 'image') return { ...block, _type: String(block._type), _key: String(block._key) };
    const { asset: _asset, ...fields } = block as Record<string, unknown>;
    return { ...fields, _type: 'image', _key: String(block._key), src: context.imageSrc(block) ?? '', alt: String(block.alt ?? '') };
  });
}

export function conversionModel(doc: ArticleDocument, context: PaneContext): PaneModel {
  const sourceLocale: Locale = doc.sourceLocale === 'zh-Hant' ? 'zh-Hant' : 'zh-Hans';
  const glossary = articleGlossaryOf(doc, sourceLocale);
  const source = doc.source?.name && doc.source.url ? { name: doc.source.name, url: doc.source.url, author: doc.source.author } : undefined;
  const nameIn = (author: AuthorName, locale: Locale) => nameInLocale(author, locale, context.locales);
  const names = protectedNames({ authors: context.authors, source }, nameIn, context.published);
  const texts = [
    doc.title ?? '',
    doc.summary ?? '',
    doc.mainImage?.alt ?? '',
    doc.mainImage?.caption ?? '',
    ...bodyTexts(doc.body).map((t) => t.text),
  ];
  const warnings = scriptCheck(studioTables, texts.filter(Boolean).join('\n'), sourceLocale, glossary);

  let tree: ReturnType<typeof parseBody> | undefined;
  let bodyProblem: string | undefined;
  try {
    tree = parseBody(resolvedBody(doc, context));
  } catch (error) {
    bodyProblem = (error as Error).message;
  }
  const origin: Origin = ORIGINS.find((o) => o === doc.origin) ?? 'original';
  const views = context.published
    .filter((locale) => locale !== sourceLocale)
    .map((locale): LocaleView => {
      const choices: MarkedChoice[] = [];
      const variant = context.locales[locale].opencc;
      const convert = markingConverter(
        {
          tables: studioTables,
          plain: converter(context.locales[sourceLocale].opencc, variant),
          overrides: { sourceLocale, targetLocale: locale, article: glossary, site: context.siteGlossary, names },
          quotes: quotesIn(locale),
          // Candidates in the locale's own variant (裏 is written 裡 in Taiwan), as the validation names them.
          variant: sourceLocale === 'zh-Hans' ? converter('t', variant) : (c) => c,
        },
        choices,
      );
      let problem: string | undefined;
      /** Bad override markup stops the build (src/zh/article-overrides.ts): the pane says why and shows the text as written. */
      const attempt = <T>(run: () => T, otherwise: T): T => {
        try {
          return run();
        } catch (error) {
          problem ??= (error as Error).message;
          return otherwise;
        }
      };
      const text = (value: string | undefined) => (value ? attempt(() => convert(value), value) : '');
      const title = text(doc.title);
      const summary = text(doc.summary);
      const imageAlt = doc.mainImage?.alt ? text(doc.mainImage.alt) : undefined;
      const imageCaption = doc.mainImage?.caption ? text(doc.mainImage.caption) : undefined;
      const options = bodyOptionsFor(
        convert,
        {
          origin,
          riskNotice: doc.riskNotice === true,
          categoryRisk: context.categoryRisk,
          authors: context.authors.map((a) => nameIn(a, locale)),
          source,
          canonicalUrl: context.canonicalUrl(locale, doc.slug?.current ?? ''),
        },
        {
          reprint: inLocale(SITE_TEXTS.disclaimers.reprint, locale),
          reprintSourceLabel: inLocale(SITE_TEXTS.disclaimers.reprintSourceLabel, locale),
          original: inLocale(SITE_TEXTS.disclaimers.original, locale),
          marketRisk: inLocale(SITE_TEXTS.disclaimers.marketRisk, locale),
          heading: inLocale(SITE_TEXTS.disclaimers.heading, locale),
        },
      );
      const bodyHtml = tree ? attempt(() => renderMarked(tree, options, choices), '') : '';
      return {
        locale,
        label: context.locales[locale].label,
        title,
        summary,
        imageAlt,
        imageCaption,
        bodyHtml,
        choices,
        problem: problem ?? bodyProblem,
      };
    });
  return { sourceLocale, views, warnings };
}
