/**
 * Plain-text fields in every feed format (point 1 of issue 14) and the structured-data details
 * (point 5): pure functions over an Article, read back with real parsers.
 */
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { renderFeed, textAsHtml } from '../../src/lib/feeds/index.ts';
import { localize } from '../../src/lib/localize.ts';
import { cropSize, LD_CROPS, newsArticleLd } from '../../src/lib/seo.ts';
import { absoluteUrl, paths } from '../../src/lib/urls.ts';
import { xmlWellFormedness } from '../../src/lib/verify/output.ts';
import { ArticleSchema, type Article } from '../../src/model/article.ts';

const hostile = '<img src=x onerror=alert(1)> & "引号" \'单\' ]]> </title>';
const article: Article = ArticleSchema.parse({
  slug: 'a',
  title: `标题 ${hostile}`,
  summary: `摘要 ${hostile}`,
  body: '正文。',
  publishedAt: '2026-11-20T10:00:00+08:00',
  authors: [{ slug: 'desk', name: `编辑部 ${hostile}` }],
  category: { slug: 'tech', name: `科技 ${hostile}` },
  tags: [`标签 ${hostile}`],
  sourceLocale: 'zh-Hans',
  origin: 'original',
  image: { src: '/images/x.png', alt: `图 ${hostile}` },
});

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  processEntities: true,
  htmlEntities: false,
  parseTagValue: false,
  trimValues: true,
  isArray: (n) => n === 'item' || n === 'entry',
});

describe('plain-text fields are text in every feed format', () => {
  it('textAsHtml escapes exactly what HTML needs', () => {
    expect(textAsHtml(`a<b>&"c"'d'`)).toBe('a&lt;b&gt;&amp;&quot;c&quot;&#39;d&#39;');
    expect(textAsHtml('中文 ✓')).toBe('中文 ✓');
  });

  it('RSS: title and description are HTML that shows the text (no markup), categories and creator are text', () => {
    const text = renderFeed('rss', { kind: 'locale', locale: 'zh-Hans' }, [article]);
    expect(xmlWellFormedness(text)).toBeUndefined();
    const channel = (xml.parse(text) as { rss: { channel: { title: string; item: { title: string; description: string; 'dc:creator': string }[] } } })
      .rss.channel;
    const item = channel.item[0]!;
    // As the page shows them (typography applied), escaped once more for HTML.
    const shown = localize(article, 'zh-Hans');
    expect(item.title).toBe(textAsHtml(shown.title));
    expect(item.description).toBe(textAsHtml(shown.summary));
    expect(item.title).toContain('&lt;img src=x onerror=alert(1)&gt; &amp;');
    expect(item.title).not.toMatch(/[<>]/);
    expect(item['dc:creator']).toBe(article.authors[0]!.name);
  });

  it('Atom: xml:lang on the feed; titles, subtitle and summaries are type="text"; content is html', () => {
    const text = renderFeed('atom', { kind: 'category', locale: 'zh-Hant', slug: 'tech' }, [article]);
    expect(xmlWellFormedness(text)).toBeUndefined();
    type Text = Record<string, string>;
    const feed = (
      xml.parse(text) as { feed: { '@xml:lang': string; title: Text; subtitle: Text; entry: { title: Text; summary: Text; content: Text }[] } }
    ).feed;
    expect(feed['@xml:lang']).toBe('zh-tw');
    expect(feed.title['@type']).toBe('text');
    expect(feed.subtitle['@type']).toBe('text');
    const entry = feed.entry[0]!;
    expect([entry.title['@type'], entry.summary['@type'], entry.content['@type']]).toEqual(['text', 'text', 'html']);
    expect(entry.summary['#text']).toContain('<img src=x onerror=alert(1)>');
  });

  it('JSON Feed: title and summary are the plain text', () => {
    const feed = JSON.parse(renderFeed('json', { kind: 'locale', locale: 'zh-Hans' }, [article])) as { items: { title: string; summary: string }[] };
    const shown = localize(article, 'zh-Hans');
    expect(feed.items[0]).toMatchObject({ title: shown.title, summary: shown.summary });
    expect(feed.items[0]!.title).toContain('<img src=x onerror=alert(1)> &');
  });
});

describe('NewsArticle structured data', () => {
  it('crop sizes: the largest box of each ratio inside the original, at most 1200 wide, never upscaled', () => {
    expect(LD_CROPS.map((c) => c.ratio)).toEqual(['16:9', '4:3', '1:1']);
    expect(LD_CROPS.map((c) => cropSize(4000, 3000, c))).toEqual([
      { width: 1200, height: 675 },
      { width: 1200, height: 900 },
      { width: 1200, height: 1200 },
    ]);
    expect(LD_CROPS.map((c) => cropSize(1280, 480, c))).toEqual([
      { width: 853, height: 480 },
      { width: 640, height: 480 },
      { width: 480, height: 480 },
    ]);
    expect(LD_CROPS.map((c) => cropSize(600, 2000, c))).toEqual([
      { width: 600, height: 338 },
      { width: 600, height: 450 },
      { width: 600, height: 600 },
    ]);
  });

  it('offers the 16:9, 4:3 and 1:1 crops as ImageObjects with numeric sizes, then the share card', () => {
    const crops = [
      { url: 'https://x.example/a-16x9.webp', width: 1200, height: 675 },
      { url: 'https://x.example/a-4x3.webp', width: 1200, height: 900 },
      { url: 'https://x.example/a-1x1.webp', width: 1200, height: 1200 },
    ];
    const ld = newsArticleLd(article, 'zh-Hans', true, crops) as unknown as {
      image: unknown[];
      publisher: { logo: { width: unknown; height: unknown } };
    };
    expect(ld.image).toEqual([...crops.map((c) => ({ '@type': 'ImageObject', ...c })), absoluteUrl(paths.shareImage('zh-Hans', 'a'))]);
    // Without crops (an SVG, an image elsewhere): the share card and the original as they are.
    expect((newsArticleLd(article, 'zh-Hans') as unknown as { image: unknown[] }).image).toEqual([
      absoluteUrl(paths.shareImage('zh-Hans', 'a')),
      absoluteUrl('/images/x.png'),
    ]);
  });

  it('gives publisher.logo width and height as numbers', () => {
    const logo = (newsArticleLd(article, 'zh-Hans') as unknown as { publisher: { logo: { width: unknown; height: unknown } } }).publisher.logo;
    expect(typeof logo.width).toBe('number');
    expect(typeof logo.height).toBe('number');
    expect(JSON.stringify(logo)).toMatch(/"width":\d+,"height":\d+/);
  });
});
