/** `content/authors.yaml` and `content/categories.yaml`: YAML lists of entries, validated and indexed by slug. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { ArticleError } from '../../model/article.ts';
import { AuthorSchema, CategorySchema, type Taxonomy } from '../../model/taxonomy.ts';

export const TAXONOMY_FILES = { authors: 'authors.yaml', categories: 'categories.yaml' } as const;

/** Pure: the entries of one taxonomy file, or an ArticleError naming the file and `[index].field`. */
export function parseTaxonomyList<S extends z.ZodType<{ slug: string }>>(text: string, path: string, schema: S): Map<string, z.output<S>> {
  let data: unknown;
  try {
    data = parseYaml(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ArticleError(path, [{ field: '(file)', message: `malformed YAML: ${(error as Error).message}` }]);
  }
  if (!Array.isArray(data)) {
    throw new ArticleError(path, [{ field: '(file)', message: 'expected a YAML list of entries ("- slug: …")' }]);
  }
  const entries = new Map<string, z.output<S>>();
  const issues: { field: string; message: string }[] = [];
  data.forEach((item, index) => {
    const result = schema.safeParse(item);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const keys = issue.code === 'unrecognized_keys' ? issue.keys : [issue.path.map(String).join('.')];
        for (const key of keys) issues.push({ field: `[${index}].${key}`, message: issue.message });
      }
      return;
    }
    if (entries.has(result.data.slug)) {
      issues.push({ field: `[${index}].slug`, message: `"${result.data.slug}" appears twice; slugs must be unique` });
      return;
    }
    entries.set(result.data.slug, result.data);
  });
  if (issues.length) throw new ArticleError(path, issues);
  return entries;
}

export async function readTaxonomy(contentRoot: string, display: (path: string) => string): Promise<Taxonomy> {
  const read = async <S extends z.ZodType<{ slug: string }>>(file: string, schema: S) => {
    const path = join(contentRoot, file);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch {
      throw new ArticleError(display(path), [{ field: '(file)', message: `missing; create it with a list of entries (see README)` }]);
    }
    return parseTaxonomyList(text, display(path), schema);
  };
  return {
    authors: await read(TAXONOMY_FILES.authors, AuthorSchema),
    categories: await read(TAXONOMY_FILES.categories, CategorySchema),
  };
}
