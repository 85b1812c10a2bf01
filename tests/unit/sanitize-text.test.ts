/**
 * What sanitizing may not do silently: take the editor's text with it (lostText), or keep an unsafe
 * URL in a srcset candidate (sanitize-urls.ts). Through the real pipeline (parseBody).
 */
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { parseBody } from '../../src/pipeline/processor.ts';
import { lostText, lostTextPortableText, sanitizeReport } from '../../src/pipeline/sanitize-report.ts';
import { hasAllowedProtocol, safeSrcset, srcsetCandidates } from '../../src/pipeline/sanitize-urls.ts';

describe('text lost to sanitizing', () => {
  it.each([
    ['an unclosed inline <math>', '第一段。\n\n行内 <math> 之后的文字。\n\n后文。', 3, '<math>', '之后的文字。'],
    ['an unclosed <svg> in a list', '- 一\n- 二 <svg> 三\n- 四', 2, '<svg>', '三'],
    ['SVG text', '正文。\n\n<svg><text>图表说明</text></svg>', 3, '<svg>', '图表说明'],
    ['an unclosed <title> (raw text to the end)', '前文。\n\n<title>标题\n\n正文全部。', 3, '<title>', '标题正文全部。'],
    ['a <textarea>', '<textarea>留言</textarea>', 1, '<textarea>', '留言'],
    [
      'an unclosed <script> block (the next paragraphs become script)',
      '前文。\n\n<SCRIPT SRC=https://x.example/x.js?< B >\n\n结束段落。',
      3,
      '<script>',
      '结束段落。',
    ],
    [
      'an unclosed <plaintext> (every block after it shown as raw markup)',
      '第一段。\n\n<plaintext>\n\n第二段。\n\n第三段。',
      3,
      '<plaintext>',
      '第二段。第三段。',
    ],
  ])('%s: named with its line', (_what, md, line, element, text) => {
    const [lost] = lostText(md);
    expect(lost).toMatchObject({ line, element, text });
    // The pipeline would indeed publish the body without it (or, for <plaintext>, without its paragraphs).
    const html = toHtml(parseBody(md));
    if (element === '<plaintext>') expect(html).not.toContain('<p>第二段。</p>');
    else expect(html).not.toContain(text.slice(0, 2));
  });

  it.each([
    ['plain Markdown', '第一段。\n\n**粗体** [链接](https://example.com/)'],
    ['script and style content (code, not text)', '正文<script>alert(1)</script><style>p{}</style>。'],
    ['noscript (markup for readers without scripts)', '<noscript>请启用脚本</noscript>正文'],
    ['unknown elements (unwrapped: their text stays)', '<custom-tag>自定义</custom-tag><font color=red>红</font>'],
    ['closed foreign content without text', '<svg onload=alert(1)><circle r=1 /></svg>正文'],
    ['a block-level <svg> left open (a paragraph ends foreign content)', '第一段。\n\n<svg>\n\n第二段。'],
    ['a closed inline <script>, and <script> as code', '行内 <script>alert(1)</script> 文字。\n\n`<script>` 与\n\n```html\n<style>\n```'],
  ])('%s: nothing lost', (_what, md) => {
    expect(lostText(md)).toEqual([]);
  });

  it('Portable Text: its text is text, never markup, so nothing is lost however hostile', () => {
    const span = (key: string, text: string) => ({
      _type: 'block',
      _key: key,
      style: 'normal',
      markDefs: [],
      children: [{ _type: 'span', _key: 's1', text, marks: [] }],
    });
    expect(lostTextPortableText([span('b1', '<math> 之后'), span('b2', '<svg><text>x</text></svg>'), span('b3', '<title>t')])).toEqual([]);
  });
});

describe('srcset: every candidate checked against the allowed protocols', () => {
  it('splits candidates as the HTML standard does (commas inside a URL belong to it)', () => {
    expect(srcsetCandidates(' a.png 1x,b.png  2x , data:image/png;base64,AA,BB 3x,c.png,')).toEqual([
      { url: 'a.png', descriptor: '1x' },
      { url: 'b.png', descriptor: '2x' },
      { url: 'data:image/png;base64,AA,BB', descriptor: '3x' },
      { url: 'c.png', descriptor: '' },
    ]);
  });

  it('uses the sanitizer’s rule: relative URLs pass, other schemes need to be listed (case and all)', () => {
    for (const url of ['a.png', '/a.png', 'https://x/a.png', 'http://x/a.png', '?a:b', '#x:y', 'a/b:c'])
      expect(hasAllowedProtocol(url, ['http', 'https'])).toBe(true);
    for (const url of ['javascript:alert(1)', 'JavaScript:alert(1)', 'data:image/svg+xml,x', 'vbscript:x', ' javascript:x', 'java\tscript:x']) {
      expect(hasAllowedProtocol(url, ['http', 'https'])).toBe(false);
    }
  });

  it('drops the unsafe candidates, keeps the others, removes an attribute left empty', () => {
    expect(safeSrcset('https://x/a.png 1x, javascript:alert(1) 2x')).toEqual({ value: 'https://x/a.png 1x', dropped: ['javascript:alert(1)'] });
    expect(safeSrcset('javascript:alert(1)')).toEqual({ value: undefined, dropped: ['javascript:alert(1)'] });
    expect(safeSrcset('a.png 480w, b.png 800w')).toEqual({ value: 'a.png 480w, b.png 800w', dropped: [] });
  });

  it('through the pipeline: the published img has no javascript: candidate; the report names it with its line', () => {
    const md = '第一段。\n\n<img src="https://x/a.png" alt="图" srcset="https://x/a.png 1x, javascript:alert(1) 2x, https://x/b.png 3x">';
    const html = toHtml(parseBody(md));
    expect(html).toContain('srcset="https://x/a.png 1x, https://x/b.png 3x"');
    expect(html).not.toMatch(/javascript/i);
    expect(sanitizeReport(md)).toEqual([{ line: 3, what: 'srcset candidate "javascript:alert(1)" on <img>' }]);
    expect(toHtml(parseBody('<img src="a.png" alt="x" srcset="javascript:alert(1) 2x">'))).toBe('<img src="a.png" alt="x">');
  });

  it('action and itemtype are checked too (allowed on every element by GitHub’s schema)', () => {
    expect(toHtml(parseBody('<p action="javascript:alert(1)" title="t">x</p>'))).toBe('<p title="t">x</p>');
    expect(toHtml(parseBody('<div itemscope itemtype="javascript:alert(1)">x</div>'))).not.toMatch(/javascript/);
  });
});
