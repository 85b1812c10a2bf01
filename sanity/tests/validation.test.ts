/**
 * The Studio's validation rules, run as the Studio runs them (createSchema + @sanity/validation's
 * validateDocument) on valid and invalid documents. The client is a real @sanity/client against the
 * local lake over the sample dataset, so the slug-uniqueness and reference checks really query.
 */
import { createClient } from '@sanity/client';
import { validateDocument } from '@sanity/validation';
import { createSchema, type SanityDocument } from 'sanity';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLake } from '../../tests/support/lake.ts';
import type { Lake } from '../../scripts/lake/server.ts';
import { schemaTypes } from '../schemaTypes/index.ts';

const schema = createSchema({ name: 'tongbao', types: schemaTypes });
let lake: Lake;
let client: ReturnType<typeof createClient>;

beforeAll(async () => {
  const started = await startLake();
  lake = started.lake;
  client = createClient({ projectId: 'local', dataset: 'production', apiHost: started.origin, useProjectHostname: false, useCdn: false, apiVersion: '2025-02-19' });
});
afterAll(() => lake.close());

const validArticle = {
  _id: 'drafts.article.new-story',
  _type: 'article',
  _createdAt: '2026-11-01T00:00:00Z',
  _updatedAt: '2026-11-01T00:00:00Z',
  _rev: 'r1',
  title: '新的报道',
  slug: { _type: 'slug', current: 'new-story' },
  summary: '一句话摘要。',
  body: [{ _type: 'block', _key: 'p1', style: 'normal', markDefs: [], children: [{ _type: 'span', _key: 's1', text: '正文。', marks: [] }] }],
  publishedAt: '2026-11-20T02:30:00Z',
  authors: [{ _type: 'reference', _ref: 'author.tongbao-desk', _key: 'a1' }],
  category: { _type: 'reference', _ref: 'category.news' },
  sourceLocale: 'zh-Hans',
  origin: 'original',
  riskNotice: false,
};

async function messages(document: Record<string, unknown>) {
  const result = await validateDocument({ document: document as unknown as SanityDocument, schema, client: client as never });
  if (process.env.DEBUG_VALIDATION) console.log(result.status, result.markers.map((m) => m.path.join(".") + " " + m.level + " " + m.message));
  // validateDocument in its CLI mode adds an unknown-fields check to object-typed fields (slug, source)
  // with .warning(), which lowers our rules on those fields to warnings; the Studio shows them as errors.
  // So: every marker that is not info, by message.
  return { status: result.status, errors: result.markers.filter((m) => m.level !== 'info').map((m) => `${m.path.map((p) => (typeof p === 'object' ? JSON.stringify(p) : String(p))).join('.')}: ${m.message}`) };
}

describe('article validation', () => {
  it('passes a complete article', async () => {
    expect(await messages(validArticle)).toEqual({ status: 'passed', errors: [] });
  });

  it('passes every sample article of the dataset', async () => {
    for (const doc of lake.docs.values()) {
      if (!['article', 'author', 'category'].includes(doc._type)) continue;
      expect(await messages({ ...doc, _createdAt: '2026-01-01T00:00:00Z', _updatedAt: '2026-01-01T00:00:00Z', _rev: 'r' }), doc._id).toEqual({ status: 'passed', errors: [] });
    }
  });

  it('requires a slug, with a message for editors', async () => {
    const { errors } = await messages({ ...validArticle, slug: undefined });
    expect(errors).toContain('slug: A article needs a slug: it is the address of its page. Type one or press "Generate".');
  });

  it('refuses a slug another article already uses', async () => {
    const { errors } = await messages({ ...validArticle, slug: { _type: 'slug', current: 'market-weekly-review' } });
    expect(errors).toContain('slug: Slug is already in use');
  });

  it('refuses a slug with capitals or Chinese characters', async () => {
    const { errors } = await messages({ ...validArticle, slug: { _type: 'slug', current: 'New 报道' } });
    expect(errors).toContain('slug: Use only lower-case latin letters, digits and single hyphens, e.g. tech-fair-2023.');
  });

  it('requires the source of a reprint', async () => {
    const { errors } = await messages({ ...validArticle, origin: 'reprint' });
    expect(errors).toContain('source: A reprint needs its source: the outlet and the address of the original.');
    expect((await messages({ ...validArticle, origin: 'reprint', source: { name: '某某日报', url: 'https://example.com/1' } })).errors).toEqual([]);
  });

  it('requires alt text on the main image and on body images', async () => {
    const image = { _type: 'image', asset: { _type: 'reference', _ref: 'image-c57c29a1843d890ea613eb38bfdaa1aadcdeea1c-640x240-svg' } };
    const { errors } = await messages({ ...validArticle, mainImage: image, body: [...validArticle.body, { ...image, _key: 'img1' }] });
    const alt = 'Describe the image in the alternative text: readers using screen readers rely on it.';
    expect(errors).toContain(`mainImage.alt: ${alt}`);
    expect(errors).toContain(`body.{"_key":"img1"}.alt: ${alt}`);
  });

  it('requires headline, summary, time, author and category', async () => {
    const { errors } = await messages({ ...validArticle, title: undefined, summary: undefined, publishedAt: undefined, authors: [], category: undefined });
    expect(errors).toEqual(
      expect.arrayContaining([
        'title: Every article needs a headline.',
        'summary: Write a summary of one or two sentences.',
        'publishedAt: Set the publication time (a future time schedules the article).',
        'authors: Name at least one author (each once).',
        'category: Choose a category.',
      ]),
    );
  });

  it('refuses an update earlier than publication', async () => {
    const { errors } = await messages({ ...validArticle, updatedAt: '2026-01-01T00:00:00Z' });
    expect(errors).toContain('updatedAt: The update cannot be earlier than the publication time.');
  });
});

describe('category', () => {
  it('has the market-risk flag on categories', () => {
    const category = schema.get('category') as unknown as { fields: { name: string }[] };
    expect(category.fields.map((f) => f.name)).toContain('riskNotice');
  });
});
