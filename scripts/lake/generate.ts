/**
 * Generated Sanity documents for the lake's tests and measurements: N articles in the dataset's shape
 * (slug, category and author references, Portable Text body, tags), a few drafts of them and drafts
 * with no published document, plus the authors and categories they point at. Deterministic for a seed.
 * (The benchmark's Markdown corpus is scripts/bench/corpus.ts; this is the same idea, as documents.)
 */
import type { Doc } from './index.ts';

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const GENERATED_CATEGORIES = ['news', 'technology', 'industry', 'finance', 'policy', 'society'];
const TAGS = ['先进技术', '长三角', '新能源', '数字经济', '人工智能', '半导体', '资本市场', '生物医药'];

export const generatedSlug = (i: number) => `gen-${String(i + 1).padStart(6, '0')}`;

export function generateDocs(articles: number, seed = 15): Doc[] {
  const next = rng(seed);
  const int = (n: number) => Math.floor(next() * n);
  const docs: Doc[] = [];
  for (let i = 0; i < 24; i++) {
    docs.push({ _id: `author.a${i}`, _type: 'author', name: `作者${i}`, slug: { _type: 'slug', current: `a${i}` }, nameLocale: 'zh-Hans' });
  }
  for (const c of GENERATED_CATEGORIES)
    docs.push({
      _id: `category.${c}`,
      _type: 'category',
      name: c,
      slug: { _type: 'slug', current: c },
      nameLocale: 'zh-Hans',
      riskNotice: c === 'finance',
    });
  const start = Date.UTC(2023, 0, 1);
  for (let i = 0; i < articles; i++) {
    const slug = generatedSlug(i);
    const doc: Doc = {
      _id: `article.${slug}`,
      _type: 'article',
      title: `${TAGS[int(TAGS.length)]}：第${i + 1}篇`,
      slug: { _type: 'slug', current: slug },
      summary: `摘要${i + 1}`,
      body: [
        { _type: 'block', _key: 'b0', style: 'normal', markDefs: [], children: [{ _type: 'span', _key: 's0', text: `正文${i + 1}。`, marks: [] }] },
      ],
      publishedAt: new Date(start + i * 3_600_000).toISOString(),
      authors: [{ _type: 'reference', _ref: `author.a${int(24)}`, _key: 'a0' }],
      category: { _type: 'reference', _ref: `category.${GENERATED_CATEGORIES[int(GENERATED_CATEGORIES.length)]}` },
      tags: [TAGS[int(TAGS.length)]!, TAGS[int(TAGS.length)]!],
      sourceLocale: i % 2 ? 'zh-Hant' : 'zh-Hans',
      origin: 'original',
      riskNotice: false,
    };
    docs.push(doc);
    // One in 50 has a draft with a changed title and slug; one in 200 exists only as a draft.
    if (i % 50 === 7)
      docs.push({ ...doc, _id: `drafts.${doc._id}`, title: `草稿：${String(doc.title)}`, slug: { _type: 'slug', current: `${slug}-draft` } });
  }
  for (let i = 0; i < Math.ceil(articles / 200); i++) {
    const slug = `gen-draft-only-${i}`;
    docs.push({
      _id: `drafts.article.${slug}`,
      _type: 'article',
      title: `仅草稿${i}`,
      slug: { _type: 'slug', current: slug },
      publishedAt: new Date(start).toISOString(),
    });
  }
  // A document whose slug is a number, so "1" and 1 stay apart.
  docs.push({ _id: 'odd.numeric-slug', _type: 'odd', slug: { current: 1 } });
  return docs;
}
