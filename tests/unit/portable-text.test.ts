/** Portable Text → HTML through the article pipeline: what each block and mark becomes, and what is refused. */
import { describe, expect, it } from 'vitest';
import { renderBody } from '../../src/pipeline/processor.ts';
import { PortableTextError } from '../../src/pipeline/portable-text.ts';
import { converter } from '../../src/zh/convert.ts';

const span = (text: string, marks: string[] = [], key = 's') => ({ _type: 'span', _key: key, text, marks });
const block = (key: string, children: unknown[], extra: Record<string, unknown> = {}) => ({
  _type: 'block',
  _key: key,
  style: 'normal',
  markDefs: [],
  children,
  ...extra,
});
const render = (body: unknown[], to = converter('cn', 'cn')) => renderBody(body as never, { convert: to, disclaimers: [], disclaimerLabel: '声明' });

describe('Portable Text bodies', () => {
  it('renders marks, links, nested lists and quotes like the Markdown path', () => {
    const html = render([
      block('p', [span('粗', ['strong']), span('体', ['strong', 'em']), span('和'), span('链接', ['l1'])], {
        markDefs: [{ _type: 'link', _key: 'l1', href: 'https://example.com/' }],
      }),
      block('a', [span('一')], { listItem: 'bullet', level: 1 }),
      block('b', [span('一之一')], { listItem: 'bullet', level: 2 }),
      block('c', [span('二')], { listItem: 'bullet', level: 1 }),
      block('q', [span('引文')], { style: 'blockquote' }),
      block('h', [span('小标题')], { style: 'h3' }),
    ]);
    expect(html).toBe(
      '<p><strong>粗<em>体</em></strong>和<a href="https://example.com/" rel="noopener noreferrer">链接</a></p>\n' +
        '<ul>\n<li>一\n<ul>\n<li>一之一</li>\n</ul>\n</li>\n<li>二</li>\n</ul>\n' +
        '<blockquote>\n<p>引文</p>\n</blockquote>\n<h3>小标题</h3>',
    );
  });

  it('nests lists by level with @portabletext/toolkit: another type at a deeper level, a skipped level, a new list where the type changes', () => {
    const html = render([
      block('a', [span('一')], { listItem: 'bullet', level: 1 }),
      block('b', [span('甲')], { listItem: 'number', level: 2 }),
      block('c', [span('乙')], { listItem: 'number', level: 2 }),
      block('d', [span('深')], { listItem: 'bullet', level: 4 }),
      block('e', [span('二')], { listItem: 'bullet', level: 1 }),
      block('f', [span('1')], { listItem: 'number', level: 1 }),
    ]);
    expect(html).toBe(
      '<ul>\n<li>一\n<ol>\n<li>甲</li>\n<li>乙\n<ul>\n<li>\n<ul>\n<li>深</li>\n</ul>\n</li>\n</ul>\n</li>\n</ol>\n</li>\n<li>二</li>\n</ul>\n<ol>\n<li>1</li>\n</ol>',
    );
  });

  it("a mark running over several spans is one element (the toolkit's marks tree); soft breaks stay", () => {
    const html = render([
      block('p', [span('甲', ['l', 'strong'], 'a'), span('乙', ['l'], 'b'), span('丙\n丁', ['em'], 'c')], {
        markDefs: [{ _type: 'link', _key: 'l', href: '/x' }],
      }),
    ]);
    expect(html).toBe('<p><a href="/x"><strong>甲</strong>乙</a><em>丙<br>\n丁</em></p>');
  });

  it('renders images as figures with srcset and a converted caption and alt', () => {
    const html = render(
      [
        {
          _type: 'image',
          _key: 'i',
          src: 'https://cdn.example/a.jpg?w=1200',
          srcset: 'https://cdn.example/a.jpg?w=480 480w, https://cdn.example/a.jpg?w=1200 1200w',
          sizes: '100vw',
          width: 1200,
          height: 800,
          alt: '会场',
          caption: '交易大会现场',
        },
      ],
      converter('cn', 'tw'),
    );
    expect(html).toBe(
      '<figure><img src="https://cdn.example/a.jpg?w=1200" alt="會場" srcset="https://cdn.example/a.jpg?w=480 480w, https://cdn.example/a.jpg?w=1200 1200w" sizes="100vw" width="1200" height="800" loading="lazy" decoding="async"><figcaption>交易大會現場</figcaption></figure>',
    );
  });

  it('keeps code as written and sanitizes a javascript: link away', () => {
    const html = render(
      [
        { _type: 'code', _key: 'c', language: 'sh', code: 'echo 简体' },
        block('p', [span('点我', ['x'])], { markDefs: [{ _type: 'link', _key: 'x', href: '/ok' }] }),
      ],
      converter('cn', 'tw'),
    );
    expect(html).toContain('<pre><code class="language-sh">echo 简体\n</code></pre>');
    expect(html).toContain('<a href="/ok">點我</a>');
  });

  it('fails on an unknown block type with its key', () => {
    expect(() => render([block('p', [span('x')]), { _type: 'youtube', _key: 'yt7', url: 'https://example.com' }])).toThrow(PortableTextError);
    expect(() => render([{ _type: 'youtube', _key: 'yt7' }])).toThrow('block _key "yt7": body[_key=="yt7"]._type: unknown block type "youtube"');
  });

  it('fails on an unknown style, mark and a javascript: link, naming each', () => {
    expect(() => render([block('k1', [span('x', ['blink'])], { style: 'h9' })])).toThrow(
      /body\[_key=="k1"\]\.style: unknown block style "h9"[\s\S]*unknown mark "blink"/,
    );
    expect(() => render([block('k2', [span('x', ['l'])], { markDefs: [{ _type: 'link', _key: 'l', href: 'javascript:alert(1)' }] })])).toThrow(
      'body[_key=="k2"].markDefs[_key=="l"].href: a link needs an http(s), mailto: or site-relative href',
    );
  });
});
