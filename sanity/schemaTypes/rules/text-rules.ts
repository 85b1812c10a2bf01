/**
 * Validation that speaks to editors, from the build's own rules (src/model, src/zh/editor-checks.ts):
 * - errors (the document cannot be published): mojibake, pinyin annotations, control characters;
 * - warnings: an ambiguous character in the headline or summary (the character, OpenCC's choice, how to fix
 *   it), characters of the other script, Traditional text converted from Simplified character by character.
 * Checked in every locale the site publishes, in its forms (sanity/components/site-locales.ts: zh-Hant in Taiwan
 * forms by default, zh-Hant-HK in Hong Kong forms when the site publishes it), as the conversion pane shows them.
 */
import type { ValidationContext } from 'sanity';
import type { Locale } from '../../../src/model/locale.ts';
import { ambiguityWarnings, scriptCheck, textErrors, type Target } from '../../../src/zh/editor-checks.ts';
import type { GlossaryEntry } from '../../../src/zh/overrides.ts';
import { PUBLISHED_LOCALES, STUDIO_LOCALES } from '../../components/site-locales.ts';
import { studioTables } from './opencc-tables.ts';

const TARGETS: readonly Target[] = PUBLISHED_LOCALES.map((locale) => ({ locale, variant: STUDIO_LOCALES[locale].opencc }));

export interface ArticleDoc {
  sourceLocale?: string;
  glossary?: { zhHans?: string; zhHant?: string }[];
}

const sourceOf = (context: ValidationContext): Locale =>
  (context.document as ArticleDoc | undefined)?.sourceLocale === 'zh-Hant' ? 'zh-Hant' : 'zh-Hans';

/** The article's glossary as the conversion reads it (src/sources/sanity/to-article.ts): keyed by the source script's form. */
export function articleGlossaryOf(doc: ArticleDoc | undefined, sourceLocale: Locale): GlossaryEntry[] {
  const key = sourceLocale === 'zh-Hant' ? 'zhHant' : 'zhHans';
  return (doc?.glossary ?? [])
    .filter((e) => e?.[key])
    .map((e) => ({ term: e[key]!, forms: { ...(e.zhHans ? { 'zh-Hans': e.zhHans } : {}), ...(e.zhHant ? { 'zh-Hant': e.zhHant } : {}) } }));
}

const glossaryOf = (context: ValidationContext, sourceLocale: Locale) => articleGlossaryOf(context.document as ArticleDoc | undefined, sourceLocale);

const result = (messages: string[]) => (messages.length ? messages.join(' · ') : true);

/** Errors for a text field: what the build refuses and what never belongs in a published text. */
export const textErrorsOf = (value: unknown, multiline = false) => result(typeof value === 'string' ? textErrors(value, multiline) : []);

/** Script warnings for a text (the other script's characters; a character-by-character conversion). */
export function scriptWarningsOf(text: string, context: ValidationContext) {
  if (!text) return true;
  const sourceLocale = sourceOf(context);
  return result(scriptCheck(studioTables, text, sourceLocale, glossaryOf(context, sourceLocale)));
}

/** Ambiguity warnings for a headline or summary. */
export function ambiguityWarningsOf(value: unknown, context: ValidationContext) {
  if (typeof value !== 'string' || !value) return true;
  const sourceLocale = sourceOf(context);
  return result(ambiguityWarnings(studioTables, value, { sourceLocale, targets: TARGETS, glossary: glossaryOf(context, sourceLocale) }));
}

interface Block {
  _type?: string;
  children?: { text?: string }[];
  alt?: string;
  caption?: string;
}

/** The texts of a body (Portable Text): each block's spans, image alt texts and captions, with a label for editors. */
export function bodyTexts(value: unknown): { label: string; text: string }[] {
  if (!Array.isArray(value)) return [];
  return (value as Block[]).flatMap((block, i) => {
    if (block?._type === 'block') return [{ label: `block ${i + 1}`, text: (block.children ?? []).map((c) => c?.text ?? '').join('') }];
    return [
      ...(block?.alt ? [{ label: `image ${i + 1}, alternative text`, text: block.alt }] : []),
      ...(block?.caption ? [{ label: `image ${i + 1}, caption`, text: block.caption }] : []),
    ];
  });
}

/** Errors for the body's text blocks, each naming its block (images' alt texts and captions have their own rules). */
export function bodyErrorsOf(value: unknown) {
  return result(
    bodyTexts(value)
      .filter(({ label }) => label.startsWith('block'))
      .flatMap(({ label, text }) => textErrors(text).map((m) => `${label}: ${m}`)),
  );
}

/** Script warnings for the whole body. */
export const bodyScriptWarningsOf = (value: unknown, context: ValidationContext) =>
  scriptWarningsOf(
    bodyTexts(value)
      .map((t) => t.text)
      .join('\n'),
    context,
  );
