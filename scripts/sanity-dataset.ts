/**
 * Writes content/dataset.ndjson (Sanity's export format: one JSON document a line) from the local
 * content folder: authors, categories, the articles with their bodies as Portable Text, the image
 * assets they use, and the site glossary (content/glossary.yaml as the document `siteGlossary`). Run it after
 * changing content/:
 *
 *   npm run dataset            rewrite content/dataset.ndjson
 *   npm run dataset -- --check fail when content/dataset.ndjson is not what content/ gives
 *   npm run dataset -- --for-import <folder>
 *                              a folder for `sanity dataset import <folder>` into a real project:
 *                              data.ndjson with image fields as `_sanityAsset` + the image files
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readLocalContent } from '../src/sources/local/files.ts';
import type { Article } from '../src/model/article.ts';
import type { Author, Category } from '../src/model/taxonomy.ts';
import { markdownToPortableText } from './lib/markdown-to-portable-text.ts';
import { converter } from '../src/zh/convert.ts';
import { parseSiteGlossaryItems, SANITY_FORM_FIELDS, SITE_GLOSSARY_FILE } from '../src/zh/glossary-core.ts';

const root = join(import.meta.dirname, '..');
const DATASET = join(root, 'content', 'dataset.ndjson');
const log = (message: string) => console.log(`[tongbao] ${message}`);

type Doc = Record<string, unknown> & { _id: string; _type: string };
const slugField = (current: string) => ({ _type: 'slug', current });
// Sanity field names cannot hold hyphens: zhHans/zhHant/zhHantHK (the site's GROQ projection maps them back).
const sanityForms = (forms: Partial<Record<keyof typeof SANITY_FORM_FIELDS, string>>) =>
  Object.fromEntries(
    Object.entries(SANITY_FORM_FIELDS).flatMap(([locale, field]) => {
      const form = forms[locale as keyof typeof SANITY_FORM_FIELDS];
      return form ? [[field, form]] : [];
    }),
  );
const names = (e: Author | Category) => (e.names ? { names: sanityForms(e.names) } : {});

/** content/glossary.yaml as the one document `siteGlossary` (sanity/schemaTypes/documents/siteGlossary.ts); none without the file. */
function siteGlossaryDoc(): Doc[] {
  const file = join(root, 'content', SITE_GLOSSARY_FILE);
  if (!existsSync(file)) return [];
  const items = parseSiteGlossaryItems(readFileSync(file, 'utf8'), `content/${SITE_GLOSSARY_FILE}`);
  const entries = items.map(({ term, note, ...forms }) => ({
    // A key from the term: stable when other entries are added or reordered.
    _key: createHash('sha1').update(term).digest('hex').slice(0, 12),
    _type: 'siteGlossaryEntry',
    term,
    ...sanityForms(forms),
    ...(note !== undefined ? { note } : {}),
  }));
  return [{ _id: 'siteGlossary', _type: 'siteGlossary', entries }];
}

/** Width and height of an SVG (its width/height attributes) or a PNG (its IHDR chunk). */
function imageSize(bytes: Buffer, ext: string): { width: number; height: number } | undefined {
  if (ext === 'svg') {
    const svg = bytes.toString('utf8');
    const width = Number(/width="(\d+)"/.exec(svg)?.[1]);
    const height = Number(/height="(\d+)"/.exec(svg)?.[1]);
    return width && height ? { width, height } : undefined;
  }
  const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (ext === 'png' && bytes.subarray(0, 8).equals(PNG) && bytes.toString('latin1', 12, 16) === 'IHDR') {
    return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  }
  return undefined;
}

/**
 * A site image (`/images/<file>`: content/images/, where the site's image pipeline reads it, or
 * public/) as a Sanity image asset: id from the content's SHA-1 and its size.
 */
function imageAsset(src: string): Doc & { file: string } {
  if (!src.startsWith('/')) throw new Error(`[tongbao] image ${src}: only images of this site (/images/…) can go into the dataset`);
  const inContent = src.startsWith('/images/') ? join(root, 'content', src) : '';
  const file = inContent && existsSync(inContent) ? inContent : join(root, 'public', src);
  const bytes = readFileSync(file);
  const sha1 = createHash('sha1').update(bytes).digest('hex');
  const ext = src.split('.').pop()!.toLowerCase();
  const size = imageSize(bytes, ext);
  if (!size) throw new Error(`[tongbao] image ${src}: cannot read its size (SVG with width and height, or PNG)`);
  const { width, height } = size;
  return {
    _id: `image-${sha1}-${width}x${height}-${ext}`,
    _type: 'sanity.imageAsset',
    assetId: sha1,
    sha1hash: sha1,
    extension: ext,
    mimeType: ext === 'svg' ? 'image/svg+xml' : `image/${ext}`,
    originalFilename: src.split('/').pop()!,
    size: bytes.length,
    metadata: { _type: 'sanity.imageMetadata', dimensions: { _type: 'sanity.imageDimensions', width, height, aspectRatio: width / height } },
    file,
  };
}

/** An author's photo (a site image) as an image field referring to its asset, which joins the dataset. */
function photoField(photo: NonNullable<Author['photo']>, assets: Map<string, Doc & { file: string }>): Record<string, unknown> {
  const asset = imageAsset(photo.src);
  assets.set(asset._id, asset);
  return { _type: 'image', asset: { _type: 'reference', _ref: asset._id }, alt: photo.alt };
}

function articleDoc(article: Article, path: string, assets: Map<string, Doc & { file: string }>): Doc {
  if (typeof article.body !== 'string') throw new Error(`[tongbao] ${path}: expected a Markdown body`);
  let mainImage: Record<string, unknown> | undefined;
  if (article.image) {
    const asset = imageAsset(article.image.src);
    assets.set(asset._id, asset);
    mainImage = {
      _type: 'image',
      asset: { _type: 'reference', _ref: asset._id },
      alt: article.image.alt,
      ...(article.image.caption ? { caption: article.image.caption } : {}),
    };
  }
  const doc: Doc = {
    _id: `article.${article.slug}`,
    _type: 'article',
    title: article.title,
    slug: slugField(article.slug),
    summary: article.summary,
    body: markdownToPortableText(article.body, path),
    publishedAt: article.publishedAt.toISOString(),
    ...(article.updatedAt ? { updatedAt: article.updatedAt.toISOString() } : {}),
    ...(article.corrections.length
      ? { corrections: article.corrections.map((c, i) => ({ _type: 'correction', _key: `c${i}`, date: c.date.toISOString(), text: c.text })) }
      : {}),
    authors: article.authors.map((a, i) => ({ _type: 'reference', _ref: `author.${a.slug}`, _key: `a${i}` })),
    category: { _type: 'reference', _ref: `category.${article.category.slug}` },
    tags: article.tags,
    sourceLocale: article.sourceLocale,
    origin: article.origin,
    ...(article.source ? { source: { ...article.source } } : {}),
    riskNotice: article.riskNotice,
    ...(mainImage ? { mainImage } : {}),
    // The article glossary (term in the source script → forms) as the Studio's entries, both scripts filled.
    ...(article.glossary && Object.keys(article.glossary).length
      ? {
          glossary: Object.entries(article.glossary).map(([term, forms], i) => ({
            _type: 'glossaryEntry',
            _key: `g${i}`,
            zhHans: forms?.['zh-Hans'] ?? (article.sourceLocale === 'zh-Hans' ? term : converter('tw', 'cn')(term)),
            zhHant: forms?.['zh-Hant'] ?? (article.sourceLocale === 'zh-Hant' ? term : converter('cn', 'tw')(term)),
          })),
        }
      : {}),
  };
  // A draft in content/ is a draft document in Sanity.
  if (article.draft) doc._id = `drafts.${doc._id}`;
  return doc;
}

export async function datasetFromContent(): Promise<{ docs: Doc[]; assets: (Doc & { file: string })[] }> {
  const { articles, taxonomy } = await readLocalContent(root, 'content');
  const assets = new Map<string, Doc & { file: string }>();
  const docs: Doc[] = [
    ...[...taxonomy.authors.values()].map((a) => ({
      _id: `author.${a.slug}`,
      _type: 'author',
      name: a.name,
      slug: slugField(a.slug),
      nameLocale: a.nameLocale,
      ...names(a),
      ...(a.url ? { url: a.url } : {}),
      ...(a.bio ? { bio: a.bio } : {}),
      ...(a.photo ? { photo: photoField(a.photo, assets) } : {}),
    })),
    ...[...taxonomy.categories.values()].map((c) => ({
      _id: `category.${c.slug}`,
      _type: 'category',
      name: c.name,
      slug: slugField(c.slug),
      nameLocale: c.nameLocale,
      ...names(c),
      riskNotice: c.riskNotice,
      ...(c.description ? { description: c.description } : {}),
    })),
    ...siteGlossaryDoc(),
    ...articles.map(({ article, path }) => articleDoc(article, path, assets)),
  ];
  return { docs, assets: [...assets.values()] };
}

const ndjson = (docs: Doc[]) => docs.map((d) => JSON.stringify(d)).join('\n') + '\n';

if (import.meta.main) {
  const { docs, assets } = await datasetFromContent();
  const all = [...assets.map(({ file: _file, ...asset }) => asset), ...docs];
  const args = process.argv.slice(2);
  if (args[0] === '--check') {
    if (readFileSync(DATASET, 'utf8') !== ndjson(all)) {
      console.error('[tongbao] content/dataset.ndjson is stale: it differs from what content/ gives. Run `npm run dataset` and commit it.');
      process.exit(1);
    }
    log('content/dataset.ndjson matches content/');
  } else if (args[0] === '--for-import') {
    const dir = args[1];
    if (!dir) throw new Error('[tongbao] --for-import needs a folder: npm run dataset -- --for-import sanity-import');
    mkdirSync(join(dir, 'images'), { recursive: true });
    // `sanity dataset import` uploads `_sanityAsset` files and makes the references itself.
    const byId = new Map(assets.map((a) => [a._id, a]));
    const json = JSON.stringify(docs, (_key, value: unknown) => {
      const ref = (value as { asset?: { _ref?: string } } | null)?.asset?._ref;
      const asset = ref ? byId.get(ref) : undefined;
      if (!asset) return value;
      const { asset: _asset, ...rest } = value as Record<string, unknown>;
      return { ...rest, _sanityAsset: `image@file://./images/${String(asset.originalFilename)}` };
    });
    writeFileSync(join(dir, 'data.ndjson'), ndjson(JSON.parse(json) as Doc[]));
    for (const a of assets) copyFileSync(a.file, join(dir, 'images', String(a.originalFilename)));
    log(`wrote ${dir}/data.ndjson (${docs.length} documents) and ${assets.length} image(s); import with: npx sanity dataset import ${dir} <dataset>`);
  } else {
    writeFileSync(DATASET, ndjson(all));
    log(`wrote content/dataset.ndjson: ${all.length} documents (${docs.filter((d) => d._type === 'article').length} articles)`);
  }
}
