/**
 * The Sanity source against the local lake with the real @sanity/client: listing, one article,
 * drafts hidden in `published`, the drafts perspective with a token, scheduling, faults injected by
 * the lake, and invalid documents named by `_id` and field.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { selectPublished } from '../../src/lib/articles.ts';
import { ContentError } from '../../src/sources/local/files.ts';
import { readSanityArticles } from '../../src/sources/sanity/loader.ts';
import { SourceUnavailableError } from '../../src/sources/sanity/retry.ts';
import type { SanityOptions } from '../../src/sources/sanity/client.ts';
import type { Lake } from '../../scripts/lake/server.ts';
import { startLake } from '../support/lake.ts';
import { loadLocalArticles } from '../support/content.ts';

/** The samples of content/ (the dataset is their copy), newest first. */
const samples = (await loadLocalArticles()).sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime()).map((a) => a.slug);

const TOKEN = 'sk-test-read-token';
let lake: Lake;
let origin: string;
const quiet = () => {};
const options = (extra: Partial<SanityOptions> = {}): SanityOptions => ({
  projectId: 'local',
  dataset: 'production',
  apiHost: origin,
  perspective: 'published',
  timeoutMs: 2_000,
  attempts: 3,
  backoffMs: 10,
  ...extra,
});

async function mutate(mutations: unknown[]) {
  const res = await fetch(`${origin}/v2025-02-19/data/mutate/production`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify({ mutations }),
  });
  expect(res.status).toBe(200);
}

const baseArticle = {
  _type: 'article',
  summary: '测试摘要。',
  body: [{ _type: 'block', _key: 'p1', style: 'normal', markDefs: [], children: [{ _type: 'span', _key: 's1', text: '正文。', marks: [] }] }],
  publishedAt: '2026-01-01T00:00:00Z',
  authors: [{ _type: 'reference', _ref: 'author.tongbao-desk', _key: 'a1' }],
  category: { _type: 'reference', _ref: 'category.news' },
  tags: [],
  sourceLocale: 'zh-Hans',
  origin: 'original',
  riskNotice: false,
};

beforeAll(async () => {
  ({ lake, origin } = await startLake({ token: TOKEN }));
});
afterAll(() => lake.close());
afterEach(() => lake.setFault({ mode: 'none' }));

describe('reading the sample dataset from the lake', () => {
  it('lists every sample article, newest first in the query', async () => {
    const articles = await readSanityArticles(options(), quiet);
    expect(samples.length).toBeGreaterThanOrEqual(12);
    expect(articles.map((a) => a.slug)).toEqual(samples);
  });

  it('maps one article with authors and category resolved, as the local source does', async () => {
    const articles = await readSanityArticles(options(), quiet);
    const report = articles.find((a) => a.slug === 'market-weekly-review')!;
    const photo = `${origin}/images/local/production/[0-9a-f]{40}-400x400\\.png\\?w=400&fit=max&auto=format`;
    expect(report.authors).toEqual([
      {
        slug: 'yunling-research',
        name: '云岭基金研究部',
        nameLocale: 'zh-Hans',
        bio: '云岭基金研究部撰写市场周评和资产配置研究。文中观点仅供参考，不构成投资建议。',
        // The author document's photo through the image URL builder, as the main image (the 400-pixel original is its own largest width).
        photo: {
          src: expect.stringMatching(new RegExp(`^${photo}$`)),
          srcset: expect.stringMatching(new RegExp(`^${photo} 400w$`)),
          width: 400,
          height: 400,
          alt: '云岭基金研究部的标志：绿色圆形上的白色“云”字',
        },
      },
    ]);
    // The correction of the sample, as content/ writes it.
    expect(articles.find((a) => a.slug === 'one-source-two-scripts')!.corrections).toEqual([
      { date: new Date('2026-11-21T01:30:00.000Z'), text: expect.stringMatching(/^本文初版称繁体版在编辑保存稿件时生成，有误/) },
    ]);
    expect(report.category).toEqual({ slug: 'finance', name: '财经', nameLocale: 'zh-Hans', riskNotice: true });
    expect(report.publishedAt.toISOString()).toBe('2026-11-24T08:00:00.000Z');
    expect(Array.isArray(report.body)).toBe(true);
    const desk = articles.find((a) => a.slug === 'one-source-two-scripts')!;
    expect(desk.authors[0]!.names).toEqual({ 'zh-Hant': '通報編輯部' });
    expect(desk.image?.src).toMatch(new RegExp(`^${origin}/images/local/production/[0-9a-f]{40}-1280x480\\.png\\?`));
    expect(desk.image?.alt).toContain('示意图');
    // The lead image's srcset from Sanity's URL builder: 480, 800 and 1200 px (the original is 1280 wide); its size from the asset.
    expect(desk.image?.srcset?.split(', ').map((c) => c.replace(/^.*\?w=(\d+)&.* (\d+w)$/, '$1 $2'))).toEqual(['480 480w', '800 800w', '1200 1200w']);
    expect([desk.image?.width, desk.image?.height]).toEqual([1200, 450]);
  });
});

describe('drafts and scheduling', () => {
  it('hides drafts from the published perspective and shows them with a token in drafts', async () => {
    await mutate([
      { createOrReplace: { ...baseArticle, _id: 'drafts.article.draft-only', title: '草稿', slug: { _type: 'slug', current: 'draft-only' } } },
      { patch: { id: 'article.market-weekly-review', set: {} } },
      {
        createOrReplace: {
          ...baseArticle,
          _id: 'drafts.article.advanced-tech-fair-2023',
          title: '修改中的標題',
          slug: { _type: 'slug', current: 'advanced-tech-fair-2023' },
          sourceLocale: 'zh-Hant',
        },
      },
    ]);
    const published = await readSanityArticles(options(), quiet);
    expect(published.map((a) => a.slug)).not.toContain('draft-only');
    expect(published.find((a) => a.slug === 'advanced-tech-fair-2023')!.title).toBe('2023年先进技术成果交易大会成功举办');

    const drafts = await readSanityArticles(options({ perspective: 'drafts', token: TOKEN }), quiet);
    expect(drafts.map((a) => a.slug)).toContain('draft-only');
    expect(drafts.find((a) => a.slug === 'advanced-tech-fair-2023')!.title).toBe('修改中的標題');
    expect(drafts.filter((a) => a.slug === 'advanced-tech-fair-2023')).toHaveLength(1);
    await mutate([{ delete: { id: 'drafts.article.draft-only' } }, { delete: { id: 'drafts.article.advanced-tech-fair-2023' } }]);
  });

  it('refuses the drafts perspective without the token, naming the variable', async () => {
    await expect(readSanityArticles(options({ perspective: 'drafts' }), quiet)).rejects.toThrow(/HTTP 401[\s\S]*SANITY_READ_TOKEN/);
  });

  it('does not publish an article whose publishedAt is after now', async () => {
    await mutate([
      {
        createOrReplace: {
          ...baseArticle,
          _id: 'article.scheduled',
          title: '定时发布',
          slug: { _type: 'slug', current: 'scheduled' },
          publishedAt: '2030-01-01T00:00:00Z',
        },
      },
    ]);
    const articles = await readSanityArticles(options(), quiet);
    expect(articles.map((a) => a.slug)).toContain('scheduled');
    expect(selectPublished(articles, new Date('2029-12-31T23:59:59Z')).map((a) => a.slug)).not.toContain('scheduled');
    expect(selectPublished(articles, new Date('2030-01-01T00:00:00Z')).map((a) => a.slug)).toContain('scheduled');
    await mutate([{ delete: { id: 'article.scheduled' } }]);
  });
});

describe('names per locale', () => {
  it('reads every locale of an author’s and a category’s names, the Hong Kong form included', async () => {
    const res = await fetch(`${origin}/v2025-02-19/data/doc/production/author.tongbao-desk,category.news`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    const { documents } = (await res.json()) as { documents: Record<string, unknown>[] };
    const [author, category] = documents;
    await mutate([
      { createOrReplace: { ...author, names: { zhHans: '通报编辑部', zhHant: '通報編輯部', zhHantHK: '通報編輯組' } } },
      { createOrReplace: { ...category, names: { zhHant: '要聞', zhHantHK: '要聞（港）' } } },
    ]);
    try {
      const articles = await readSanityArticles(options(), quiet);
      const byDesk = articles.find((a) => a.authors.some((x) => x.slug === 'tongbao-desk') && a.category.slug === 'news')!;
      expect(byDesk.authors.find((x) => x.slug === 'tongbao-desk')!.names).toEqual({
        'zh-Hans': '通报编辑部',
        'zh-Hant': '通報編輯部',
        'zh-Hant-HK': '通報編輯組',
      });
      expect(byDesk.category.names).toEqual({ 'zh-Hant': '要聞', 'zh-Hant-HK': '要聞（港）' });
    } finally {
      await mutate([{ createOrReplace: author }, { createOrReplace: category }]);
    }
  });
});

describe('faults injected by the lake', () => {
  it.each(['500', '502', '503', 'malformed', 'drop', 'timeout'] as const)('recovers from a passing %s with a retry', async (mode) => {
    lake.setFault({ mode, count: 1 });
    lake.requests.length = 0;
    const logs: string[] = [];
    const articles = await readSanityArticles(options({ timeoutMs: 500 }), (l) => logs.push(l));
    expect(articles).toHaveLength(samples.length);
    expect(logs[0]).toMatch(/retrying in \d+ ms \(attempt 2 of 3\)/);
    expect(lake.requests.filter((r) => r.path.includes('/data/query/'))).toHaveLength(4); // failed + retried list, count, site glossary
  });

  it('waits as long as Retry-After says after a 429', async () => {
    lake.setFault({ mode: '429', count: 1, retryAfter: 1 });
    lake.requests.length = 0;
    const articles = await readSanityArticles(options(), quiet);
    expect(articles).toHaveLength(samples.length);
    const [first, second] = lake.requests;
    expect(first!.status).toBe(429);
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(950);
  });

  it.each(['503', 'malformed', 'drop', 'timeout'] as const)(
    'gives up after the bounded attempts on a lasting %s, with a clear error',
    async (mode) => {
      lake.setFault({ mode });
      lake.requests.length = 0;
      const error = await readSanityArticles(options({ timeoutMs: 300 }), quiet).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SourceUnavailableError);
      expect((error as Error).message).toMatch(
        /^\[tongbao\] reading articles from Sanity failed after 3 attempt\(s\); the build stopped so that no article goes missing/,
      );
      expect(lake.requests).toHaveLength(3);
    },
  );
});

describe('invalid documents', () => {
  it('names the _id, the block key and the field of every bad document', async () => {
    await mutate([
      {
        createOrReplace: {
          ...baseArticle,
          _id: 'article.bad-block',
          title: '坏块',
          slug: { _type: 'slug', current: 'bad-block' },
          body: [...baseArticle.body, { _type: 'videoEmbed', _key: 'k42', url: 'https://example.com' }],
        },
      },
      {
        createOrReplace: {
          ...baseArticle,
          _id: 'article.bad-reprint',
          title: '转载',
          slug: { _type: 'slug', current: 'bad-reprint' },
          origin: 'reprint',
        },
      },
      {
        createOrReplace: {
          ...baseArticle,
          _id: 'article.bad-author',
          title: '作者',
          slug: { _type: 'slug', current: 'bad-author' },
          authors: [{ _type: 'reference', _ref: 'author.nobody', _key: 'x' }],
        },
      },
    ]);
    const error = await readSanityArticles(options(), quiet).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentError);
    const message = (error as Error).message;
    expect(message).toContain('[tongbao] Sanity document article.bad-block: invalid article');
    expect(message).toContain('body[_key=="k42"]._type: unknown block type "videoEmbed"');
    expect(message).toContain('[tongbao] Sanity document article.bad-reprint: invalid article\n  - source: a reprint needs source');
    expect(message).toContain(
      '[tongbao] Sanity document article.bad-author: invalid article\n  - authors[0]: refers to author.nobody, which does not exist or is not published',
    );
    await mutate(['bad-block', 'bad-reprint', 'bad-author'].map((s) => ({ delete: { id: `article.${s}` } })));
  });

  it('a field of the wrong shape (checked with zod before mapping) is named with the document, not a crash', async () => {
    await mutate([
      {
        createOrReplace: {
          ...baseArticle,
          _id: 'article.bad-shape',
          title: '形状',
          slug: { _type: 'slug', current: 'bad-shape' },
          glossary: [{ _type: 'glossaryEntry', _key: 'g1', zhHans: 42 }],
          mainImage: { _type: 'image', alt: ['not', 'text'] },
        },
      },
    ]);
    const error = await readSanityArticles(options(), quiet).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentError);
    const message = (error as Error).message;
    expect(message).toContain('[tongbao] Sanity document article.bad-shape: invalid article');
    expect(message).toMatch(/ {2}- glossary\.0\.zhHans: .*expected string/);
    expect(message).toMatch(/ {2}- mainImage\.alt: .*expected string/);
    await mutate([{ delete: { id: 'article.bad-shape' } }]);
  });
});

describe('the article glossary', () => {
  it('maps Sanity glossary entries to term → per-locale forms, keyed by the source script', async () => {
    await mutate([
      {
        createOrReplace: {
          ...baseArticle,
          _id: 'article.glossary-test',
          title: '内存价格',
          slug: { _type: 'slug', current: 'glossary-test' },
          glossary: [{ _type: 'glossaryEntry', _key: 'g1', zhHans: '内存', zhHant: '記憶體' }],
        },
      },
    ]);
    const articles = await readSanityArticles(options(), quiet);
    const article = articles.find((a) => a.slug === 'glossary-test')!;
    expect(article.glossary).toEqual({ 内存: { 'zh-Hans': '内存', 'zh-Hant': '記憶體' } });
    await mutate([{ delete: { id: 'article.glossary-test' } }]);
  });
});
