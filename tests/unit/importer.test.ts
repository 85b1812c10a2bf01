/**
 * The importer's cleaning steps against their fixtures (tests/fixtures/import/<step>/: *.in.txt → *.out.txt,
 * including text that must not change), and the seed page → the sample article, byte for byte.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { removePinyin } from '../../src/importer/pinyin.ts';
import { repairMojibake, decodeLossy } from '../../src/importer/mojibake.ts';
import { liftFurniture } from '../../src/importer/furniture.ts';
import { removeStraySpaces } from '../../src/importer/spaces.ts';
import { fullWidthPunctuation } from '../../src/importer/punctuation.ts';
import { detectScript } from '../../src/zh/script.ts';
import { importText } from '../../src/importer/index.ts';
import { findMojibake } from '../../src/model/mojibake.ts';
import { ImportError } from '../../src/importer/errors.ts';
import { extractHtml } from '../../src/importer/input.ts';
import { projectRoot } from '../support/build.ts';
import iconv from 'iconv-lite';
import { parse } from 'yaml';

const FIXTURES = join(projectRoot, 'tests', 'fixtures', 'import');
const SEED = join(FIXTURES, '000_c91d604a664099de.txt');
const SEED_FIX = '勇擔第一方陣的使命,全力';
const read = (...p: string[]) => readFileSync(join(FIXTURES, ...p), 'utf8');
const cases = (step: string) =>
  readdirSync(join(FIXTURES, step))
    .filter((f) => f.endsWith('.in.txt'))
    .map((f) => f.replace(/\.in\.txt$/, ''));

const STEPS: Record<string, (text: string) => string> = {
  pinyin: (t) => removePinyin(t).text,
  spaces: (t) => removeStraySpaces(t).text,
  punctuation: (t) => fullWidthPunctuation(t).text,
  script: (t) => `${detectScript(t).script}\n`,
};

for (const [step, run] of Object.entries(STEPS)) {
  describe(`step ${step}`, () => {
    it.each(cases(step))('%s', (name) => {
      expect(run(read(step, `${name}.in.txt`))).toBe(read(step, `${name}.out.txt`));
    });
  });
}

describe('step mojibake', () => {
  it.each(cases('mojibake'))('%s', (name) => {
    const fix = existsSync(join(FIXTURES, 'mojibake', `${name}.fix.txt`)) ? [read('mojibake', `${name}.fix.txt`).trim()] : [];
    const result = repairMojibake(read('mojibake', `${name}.in.txt`), fix);
    expect(result.text).toBe(read('mojibake', `${name}.out.txt`));
    expect(result.unresolvedFixes).toEqual([]);
    const flags = existsSync(join(FIXTURES, 'mojibake', `${name}.flags.txt`)) ? Number(read('mojibake', `${name}.flags.txt`)) : 0;
    expect(result.changes.filter((c) => c.kind === 'mojibake-flag')).toHaveLength(flags);
  });

  it('flags the seed run with its position and the one-byte realignment as a hint', () => {
    const text = readFileSync(SEED, 'utf8');
    const { changes } = repairMojibake(text);
    expect(changes).toHaveLength(1);
    const flag = changes[0]!;
    expect(flag.kind).toBe('mojibake-flag');
    expect(text.slice(flag.at, flag.at + flag.from.length)).toBe('?lián)\uE304谝环疥嚨氖姑?');
    expect(flag.line).toBe(13);
    expect(flag.note).toContain('?第一方陣的使? (the lost bytes fit 103 first and 190 last characters)');
  });

  it('repairs with a proposal only when re-encoding reproduces the run', () => {
    const text = readFileSync(SEED, 'utf8');
    const ok = repairMojibake(text, [SEED_FIX]);
    expect(ok.changes).toMatchObject([{ kind: 'mojibake', from: '勇?lián)\uE304谝环疥嚨氖姑?全力', to: SEED_FIX }]);
    expect(ok.changes[0]!.note).toMatch(/GBK bytes with a stray "\(lián\)"/);
    // One character off: 勇擔 → 勇敢 cannot have produced these bytes.
    const wrong = repairMojibake(text, ['勇敢第一方陣的使命,全力']);
    expect(wrong.unresolvedFixes).toEqual(['勇敢第一方陣的使命,全力']);
    expect(wrong.text).toBe(text);
    expect(wrong.changes.map((c) => c.kind)).toEqual(['mojibake-flag']);
  });

  it('finds nothing in clean text: the sample articles', () => {
    const dir = join(projectRoot, 'content', 'articles');
    for (const f of readdirSync(dir)) expect(repairMojibake(readFileSync(join(dir, f), 'utf8')).changes, f).toEqual([]);
  });

  it('decodes like the broken page: an invalid pair is one ? and both bytes are lost', () => {
    expect(decodeLossy(Buffer.from([0x93, 0x28, 0xc8, 0xab]), 'gbk')).toBe('?全');
    expect(decodeLossy(iconv.encode('使命', 'gbk'), 'gbk')).toBe('使命');
  });
});

describe('step furniture', () => {
  const names = readdirSync(join(FIXTURES, 'furniture'))
    .filter((f) => f.endsWith('.body.txt'))
    .map((f) => f.replace(/\.body\.txt$/, ''));
  it.each(names)('%s', (name) => {
    const { body, fields } = liftFurniture(read('furniture', `${name}.in.txt`));
    expect(body).toBe(read('furniture', `${name}.body.txt`));
    expect(fields).toEqual(JSON.parse(read('furniture', `${name}.fields.json`)));
  });
  it('no title → an ImportError naming the field', () => {
    expect(() => liftFurniture(read('furniture', 'no-title.in.txt'))).toThrow(ImportError);
    expect(() => liftFurniture(read('furniture', 'no-title.in.txt'))).toThrow(read('furniture', 'no-title.error.txt').trim());
  });
});

describe('the seed page → the sample article', () => {
  const sample = readFileSync(join(projectRoot, 'content', 'articles', 'advanced-tech-fair-2023.md'), 'utf8');
  const [, frontMatter, sampleBody] = /^---\n([\s\S]*?)\n---\n\n([\s\S]*)$/.exec(sample)!;
  const { draft, report } = importText(readFileSync(SEED, 'utf8'), { fixes: [SEED_FIX] });

  it('gives the body byte for byte', () => {
    expect(Buffer.from(draft.body)).toEqual(Buffer.from(sampleBody!));
  });

  it('gives the fields; they differ only where an editor adds what no page says', () => {
    const fields = parse(frontMatter!) as Record<string, unknown>;
    expect(draft.title).toBe(fields.title);
    expect(draft.sourceLocale).toBe(fields.sourceLocale);
    expect(draft.source).toEqual(fields.source);
    expect(draft.author).toBe('陳晨');
    expect(draft.caption).toBe(fields.title);
    expect(draft.summary).toBe(fields.summary);
    expect(draft.disclaimers).toHaveLength(1);
  });

  it('reports each kind of change with counts and positions', () => {
    expect(report.counts).toEqual({ mojibake: 1, pinyin: 150, furniture: 7, punctuation: 50 });
    expect(report.flags).toEqual([]);
    for (const c of report.changes) expect(c.at).toBeGreaterThanOrEqual(0);
    const furniture = report.changes.filter((c) => c.kind === 'furniture').map((c) => c.note);
    expect(furniture).toEqual([
      'title',
      'truncated lead repeating the first paragraph',
      'image caption repeating the title → caption',
      'site disclaimer (Tongbao adds its own)',
      'attribution → source.author, source.url',
      'byline',
      'related links heading',
    ]);
  });

  it('recognises a machine-converted reprint and writes the recovered Simplified original (issue 16)', () => {
    // The page: Traditional, with the Simplified-only 并 a character-by-character converter left.
    expect(report.script.simplifiedOnly).toBe(1);
    expect(report.machineConverted?.traces).toEqual([{ char: '并', context: '路寶出席峰會【并】致辭。國家國' }]);
    // What OpenCC's phrase conversion writes instead of the page's forms.
    expect(report.machineConverted?.corrections.map((c) => `${c.from}→${c.to}`)).toEqual([
      '并→並',
      '范→範',
      '于→於',
      '布→佈',
      '采→採',
      '制→製',
      '簽→籤',
      '于→於',
    ]);
    expect(draft.sourceLocale).toBe('zh-Hans');
    expect(draft.body).toContain('出席峰会并致辞');
    expect(draft.body).toContain('做示范');
    expect(draft.title).toBe('2023年先进技术成果交易大会成功举办');
    expect(draft.source?.author).toBe('陈晨');
    // The page's name, to find the author by.
    expect(draft.author).toBe('陳晨');
  });

  it('does not take genuine Traditional text for a machine conversion', () => {
    const page = readFileSync(SEED, 'utf8').replace('峰會并致辭', '峰會並致辭');
    const result = importText(page, { fixes: [SEED_FIX] });
    expect(result.report.machineConverted).toBeUndefined();
    expect(result.draft.sourceLocale).toBe('zh-Hant');
    expect(result.draft.body).toContain('出席峰會並致辭');
  });

  it('keeps the legitimate parentheticals', () => {
    expect(draft.body).toContain('（以下简称“交易大会”）');
    expect(draft.body).toContain('（以下简称“峰会”）');
    expect(draft.body).not.toMatch(/[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+[)）]/u);
  });

  it('the same page saved as HTML gives the same body', () => {
    const paragraphs = readFileSync(SEED, 'utf8')
      .trim()
      .split(/\n\s*\n/);
    const html = `<!doctype html><html><head><title>${paragraphs[0]}</title></head><body><nav><a href="/">首頁</a> <a href="/news">新聞</a></nav><article><h1>${paragraphs[0]}</h1>${paragraphs
      .slice(1)
      .map((p) => `<p>${p}</p>`)
      .join('\n')}</article><footer>版權所有 © 2023</footer></body></html>`;
    const fromHtml = importText(extractHtml(html), { fixes: [SEED_FIX] });
    expect(fromHtml.draft.body).toBe(sampleBody);
    expect(fromHtml.draft.title).toBe(draft.title);
  });
});

describe('a half-width ? on real pages (issue 16)', () => {
  const QUESTIONS = ['為何各國都重視這個領域?原因有三。', '這項技術會帶來怎樣的改變?業界普遍看好。'];
  it.each(QUESTIONS)('%s: a question, not lost bytes; the import goes on and writes ？', (sentence) => {
    expect(repairMojibake(sentence).changes).toEqual([]);
    expect(findMojibake(sentence)).toEqual([]);
    expect(fullWidthPunctuation(sentence).text).toBe(sentence.replace('?', '？'));
  });
  it('still flags a ? whose clause asks nothing, even after a question in an earlier clause', () => {
    const text = '為何如此,代表?人出席。';
    expect(repairMojibake(text).changes.map((c) => [c.kind, c.from])).toEqual([['mojibake-flag', '?']]);
    expect(findMojibake(text).map((h) => h.kind)).toEqual(['ASCII "?" between Han characters']);
    expect(fullWidthPunctuation(text).text).toBe('為何如此，代表?人出席。');
  });
  it('a question word does not cover bytes read one off: the seed run stays flagged', () => {
    const text = '為何江蘇將扛起在國家科技創新格局中勇?lián)\uE304谝环疥嚨氖姑?全力推動';
    expect(repairMojibake(text).changes.map((c) => c.kind)).toEqual(['mojibake-flag']);
  });
});
