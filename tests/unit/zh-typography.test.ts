/** Chinese typography (src/zh/typography.ts): what changes in Chinese text, and what is left alone. */
import { describe, expect, test } from 'vitest';
import { site } from '../../src/config/site.ts';
import { fullWidthPunctuation, typeset } from '../../src/zh/typography.ts';

const hans = (s: string) => typeset(s, site.typography.quotes['zh-Hans']);
const hant = (s: string) => typeset(s, site.typography.quotes['zh-Hant']);

describe('half-width punctuation in Chinese text becomes full-width', () => {
  test.each([
    ['会议召开, 人数众多', '会议召开，人数众多'],
    ['时间: 上午', '时间：上午'],
    ['第一; 第二', '第一；第二'],
    ['好!', '好！'],
    ['真的吗?', '真的吗？'],
    ['他说 OK, 我们走', '他说 OK，我们走'],
  ])('%s → %s', (input, expected) => expect(hans(input)).toBe(expected));
});

describe('left alone', () => {
  test.each([
    ['numbers', '人数达1,000人，时间10:30'],
    ['Latin text', 'Hello, world: yes! Why?'],
    ['a URL', '详见 https://example.com/a?b=1,c:2;d!'],
    ['an e-mail address', '来信 a.b@example.com'],
    ['a list of Latin words', '使用 Python, Java 等语言'],
    ['parentheses around Latin or numbers', '年度 (FY2023) 与 (2023)'],
    ['an apostrophe', 'don’t 说'],
    ['quotes around Latin text', '他说 "OK" 了'],
  ])('%s', (_what, text) => {
    expect(hans(text)).toBe(text);
    expect(hant(text)).toBe(text);
  });
});

describe('parentheses and quotes', () => {
  test('parentheses enclosing Chinese become full-width, spaces outside them go', () => {
    expect(hans('报告 (草案) 显示')).toBe('报告（草案）显示');
  });
  test('quotes follow the locale, nested ones too, from any input style', () => {
    for (const input of ['他说:"我们‘不’预测"', '他说：“我们‘不’预测”', '他说：「我们『不』预测」']) {
      expect(hans(input)).toBe('他说：“我们‘不’预测”');
      expect(hant(input)).toBe('他说：「我们『不』预测」');
    }
  });
  test('a quote opened and closed in different text nodes (joined with NUL) still pairs; NULs are kept', () => {
    expect(hant('他说：“我们\u0000不预测\u0000”。')).toBe('他说：「我们\u0000不预测\u0000」。');
  });
  test('the quotes are configuration', () => {
    expect(typeset('他说“好”', { open: '《', close: '》', openInner: '〈', closeInner: '〉' })).toBe('他说《好》');
  });
});

describe('the punctuation rules alone (what the importer writes into a draft)', () => {
  const text = '报告 (草案) 显示, 会议召开; 详见 https://example.com/a?b=1,c:2 好!';
  test('give the same punctuation as typeset, and each edit at its place in the input', () => {
    const { text: out, edits } = fullWidthPunctuation(text);
    expect(out).toBe('报告（草案）显示，会议召开；详见 https://example.com/a?b=1,c:2 好！');
    expect(out).toBe(hans(text));
    expect(edits.map((e) => e.from)).toEqual([' (草案) ', ', ', '; ', '!']);
    for (const e of edits) expect(text.slice(e.at, e.at + e.from.length)).toBe(e.from);
  });
  test('keep() leaves a mark as it is', () => {
    expect(fullWidthPunctuation('中?文, 好', (s, i) => s[i] === '?').text).toBe('中?文，好');
  });
});
