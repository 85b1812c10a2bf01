/**
 * A synthetic newsroom corpus for the benchmark: N articles of ~2,000 characters made from the
 * sentences of the sample articles, half written in zh-Hans and half in zh-Hant, with a mix of
 * categories, tags, authors and origins. Deterministic for a given N (seeded).
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locale } from '../../src/model/locale.ts';
import { converter } from '../../src/zh/convert.ts';

/** A small deterministic PRNG (mulberry32), so two runs build the same corpus. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T,
  };
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '涛', '明', '超'];
const CATEGORIES = [
  { slug: 'news', name: '要闻' },
  { slug: 'technology', name: '科技' },
  { slug: 'industry', name: '产业' },
  { slug: 'finance', name: '财经', riskNotice: true },
  { slug: 'policy', name: '政策' },
  { slug: 'society', name: '社会' },
];
const TAGS = [
  '先进技术',
  '成果转化',
  '长三角',
  '苏州',
  '新能源',
  '新材料',
  '数字经济',
  '人工智能',
  '半导体',
  '资本市场',
  '基金',
  '资产配置',
  '高端装备',
  '生物医药',
  '航空航天',
  '科技创新',
  '产业政策',
  '区域发展',
  '国际合作',
  '市场展望',
];

/** Sentences of the sample articles in Simplified script (sources written in Traditional are converted). */
async function sentencePool(sampleDir: string): Promise<string[]> {
  const toHans = converter('tw', 'cn');
  const sentences: string[] = [];
  for (const name of (await readdir(sampleDir)).filter((n) => n.endsWith('.md'))) {
    const text = await readFile(join(sampleDir, name), 'utf8');
    const body = text.replace(/^---\n[\s\S]*?\n---\n/, '');
    const hans = /sourceLocale:\s*zh-Hant/.test(text) ? toHans(body) : body;
    for (const line of hans.split('\n')) {
      // Plain paragraphs only: no headings, list items, tables, code or quotes.
      if (!/^[\p{Script=Han}0-9“（]/u.test(line) || /^\d+\.\s/.test(line)) continue;
      const plain = line.replace(/\*\*|`/g, '');
      for (const s of plain.match(/[^。！？]+[。！？]/gu) ?? []) if (s.length >= 12) sentences.push(s.trim());
    }
  }
  if (sentences.length < 20) throw new Error(`[tongbao] too few sample sentences in ${sampleDir} to build a corpus`);
  return sentences;
}

export interface CorpusArticle {
  slug: string;
  sourceLocale: Locale;
  title: string;
  summary: string;
  body: string;
  publishedAt: string;
}

export interface Corpus {
  dir: string;
  articles: CorpusArticle[];
}

export async function generateCorpus(options: {
  articles: number;
  dir: string;
  sampleDir: string;
  onProgress?: (done: number) => void;
}): Promise<Corpus> {
  const r = rng(20261126 + options.articles);
  const pool = await sentencePool(options.sampleDir);
  const toHant = converter('cn', 'tw');
  await rm(options.dir, { recursive: true, force: true });
  await mkdir(join(options.dir, 'articles'), { recursive: true });

  const authors = Array.from({ length: 24 }, (_, i) => ({
    slug: `author-${String(i + 1).padStart(2, '0')}`,
    name: `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}`,
  }));
  await writeFile(join(options.dir, 'authors.yaml'), authors.map((a) => `- slug: ${a.slug}\n  name: ${a.name}\n`).join(''));
  await writeFile(
    join(options.dir, 'categories.yaml'),
    CATEGORIES.map((c) => `- slug: ${c.slug}\n  name: ${c.name}\n${c.riskNotice ? '  riskNotice: true\n' : ''}`).join(''),
  );

  const start = Date.UTC(2023, 0, 1);
  const span = Date.UTC(2026, 10, 1) - start;
  const out: CorpusArticle[] = [];
  for (let i = 0; i < options.articles; i++) {
    const sourceLocale: Locale = i % 2 === 0 ? 'zh-Hans' : 'zh-Hant';
    const script = sourceLocale === 'zh-Hant' ? toHant : (s: string) => s;
    const paragraphs: string[] = [];
    let length = 0;
    while (length < 2000) {
      const sentences = Array.from({ length: 2 + r.int(3) }, () => r.pick(pool)).join('');
      const paragraph = r.next() < 0.1 ? `**${sentences.slice(0, 12)}**${sentences.slice(12)}` : sentences;
      paragraphs.push(paragraph);
      length += paragraph.length;
      if (paragraphs.length === 3 && r.next() < 0.3) paragraphs.push(`## ${r.pick(TAGS)}`);
    }
    const lead = paragraphs[0] ?? '';
    const title = `${r.pick(TAGS)}：${lead.replace(/\*\*/g, '').slice(0, 16)}（${i + 1}）`;
    const summary = (lead.replace(/\*\*/g, '').match(/^[^。！？]+[。！？]/u)?.[0] ?? lead).slice(0, 120);
    const publishedAt = new Date(start + Math.floor((span * (i + 1)) / (options.articles + 1))).toISOString().replace(/\.\d{3}Z$/, '+00:00');
    const origin = r.next() < 0.5 ? 'original' : r.next() < 0.6 ? 'press-release' : 'reprint';
    const tags = [...new Set([r.pick(TAGS), r.pick(TAGS), r.pick(TAGS)])];
    const slug = `bench-${String(i + 1).padStart(6, '0')}`;
    const article: CorpusArticle = {
      slug,
      sourceLocale,
      title: script(title),
      summary: script(summary),
      body: script(paragraphs.join('\n\n')),
      publishedAt,
    };
    const frontMatter = [
      `title: ${JSON.stringify(article.title)}`,
      `summary: ${JSON.stringify(article.summary)}`,
      `publishedAt: ${publishedAt}`,
      `authors: [${r.pick(authors).slug}]`,
      `category: ${r.pick(CATEGORIES).slug}`,
      `tags: ${JSON.stringify(tags.map(script))}`,
      `sourceLocale: ${sourceLocale}`,
      `origin: ${origin}`,
      ...(origin === 'reprint' ? [`source: { name: "示例日报", url: "https://example.com/news/${i + 1}" }`] : []),
    ];
    await writeFile(join(options.dir, 'articles', `${slug}.md`), `---\n${frontMatter.join('\n')}\n---\n\n${article.body}\n`);
    out.push(article);
    if ((i + 1) % 1000 === 0 || i + 1 === options.articles) options.onProgress?.(i + 1);
  }
  return { dir: options.dir, articles: out };
}
