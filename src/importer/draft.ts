/**
 * An imported draft → what the sources read: a Markdown file with front matter (content/articles/<slug>.md)
 * or a Sanity `drafts.article.<slug>` document in the shape src/sources/sanity/queries.ts projects. Pure.
 */
import { stringify } from 'yaml';
import type { Taxonomy } from '../model/taxonomy.ts';
import type { Locale } from '../model/locale.ts';
import { SLUG_PATTERN } from '../model/taxonomy.ts';
import { ImportError } from './errors.ts';
import type { ImportedDraft } from './core.ts';

export interface EditorFields {
  slug: string;
  /** Author slugs; when absent, the page's author is looked up by name in the taxonomy. */
  authors?: string[];
  category: string;
  tags?: string[];
  publishedAt: Date;
}

/** The page's author name → an author slug, by `name` or any of `names`. */
function resolveAuthor(name: string, taxonomy: Taxonomy): string | undefined {
  for (const a of taxonomy.authors.values()) {
    if (a.name === name || Object.values(a.names ?? {}).includes(name)) return a.slug;
  }
  return undefined;
}

export function frontMatterFields(draft: ImportedDraft, editor: EditorFields, taxonomy: Taxonomy, authorsFile: string) {
  let authors = editor.authors;
  if (!authors?.length) {
    if (!draft.author) throw new ImportError('the page names no author; pass --author <slug> (an entry of content/authors.yaml)', 'authors');
    const slug = resolveAuthor(draft.author, taxonomy);
    if (!slug) {
      throw new ImportError(
        `author "${draft.author}" is not in ${authorsFile}; add an entry (- slug: …, name: ${draft.author}, nameLocale: ${draft.sourceLocale}) or pass --author <slug>`,
        'authors',
      );
    }
    authors = [slug];
  }
  for (const a of authors) if (!taxonomy.authors.has(a)) throw new ImportError(`unknown author "${a}"; add it to ${authorsFile}`, 'authors');
  if (!taxonomy.categories.has(editor.category)) {
    throw new ImportError(`unknown category "${editor.category}"; use one of: ${[...taxonomy.categories.keys()].join(', ')}`, 'category');
  }
  return {
    title: draft.title,
    summary: draft.summary,
    publishedAt: editor.publishedAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    authors,
    category: editor.category,
    tags: editor.tags ?? [],
    sourceLocale: draft.sourceLocale satisfies Locale,
    origin: draft.source ? 'reprint' : 'press-release',
    ...(draft.source ? { source: draft.source } : {}),
    riskNotice: false,
    draft: true,
  };
}

export function toMarkdown(fields: ReturnType<typeof frontMatterFields>, body: string): string {
  return `---\n${stringify(fields, { lineWidth: 0 })}---\n\n${body}`;
}

type Block = Record<string, unknown> & { _type: string; _key: string };

export function toSanityDraft(fields: ReturnType<typeof frontMatterFields>, slug: string, body: Block[]) {
  return {
    _id: `drafts.article.${slug}`,
    _type: 'article',
    title: fields.title,
    slug: { _type: 'slug', current: slug },
    summary: fields.summary,
    body,
    publishedAt: fields.publishedAt,
    authors: fields.authors.map((a, i) => ({ _type: 'reference', _ref: `author.${a}`, _key: `a${i}` })),
    category: { _type: 'reference', _ref: `category.${fields.category}` },
    tags: fields.tags,
    sourceLocale: fields.sourceLocale,
    origin: fields.origin,
    ...(fields.source ? { source: { ...fields.source } } : {}),
    riskNotice: fields.riskNotice,
  };
}

/** A slug from the file name (a path or a bare name), else from the source URL's last segment. */
export function slugFor(path: string, url: string | undefined): string {
  const name = (path.split(/[\\/]/).pop() ?? '').replace(/\.(txt|html?|md)$/i, '').toLowerCase();
  if (SLUG_PATTERN.test(name) && /[a-z]/.test(name)) return name;
  if (url) {
    const u = new URL(url);
    const last =
      u.pathname
        .split('/')
        .filter(Boolean)
        .pop()
        ?.replace(/\.\w+$/, '') ?? '';
    const slug = `${u.hostname.replace(/^(www|m)\./, '').replace(/\./g, '-')}-${last}`
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^-|-$/g, '');
    if (SLUG_PATTERN.test(slug)) return slug;
  }
  throw new ImportError('no slug can be derived from the file name or the source URL; give one (--slug in the CLI)', 'slug');
}
