/** The rule against control characters, noncharacters and lone surrogates (src/model/text-rules.ts). */
import { describe, expect, it } from 'vitest';
import { describeForbidden, findForbiddenCharacters, forbiddenCharacterIssues } from '../../src/model/text-rules.ts';

describe('forbidden characters', () => {
  it.each([
    ['\u0000', 'control character'],
    ['\u0001', 'control character'],
    ['\u0008', 'control character'],
    ['\u000B', 'control character'],
    ['\u000C', 'control character'],
    ['\u000E', 'control character'],
    ['\u001F', 'control character'],
    ['\u007F', 'control character'],
    ['\u0085', 'control character'],
    ['\u009F', 'control character'],
    ['\uFDD0', 'noncharacter'],
    ['\uFFFE', 'noncharacter'],
    ['\uFFFF', 'noncharacter'],
    ['\u{10FFFF}', 'noncharacter'],
    ['\uD800', 'lone surrogate'],
    ['\uDFFF', 'lone surrogate'],
  ])('finds %j (%s)', (ch, kind) => {
    expect(findForbiddenCharacters(`中${ch}文`)).toEqual([expect.objectContaining({ kind, offset: 1, line: 1, column: 2 })]);
  });

  it('lets through tab, line feed, carriage return, paired surrogates and every other character', () => {
    expect(findForbiddenCharacters('a\tb\nc\r\n😀 é 中文 \u00A0 \u200B \uFEFF \uFFFD \u3000')).toEqual([]);
  });

  it('says where: line and column in a body (as a line of the file with firstLine), character offset in a field', () => {
    const hits = findForbiddenCharacters('第一行\n😀第\u0002行\u0003');
    expect(hits.map((h) => [h.codePoint, h.line, h.column, h.offset])).toEqual([
      ['U+0002', 2, 3, 6],
      ['U+0003', 2, 5, 8],
    ]);
    expect(describeForbidden(hits, true)).toMatch(/^U\+0002 \(control character\) at line 2, column 3 \(and 1 more\); /);
    expect(describeForbidden(hits, true, 11)).toMatch(/^U\+0002 \(control character\) at line 12, column 3 of the file/);
    expect(describeForbidden(hits, false)).toMatch(/^U\+0002 \(control character\) at character 7 /);
  });

  it('walks every string of an article: fields, lists, names, Portable Text blocks by key, and object keys', () => {
    const issues = forbiddenCharacterIssues({
      title: 'ok',
      tags: ['a', 'b\u0001'],
      authors: [{ name: '张\u0002三' }],
      publishedAt: new Date(0),
      body: [{ _key: 'p1', _type: 'block', children: [{ _key: 's1', text: '正\uFFFF文' }] }],
      glossary: { 'term\u0003': { 'zh-Hant': 'x' } },
    });
    expect(issues.map((i) => [i.path.join('.'), i.field])).toEqual([
      ['tags.1', 'tags[1]'],
      ['authors.0.name', 'authors[0].name'],
      ['body.0.children.0.text', 'body[_key=="p1"].children[_key=="s1"].text'],
      ['glossary.term\u0003', 'glossary.term\u0003'],
    ]);
    expect(issues[2]?.message).toMatch(/U\+FFFF \(noncharacter\) at character 2; .* \(in _key "p1" › _key "s1"\)$/);
    expect(forbiddenCharacterIssues({ body: '一\n二\u0004' })[0]?.message).toMatch(/at line 2, column 2;/);
  });
});
