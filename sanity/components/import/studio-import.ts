/**
 * "Import a press release" in the Studio, without React: what the editor pasted or picked (text or saved HTML) →
 * the importer's draft and report (src/importer, the code `npm run import` runs, bound here to the OpenCC tables
 * the Studio bundles) → the Sanity document `drafts.article.<slug>` the tool creates. The same refusals as the CLI:
 * an unrepaired flagged run or a proposal that re-encoding does not prove blocks the draft; so do an unknown
 * author or category and a slug that is not one.
 */
import { ImportError } from '../../../src/importer/errors.ts';
import { importTextWith, type ImportedDraft, type ImportReport } from '../../../src/importer/core.ts';
import { decodeInput, extractHtml, looksLikeHtml } from '../../../src/importer/input.ts';
import { frontMatterFields, slugFor, toSanityDraft } from '../../../src/importer/draft.ts';
import { AuthorSchema, CategorySchema, SLUG_PATTERN, type Author, type Category, type Taxonomy } from '../../../src/model/taxonomy.ts';
import { ConversionError, markdownToPortableText } from '../../../scripts/lib/markdown-to-portable-text.ts';
import { studioTables } from '../../schemaTypes/rules/opencc-tables.ts';

/** The authors and categories as the dataset holds them (the query in ImportTool.tsx). */
export interface DatasetTaxonomy {
  authors: { slug?: string; name?: string; nameLocale?: string; names?: { zhHans?: string; zhHant?: string } }[];
  categories: { slug?: string; name?: string; nameLocale?: string; riskNotice?: boolean }[];
}

/** Where the authors live, for the message when the page's author is not one of them. */
const AUTHORS_WHERE = 'the Studio’s Author documents';

/** The dataset's authors and categories as the importer's Taxonomy (the same zod schemas the site's loaders use). */
export function taxonomyFrom(dataset: DatasetTaxonomy): Taxonomy {
  const authors = new Map<string, Author>();
  for (const a of dataset.authors) {
    const names = Object.fromEntries(
      Object.entries({ 'zh-Hans': a.names?.zhHans, 'zh-Hant': a.names?.zhHant }).filter((e): e is [string, string] => Boolean(e[1])),
    );
    const parsed = AuthorSchema.safeParse({ slug: a.slug, name: a.name, nameLocale: a.nameLocale, ...(Object.keys(names).length ? { names } : {}) });
    if (parsed.success) authors.set(parsed.data.slug, parsed.data);
  }
  const categories = new Map<string, Category>();
  for (const c of dataset.categories) {
    const parsed = CategorySchema.safeParse({ slug: c.slug, name: c.name, nameLocale: c.nameLocale, riskNotice: c.riskNotice ?? false });
    if (parsed.success) categories.set(parsed.data.slug, parsed.data);
  }
  return { authors, categories };
}

/** What the editor gave: pasted text, or a file's bytes and name. */
export type ImportSource = { kind: 'text'; text: string } | { kind: 'file'; name: string; bytes: Uint8Array };

export interface ImportChoices {
  /** The intended text of flagged runs, as typed (empty ones are ignored). */
  fixes: readonly string[];
  /** Empty: from the file name, else the source URL (as the CLI derives it). */
  slug: string;
  category: string;
  /** Empty: the page's author, looked up by name. */
  author: string;
  now: Date;
}

export interface ImportPreview {
  html: boolean;
  slug?: string;
  draft?: ImportedDraft;
  report?: ImportReport;
  /** The document to create, when nothing blocks it. */
  document?: ReturnType<typeof toSanityDraft>;
  /** What blocks the draft, each naming its field: shown to the editor, the create button stays off. */
  problems: { field: string; message: string }[];
}

export function previewImport(source: ImportSource, choices: ImportChoices, taxonomy: Taxonomy): ImportPreview {
  const problems: ImportPreview['problems'] = [];
  // Filled in as far as the import gets: a refusal late on (an unknown author) still shows the report.
  const preview: ImportPreview = { html: false, problems };
  try {
    let text = source.kind === 'file' ? decodeInput(source.bytes) : source.text.replace(/\r\n?/g, '\n');
    if (source.kind === 'text' && !text.trim())
      throw new ImportError('nothing to import: paste the page’s text or HTML, or choose a file', '(input)');
    preview.html = looksLikeHtml(text);
    if (preview.html) text = extractHtml(text);
    const fixes = choices.fixes.map((f) => f.trim()).filter(Boolean);
    const { draft, report } = importTextWith(studioTables, text, { fixes });
    preview.draft = draft;
    preview.report = report;
    const slug = choices.slug.trim() || slugFor(source.kind === 'file' ? source.name : '', draft.source?.url);
    if (!SLUG_PATTERN.test(slug)) throw new ImportError(`slug "${slug}" is not lower-case letters, digits and hyphens`, 'slug');
    preview.slug = slug;
    for (const fix of report.unresolvedFixes) {
      problems.push({
        field: 'fix',
        message: `“${fix}”: re-encoding it does not reproduce any flagged run, so it is not applied; check the text`,
      });
    }
    if (report.flags.length) {
      problems.push({
        field: 'mojibake',
        message: `${report.flags.length} unrepaired mojibake run(s): type the intended text for each, or fix the source`,
      });
    }
    const fields = frontMatterFields(
      draft,
      { slug, authors: choices.author ? [choices.author] : [], category: choices.category, tags: [], publishedAt: choices.now },
      taxonomy,
      AUTHORS_WHERE,
    );
    if (!problems.length) preview.document = toSanityDraft(fields, slug, markdownToPortableText(draft.body, `the imported body`));
    return preview;
  } catch (error) {
    if (error instanceof ImportError) problems.push({ field: error.field, message: error.message });
    else if (error instanceof ConversionError) problems.push({ field: 'body', message: error.message.replace(/^\[tongbao\] /, '') });
    else throw error;
    return preview;
  }
}
