/** rel="noopener noreferrer" on external links of bodies and disclaimers (src/pipeline/external-links.ts). */
import { describe, expect, it } from 'vitest';
import { parseBody, renderTree } from '../../src/pipeline/processor.ts';
import { isExternalHref } from '../../src/pipeline/external-links.ts';

const render = (md: string) => renderTree(parseBody(md), { convert: (s) => s, disclaimers: [], disclaimerLabel: '声明' });

describe('external links', () => {
  it('tells external from internal hrefs', () => {
    expect(['https://a.example/', 'http://a.example', '//a.example/x', ' HTTPS://A.example'].map(isExternalHref)).toEqual([true, true, true, true]);
    expect(['/zh-hans/', '#top', 'mailto:x@a.example', 'page/'].map(isExternalHref)).toEqual([false, false, false, false]);
  });

  it('marks external links in Markdown and raw HTML, once, keeping other rel values; leaves internal ones', () => {
    expect(render('[外](https://a.example/x) [内](/zh-hans/) [锚](#a)')).toBe(
      '<p><a href="https://a.example/x" rel="noopener noreferrer">外</a> <a href="/zh-hans/">内</a> <a href="#a">锚</a></p>',
    );
    expect(render('<a href="//b.example/" rel="noopener">b</a>')).toBe('<p><a href="//b.example/" rel="noopener noreferrer">b</a></p>');
  });

  it('marks the source link of a reprint disclaimer', () => {
    const html = renderTree(parseBody('正文'), {
      convert: (s) => s,
      disclaimerLabel: '声明',
      disclaimers: [{ kind: 'reprint', text: '转载', sourceLabel: '来源：', source: { name: '某报', url: 'https://news.example/1' } }] as never,
    });
    expect(html).toContain('<a href="https://news.example/1" rel="noopener noreferrer">某报</a>');
  });
});
