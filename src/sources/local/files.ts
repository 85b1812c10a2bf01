/**
 * Reads a content folder (articles/*.md, authors.yaml, categories.yaml, glossary.yaml) and reports every bad file
 * at once, so an editor fixes them in one pass. Each article carries the site glossary's entries that can apply
 * to it (src/zh/article-overrides.ts `withSiteGlossary`).
 */
import { existsSync, statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import { contentPaths, fileUnder, publicDirOf } from '../../config/paths.ts';
import { ArticleError, createArticleInputSchema, type Article } from '../../model/article.ts';
import type { Taxonomy } from '../../model/taxonomy.ts';
import { parseMarkdownArticle } from './parse.ts';
import { readTaxonomy, TAXONOMY_FILES } from './taxonomy.ts';
import { checkImages } from './images.ts';
import { checkOverrides, withSiteGlossary } from '../../zh/article-overrides.ts';
import { SITE_GLOSSARY_FILE } from '../../zh/glossary-core.ts';
import { siteGlossary } from '../../zh/glossary.ts';
import type { GlossaryEntry } from '../../zh/overrides.ts';

export interface LoadedArticle {
  article: Article;
  /** Path relative to the project root (absolute when outside it), for messages. */
  path: string;
}

export interface LocalContent {
  articles: LoadedArticle[];
  taxonomy: Taxonomy;
  /** The site glossary (glossary.yaml; none without the file). */
  glossary: GlossaryEntry[];
}

export class ContentError extends Error {
  override name = 'ContentError';
  readonly problems: readonly Error[];
  /** `what` names the items in the summary line: files of the content folder, or Sanity documents. */
  constructor(problems: readonly Error[], what = 'content file(s)') {
    super(
      `[tongbao] ${problems.length} ${what} cannot be published; the build stopped before writing anything:\n\n` +
        problems.map((e) => e.message).join('\n\n'),
    );
    this.problems = problems;
  }
}

/** A path for messages: relative to the project when inside it, absolute otherwise. */
function displayPath(root: string, path: string): string {
  const rel = relative(root, path);
  return rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}

const isFile = (file: string | undefined): boolean => !!file && existsSync(file) && statSync(file).isFile();

/** True when a site path (`/images/x.png`) is a file under the project's public/ folder. */
function isPublicFile(root: string, sitePath: string): boolean {
  return isFile(fileUnder(publicDirOf(root), sitePath));
}

/** True when a site path (`/images/x.png`) is a file in the content folder's images/ (a lead image for Astro's image pipeline). */
function isContentImage(imagesDir: string, sitePath: string): boolean {
  return sitePath.startsWith('/images/') && isFile(fileUnder(imagesDir, sitePath.slice('/images'.length)));
}

export async function readLocalContent(root: string, contentDir: string): Promise<LocalContent> {
  const { content: base, articles: dir, images: imagesDir } = contentPaths(root, contentDir);
  const display = (path: string) => displayPath(root, path);
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.md') && !n.startsWith('_')).sort();
  } catch (error) {
    throw new ContentError([
      new Error(
        `[tongbao] cannot read the article folder ${display(dir)}: ${(error as Error).message}\n` +
          '  Create it, or point TONGBAO_CONTENT_DIR at the folder that holds articles/.',
      ),
    ]);
  }
  let taxonomy: Taxonomy;
  try {
    taxonomy = await readTaxonomy(base, display);
  } catch (error) {
    throw new ContentError([error as Error]);
  }
  // An author's photo is published like a lead image: its file must be there.
  const photos = [...taxonomy.authors.values()].flatMap((author, index) => {
    const src = author.photo?.src;
    if (!src || /^https?:\/\//i.test(src) || isPublicFile(root, src) || isContentImage(imagesDir, src)) return [];
    return [
      {
        field: `[${index}].photo.src`,
        message: `image "${src}" not found: add the file content${src} (a portrait for the image pipeline), or correct the path`,
      },
    ];
  });
  let glossary: GlossaryEntry[];
  try {
    glossary = siteGlossary(base, display(join(base, SITE_GLOSSARY_FILE)));
  } catch (error) {
    throw new ContentError([error as Error]);
  }
  const schema = createArticleInputSchema(taxonomy, {
    authors: display(join(base, TAXONOMY_FILES.authors)),
    categories: display(join(base, TAXONOMY_FILES.categories)),
  });

  const articles: LoadedArticle[] = [];
  const errors: Error[] = photos.length ? [new ArticleError(display(join(base, TAXONOMY_FILES.authors)), photos)] : [];
  const bySlug = new Map<string, string>();
  for (const name of names) {
    const path = display(join(dir, name));
    const bytes = await readFile(join(dir, name));
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      errors.push(new ArticleError(path, [{ field: '(file)', message: 'the file is not valid UTF-8; save it as UTF-8' }]));
      continue;
    }
    try {
      const article = parseMarkdownArticle(text, path, schema);
      const images = checkImages(article, (sitePath) => isPublicFile(root, sitePath) || isContentImage(imagesDir, sitePath));
      if (images.length) {
        errors.push(new ArticleError(path, images));
        continue;
      }
      checkOverrides(article, path);
      const other = bySlug.get(article.slug);
      if (other) {
        errors.push(new ArticleError(path, [{ field: 'slug', message: `"${article.slug}" is already used by ${other}; choose another slug` }]));
        continue;
      }
      bySlug.set(article.slug, path);
      articles.push({ article: withSiteGlossary(article, glossary), path });
    } catch (error) {
      errors.push(error as Error);
    }
  }
  if (errors.length) throw new ContentError(errors);
  return { articles, taxonomy, glossary };
}
