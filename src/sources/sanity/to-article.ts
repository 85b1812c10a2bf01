/**
 * A projected Sanity article (queries.ts) → the Article model. Pure: the document and the image
 * settings in, an Article out, or an ArticleError naming the document `_id` and each bad field.
 */
import { createImageUrlBuilder } from '@sanity/image-url';
import { z } from 'zod';
import { ArticleError, ArticleSchema, parseArticle, type Article } from '../../model/article.ts';
import { fieldIssues, type FieldIssue } from '../../model/issues.ts';
import { describeMojibake, findMojibake } from '../../model/mojibake.ts';
import { forbiddenCharacterIssues } from '../../model/text-rules.ts';
import { cropSize, LD_CROPS } from '../../lib/seo.ts';
import { checkPortableText, type PortableTextBody } from '../../pipeline/portable-text.ts';
import { describeLostText, lostTextPortableText } from '../../pipeline/sanitize-report.ts';
import type { ARTICLES_QUERY_RESULT } from './sanity.types.ts';

/** One article as ARTICLES_QUERY asks for it (Sanity TypeGen): what the loader hands over. */
export type SanityArticle = ARTICLES_QUERY_RESULT[number];

export interface ImageSettings {
  projectId: string;
  dataset: string;
  /** Where images are served: https://cdn.sanity.io, or the local lake. */
  baseUrl: string;
}

/** Widths offered in srcset; the largest is also `src`. */
const IMAGE_WIDTHS = [480, 800, 1200] as const;

type Json = Record<string, unknown>;

/**
 * What the mapper relies on in a projected document (queries.ts), checked before it is read: the
 * generated type says what the query asks for, this says what must have arrived. Every other field is
 * the Article schema's to check. GROQ answers null for what is absent, hence `nullish`.
 */
const ImageFieldSchema = z.object({
  alt: z.string().nullish(),
  caption: z.string().nullish(),
  hotspot: z.unknown().optional(),
  crop: z.unknown().optional(),
  assetRef: z.string().nullish(),
  asset: z
    .object({
      _id: z.string(),
      metadata: z.object({ dimensions: z.object({ width: z.number().nullish(), height: z.number().nullish() }).nullish() }).nullish(),
    })
    .nullish(),
});
type ImageField = z.infer<typeof ImageFieldSchema>;

const SanityArticleSchema = z.looseObject({
  _id: z.string(),
  _originalId: z.string().nullish(),
  authorRefs: z.array(z.string().nullish()).nullish(),
  // An author or category reference that points nowhere resolves to null: reported by name below.
  authors: z.array(z.looseObject({ photo: ImageFieldSchema.nullish() }).nullable()).nullish(),
  corrections: z.array(z.looseObject({ _key: z.unknown().optional() })).nullish(),
  categoryRef: z.string().nullish(),
  category: z.looseObject({}).nullish(),
  // Blocks are checked one by one (checkPortableText) so that messages name them by _key.
  body: z.array(z.looseObject({ _type: z.unknown().optional(), _key: z.unknown().optional() })).nullish(),
  sourceLocale: z.unknown().optional(),
  glossary: z.array(z.object({ zhHans: z.string().nullish(), zhHant: z.string().nullish() })).nullish(),
  mainImage: ImageFieldSchema.nullish(),
});

/** GROQ answers null for absent fields; the model wants them absent. */
function dropNulls<T>(value: T): T {
  if (Array.isArray(value)) return value.map(dropNulls) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== null)
        .map(([k, v]) => [k, dropNulls(v)]),
    ) as T;
  }
  return value;
}

/**
 * Text as editors paste it, made clean: a byte-order mark (U+FEFF, from a pasted file) is dropped and
 * CRLF or CR line ends become LF, in every string of the document. Such input is accepted as if clean.
 */
function cleanText<T>(value: T): T {
  if (typeof value === 'string') return value.replace(/\uFEFF/g, '').replace(/\r\n?/g, '\n') as T;
  if (Array.isArray(value)) return value.map(cleanText) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cleanText(v)])) as T;
  return value;
}

/** How a document is named in messages: its id, and the draft's id when the drafts perspective shows a draft. */
export function documentName(raw: { _id?: unknown; _originalId?: unknown }): string {
  const id = typeof raw._id === 'string' ? raw._id : '(no _id)';
  const original = typeof raw._originalId === 'string' && raw._originalId !== id ? raw._originalId : undefined;
  return `Sanity document ${id}${original ? ` (draft ${original})` : ''}`;
}

/** Reader-facing texts of a Portable Text body, each with its GROQ-like path, for the mojibake check. */
function bodyTexts(body: readonly Json[]): [string, string][] {
  return body.flatMap((block): [string, string][] => {
    const at = `body[_key=="${String(block._key)}"]`;
    const texts: [string, unknown][] = [];
    if (block._type === 'block' && Array.isArray(block.children)) {
      for (const span of block.children as Json[]) texts.push([`${at}.children[_key=="${String(span?._key)}"].text`, span?.text]);
    } else if (block._type === 'image') {
      texts.push([`${at}.alt`, block.alt], [`${at}.caption`, block.caption]);
    } else if (block._type === 'table' && Array.isArray(block.rows)) {
      for (const row of block.rows as Json[])
        (Array.isArray(row?.cells) ? (row.cells as unknown[]) : []).forEach((c, i) =>
          texts.push([`${at}.rows[_key=="${String(row._key)}"].cells[${i}]`, c]),
        );
    }
    return texts.filter((t): t is [string, string] => typeof t[1] === 'string');
  });
}

/** True when a body shows a reader nothing: no text in any span, and no image, code or table. */
function showsNothing(body: readonly Json[]): boolean {
  return body.every(
    (block) =>
      block._type === 'block' &&
      (!Array.isArray(block.children) || (block.children as Json[]).every((s) => typeof s?.text !== 'string' || !s.text.trim())),
  );
}

/** The 16:9, 4:3 and 1:1 crops of a main image for structured data, cut by the image CDN (hotspot and crop honoured). */
function imageCrops(image: ImageField, settings: ImageSettings): { src: string; width: number; height: number }[] | undefined {
  const natural = image.asset?.metadata?.dimensions;
  if (!image.asset?._id || !natural?.width || !natural.height) return undefined;
  const builder = createImageUrlBuilder(settings).image({
    asset: { _ref: image.asset._id },
    ...(image.hotspot ? { hotspot: image.hotspot } : {}),
    ...(image.crop ? { crop: image.crop } : {}),
  } as never);
  return LD_CROPS.map((crop) => {
    const size = cropSize(natural.width!, natural.height!, crop);
    return { src: builder.width(size.width).height(size.height).fit('crop').auto('format').url(), ...size };
  });
}

function imageUrls(image: ImageField, settings: ImageSettings) {
  if (!image.asset?._id) return undefined;
  const builder = createImageUrlBuilder(settings).image({
    asset: { _ref: image.asset._id },
    ...(image.hotspot ? { hotspot: image.hotspot } : {}),
    ...(image.crop ? { crop: image.crop } : {}),
  } as never);
  const natural = image.asset.metadata?.dimensions;
  // Never ask for more pixels than the original has: its own width is the largest offered then.
  const max = IMAGE_WIDTHS.at(-1)!;
  const usable = natural?.width && natural.width < max ? [...IMAGE_WIDTHS.filter((w) => w < natural.width!), natural.width] : [...IMAGE_WIDTHS];
  const largest = usable.at(-1)!;
  const url = (w: number) => builder.width(w).fit('max').auto('format').url();
  return {
    src: url(largest),
    srcset: usable.map((w) => `${url(w)} ${w}w`).join(', '),
    width: natural?.width && natural.height ? largest : undefined,
    height: natural?.width && natural.height ? Math.round((largest * natural.height) / natural.width) : undefined,
  };
}

function missingAsset(image: ImageField, otherwise: string): string {
  return image.assetRef
    ? `refers to the image asset ${image.assetRef}, which is not in the dataset; upload the image again or ${otherwise}`
    : `the image has no uploaded file; upload one or ${otherwise}`;
}

/** An author document's photo as the model's { src, alt, srcset, width, height }, through the image CDN. */
function authorWithPhoto(
  author: Json & { photo?: ImageField | null | undefined },
  index: number,
  settings: ImageSettings,
  issues: FieldIssue[],
): Json {
  const { photo, ...rest } = author;
  if (!photo) return rest;
  const urls = imageUrls(photo, settings);
  if (!urls) issues.push({ field: `authors[${index}].photo.asset`, message: missingAsset(photo, "remove the author's photo") });
  return {
    ...rest,
    photo: {
      src: urls?.src ?? '',
      alt: photo.alt ?? '',
      ...(urls?.srcset ? { srcset: urls.srcset } : {}),
      ...(urls?.width && urls.height ? { width: urls.width, height: urls.height } : {}),
    },
  };
}

export function toArticle(input: SanityArticle, settings: ImageSettings): Article {
  const where = documentName(input);
  const parsed = SanityArticleSchema.safeParse(cleanText(input));
  if (!parsed.success) throw new ArticleError(where, fieldIssues(parsed.error, '(document)'));
  const raw = parsed.data;
  const doc = dropNulls(raw);
  const issues: FieldIssue[] = [];
  // Control characters, noncharacters and lone surrogates anywhere in the document, named as the Studio names the field.
  for (const { field, message } of forbiddenCharacterIssues(raw)) issues.push({ field, message });

  // References that point nowhere (deleted, or not published yet) must not silently drop a byline.
  const authorRefs = raw.authorRefs ?? [];
  const authors = raw.authors ?? [];
  authors.forEach((a, i) => {
    if (a === null)
      issues.push({
        field: `authors[${i}]`,
        message: `refers to ${authorRefs[i] ?? 'nothing'}, which does not exist or is not published; publish that author or choose another`,
      });
  });
  if (raw.category === null && raw.categoryRef) {
    issues.push({
      field: 'category',
      message: `refers to ${raw.categoryRef}, which does not exist or is not published; publish that category or choose another`,
    });
  }

  let body: unknown = doc.body;
  if (doc.body && doc.body.length > 0 && showsNothing(doc.body)) {
    issues.push({ field: 'body', message: 'body must not be empty: its blocks hold no text; write the article or delete the document' });
  }
  if (doc.body) {
    for (const [field, text] of bodyTexts(doc.body)) {
      const hits = findMojibake(text);
      if (hits.length) issues.push({ field, message: describeMojibake(hits, false) });
    }
    for (const p of checkPortableText(doc.body.filter((b) => b._type !== 'image'))) issues.push({ field: p.field, message: p.message });
    body = doc.body.map((block) => {
      if (block._type !== 'image') return block;
      const at = `body[_key=="${String(block._key)}"]`;
      const checked = ImageFieldSchema.safeParse(block);
      if (!checked.success) {
        for (const i of fieldIssues(checked.error, '(image)')) issues.push({ field: `${at}.${i.field}`, message: i.message });
        return block;
      }
      const image = checked.data;
      const urls = imageUrls(image, settings);
      if (!urls) issues.push({ field: `${at}.asset`, message: missingAsset(image, 'remove the block') });
      if (!image.alt?.trim()) issues.push({ field: `${at}.alt`, message: 'an image needs alt text describing it' });
      return {
        _type: 'image',
        _key: block._key,
        ...urls,
        sizes: '(min-width: 48rem) 48rem, 100vw',
        alt: image.alt ?? '',
        ...(image.caption ? { caption: image.caption } : {}),
      };
    });
  }

  let image: Article['image'] | undefined;
  const main = doc.mainImage;
  if (main) {
    const urls = imageUrls(main, settings);
    if (!urls) issues.push({ field: 'mainImage.asset', message: missingAsset(main, 'remove the main image') });
    image = {
      src: urls?.src ?? '',
      alt: main.alt ?? '',
      ...(main.caption ? { caption: main.caption } : {}),
      ...(urls?.srcset ? { srcset: urls.srcset } : {}),
      ...(urls?.width && urls.height ? { width: urls.width, height: urls.height } : {}),
    };
    const crops = imageCrops(main, settings);
    if (crops) image.crops = crops;
  }
  // Text the sanitizer would remove, by block (Portable Text makes none today; the rule holds whatever the mapping becomes).
  if (issues.length === 0 && Array.isArray(body) && body.length > 0) {
    for (const { key, lost } of lostTextPortableText(body as PortableTextBody)) {
      issues.push({ field: `body[_key=="${key}"]`, message: describeLostText(lost) });
    }
  }
  const mappedAuthors = authors.flatMap((a, i) => (a === null ? [] : [authorWithPhoto(dropNulls(a), i, settings, issues)]));
  if (issues.length) throw new ArticleError(where, issues);

  // Glossary entries (term in both scripts) → the model's term → per-locale forms, keyed by the source script's form.
  const entries = doc.glossary ?? [];
  const sourceKey = doc.sourceLocale === 'zh-Hant' ? 'zhHant' : 'zhHans';
  const glossary = Object.fromEntries(
    entries
      .filter((e) => e[sourceKey])
      .map((e) => [e[sourceKey]!, { ...(e.zhHans ? { 'zh-Hans': e.zhHans } : {}), ...(e.zhHant ? { 'zh-Hant': e.zhHant } : {}) }]),
  );
  const { _id, _originalId: _o, authorRefs: _a, categoryRef: _c, mainImage: _m, body: _b, glossary: _g, corrections: _k, ...fields } = doc;
  return parseArticle(
    ArticleSchema,
    {
      ...fields,
      body,
      authors: mappedAuthors,
      ...(image ? { image } : {}),
      ...(Object.keys(glossary).length ? { glossary } : {}),
      // Array items carry their Studio _key; the model holds { date, text }.
      corrections: (doc.corrections ?? []).map(({ _key: _ck, ...c }) => c),
      // The perspective decides what is a draft; whatever it shows is meant to be built.
      draft: false,
    },
    where,
  );
}
