/**
 * `npm run import -- <file> [--to content|sanity] [--slug …] [--allow-flags] [--fix <text>]…
 *                   [--author <slug>] [--category <slug>] [--tag <tag>]… [--report <file>] [--force]`
 *
 * A scraped press release (plain text or saved HTML) → a clean draft: content/articles/<slug>.md
 * (draft: true) or the Sanity document drafts.article.<slug>. Prints a summary and writes a JSON
 * report of every change (import-reports/<slug>.json unless --report).
 * Exit codes: 0 written; 1 unrepaired mojibake (nothing written; see --fix, --allow-flags); 2 bad input.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { env } from '../src/config/env.ts';
import { readTaxonomy, TAXONOMY_FILES } from '../src/sources/local/taxonomy.ts';
import { ArticleError, createArticleInputSchema, SLUG_PATTERN } from '../src/model/article.ts';
import { parseMarkdownArticle } from '../src/sources/local/parse.ts';
import { createSanityWriteClient } from '../src/sources/sanity/client.ts';
import { ImportError } from '../src/importer/errors.ts';
import { decodeInput, extractHtml, looksLikeHtml } from '../src/importer/input.ts';
import { importText } from '../src/importer/index.ts';
import { frontMatterFields, slugFor, toMarkdown, toSanityDraft } from '../src/importer/draft.ts';
import { ConversionError, markdownToPortableText } from './lib/markdown-to-portable-text.ts';

const root = join(import.meta.dirname, '..');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    to: { type: 'string', default: 'content' },
    slug: { type: 'string' },
    'allow-flags': { type: 'boolean', default: false },
    fix: { type: 'string', multiple: true, default: [] },
    author: { type: 'string', multiple: true, default: [] },
    category: { type: 'string', default: 'news' },
    tag: { type: 'string', multiple: true, default: [] },
    report: { type: 'string' },
    force: { type: 'boolean', default: false },
  },
});

function fail(where: string, message: string, code = 2): never {
  console.error(`[tongbao] ${where}: ${message}\n  Nothing was written.`);
  process.exit(code);
}

const file = positionals[0];
if (!file) fail('import', 'name the file to import: npm run import -- <file> [--to content|sanity] [--slug …]');
if (values.to !== 'content' && values.to !== 'sanity') fail('import', `--to ${values.to}: expected content or sanity`);
let bytes: Buffer;
try {
  bytes = readFileSync(file);
} catch (error) {
  fail(file, `cannot read the file (${(error as Error).message})`);
}

try {
  let text = decodeInput(bytes);
  const html = looksLikeHtml(text);
  if (html) text = extractHtml(text);
  const { draft, report } = importText(text, { fixes: values.fix });

  const slug = values.slug ?? slugFor(file, draft.source?.url);
  if (!SLUG_PATTERN.test(slug)) throw new ImportError(`slug "${slug}" is not lower-case letters, digits and hyphens; pass --slug`, 'slug');
  const contentDir = resolve(root, env.TONGBAO_CONTENT_DIR);
  const display = (p: string) => {
    const rel = relative(process.cwd(), p);
    return !rel || rel.startsWith('..') ? p : rel;
  };
  const taxonomy = await readTaxonomy(contentDir, display);
  const authorsFile = display(join(contentDir, TAXONOMY_FILES.authors));
  const fields = frontMatterFields(
    draft,
    { slug, authors: values.author, category: values.category, tags: values.tag, publishedAt: new Date() },
    taxonomy,
    authorsFile,
  );
  const markdown = toMarkdown(fields, draft.body);
  const target = values.to === 'content' ? join(contentDir, 'articles', `${slug}.md`) : `drafts.article.${slug}`;
  // The draft must be an article the site accepts before anything is written.
  parseMarkdownArticle(
    markdown,
    display(join(contentDir, 'articles', `${slug}.md`)),
    createArticleInputSchema(taxonomy, { authors: authorsFile, categories: TAXONOMY_FILES.categories }),
  );

  const reportFile = resolve(values.report ?? join('import-reports', `${slug}.json`));
  const flagged = report.flags.length > 0 && !values['allow-flags'];
  mkdirSync(dirname(reportFile), { recursive: true });
  writeFileSync(
    reportFile,
    JSON.stringify(
      {
        file,
        html,
        slug,
        to: values.to,
        target: flagged ? null : values.to === 'content' ? display(target) : target,
        fields: { ...fields, caption: draft.caption, disclaimers: draft.disclaimers },
        script: report.script,
        machineConverted: report.machineConverted ?? null,
        counts: report.counts,
        flags: report.flags,
        unresolvedFixes: report.unresolvedFixes,
        changes: report.changes,
      },
      null,
      2,
    ) + '\n',
  );
  if (report.unresolvedFixes.length) {
    fail(
      file,
      `--fix ${report.unresolvedFixes.map((f) => JSON.stringify(f)).join(', ')}: re-encoding does not reproduce any flagged run, so it is not applied; check the text (report: ${display(reportFile)})`,
      1,
    );
  }
  if (flagged) {
    console.error(report.flags.map((f) => `[tongbao] ${file}:${f.line}: mojibake at offset ${f.at}: ${f.from}\n  ${f.note}`).join('\n'));
    fail(
      file,
      `${report.flags.length} unrepaired mojibake run(s); pass the intended text with --fix "…", or --allow-flags to import them as they are (report: ${display(reportFile)})`,
      1,
    );
  }

  if (values.to === 'content') {
    if (existsSync(target) && !values.force) throw new ImportError(`${display(target)} exists; choose another --slug or pass --force`, 'slug');
    writeFileSync(target, markdown);
  } else {
    if (!env.SANITY_PROJECT_ID || !env.SANITY_DATASET)
      throw new ImportError('--to sanity needs SANITY_PROJECT_ID and SANITY_DATASET (and SANITY_API_HOST for the local lake)', '(env)');
    if (!env.SANITY_WRITE_TOKEN) throw new ImportError('--to sanity needs SANITY_WRITE_TOKEN, a token with write access', '(env)');
    const client = createSanityWriteClient({
      projectId: env.SANITY_PROJECT_ID,
      dataset: env.SANITY_DATASET,
      apiHost: env.SANITY_API_HOST,
      token: env.SANITY_WRITE_TOKEN,
      timeoutMs: env.TONGBAO_SANITY_TIMEOUT_MS,
    });
    const doc = toSanityDraft(fields, slug, markdownToPortableText(draft.body, file));
    try {
      if (values.force) await client.createOrReplace(doc);
      else await client.create(doc);
    } catch (error) {
      const e = error as { statusCode?: number; message?: string };
      const exists = e.statusCode === 409 ? `; ${doc._id} exists: choose another --slug or pass --force` : '';
      throw new ImportError(
        `Sanity refused the draft (${e.statusCode ? `HTTP ${e.statusCode}: ` : ''}${(e.message ?? String(error)).split('\n')[0]})${exists}`,
        '(sanity)',
      );
    }
  }

  const c = report.counts;
  console.log(
    [
      `[tongbao] imported ${file}${html ? ' (HTML, article extracted)' : ''} → ${values.to === 'content' ? display(target) : `Sanity ${env.SANITY_DATASET}: ${target}`}`,
      `  title:    ${fields.title}`,
      `  summary:  ${fields.summary}`,
      `  authors:  ${fields.authors.join(', ')}${draft.author ? ` (page: ${draft.author})` : ''}   script: ${fields.sourceLocale}   origin: ${fields.origin}${draft.source ? ` (${draft.source.url})` : ''}`,
      `  removed ${c.pinyin ?? 0} pinyin annotation(s), ${c.furniture ?? 0} furniture block(s), ${c.space ?? 0} stray space(s); repaired ${c.mojibake ?? 0} mojibake run(s); ${c.punctuation ?? 0} punctuation mark(s) made full-width`,
      ...(report.machineConverted
        ? [
            `  the page is Traditional converted from Simplified character by character (${report.machineConverted.traces.map((t) => t.char).join(', ')}): written as its recovered Simplified original; OpenCC's phrases write zh-Hant (${report.machineConverted.corrections.map((x) => `${x.from}→${x.to}`).join(', ')})`,
          ]
        : []),
      ...(report.flags.length
        ? [`  ${report.flags.length} mojibake run(s) left as they are (--allow-flags): ${report.flags.map((f) => `line ${f.line}`).join(', ')}`]
        : []),
      `  editor to add: category (now ${fields.category}), tags, publishedAt (now the import time); the draft stays unpublished until draft: true is removed`,
      `  report: ${display(reportFile)}`,
    ].join('\n'),
  );
} catch (error) {
  if (error instanceof ImportError) fail(file, `${error.field}: ${error.message}`);
  if (error instanceof ArticleError || error instanceof ConversionError) fail(file, error.message.replace(/^\[tongbao\] /, ''));
  throw error;
}
