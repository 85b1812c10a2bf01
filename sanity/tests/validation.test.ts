/**
 * The Studio's validation rules, run as the Studio runs them (createSchema + @sanity/validation's
 * validateDocument) on valid and invalid documents. The client is a real @sanity/client against the
 * local lake over the sample dataset, so the slug-uniqueness and reference checks really query.
 */
import { createClient } from '@sanity/client';
import { validateDocument } from '@sanity/validation';
import { createSchema, type SanityDocument } from 'sanity';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLake } from '../../tests/support/lake.ts';
import type { Lake } from '../../scripts/lake/server.ts';
import { schemaTypes } from '../schemaTypes/index.ts';

const schema = createSchema({ name: 'tongbao', types: schemaTypes });
let lake: Lake;
let client: ReturnType<typeof createClient>;

beforeAll(async () => {
  const started = await startLake();
  lake = started.lake;
  client = createClient({
    projectId: 'local',
    dataset: 'production',
    apiHost: started.origin,
    useProjectHostname: false,
    useCdn: false,
    apiVersion: '2025-02-19',
  });
});
afterAll(() => lake.close());

const validArticle = {
  _id: 'drafts.article.new-story',
  _type: 'article',
  _createdAt: '2026-11-01T00:00:00Z',
  _updatedAt: '2026-11-01T00:00:00Z',
  _rev: 'r1',
  title: '新的报道',
  slug: { _type: 'slug', current: 'new-story' },
  summary: '一句话摘要。',
  body: [{ _type: 'block', _key: 'p1', style: 'normal', markDefs: [], children: [{ _type: 'span', _key: 's1', text: '正文。', marks: [] }] }],
  publishedAt: '2026-11-20T02:30:00Z',
  authors: [{ _type: 'reference', _ref: 'author.tongbao-desk', _key: 'a1' }],
  category: { _type: 'reference', _ref: 'category.news' },
  sourceLocale: 'zh-Hans',
  origin: 'original',
  riskNotice: false,
};

/** Every marker as `path level: message`. */
async function levels(document: Record<string, unknown>) {
  const result = await validateDocument({ document: document as unknown as SanityDocument, schema, client: client as never });
  return result.markers
    .filter((m) => m.level !== 'info')
    .map((m) => `${m.path.map((p) => (typeof p === 'object' ? JSON.stringify(p) : String(p))).join('.')} ${m.level}: ${m.message}`);
}

const block = (key: string, text: string) => ({
  _type: 'block',
  _key: key,
  style: 'normal',
  markDefs: [],
  children: [{ _type: 'span', _key: `${key}s`, text, marks: [] }],
});

async function messages(document: Record<string, unknown>) {
  const result = await validateDocument({ document: document as unknown as SanityDocument, schema, client: client as never });
  if (process.env.DEBUG_VALIDATION)
    console.log(
      result.status,
      result.markers.map((m) => m.path.join('.') + ' ' + m.level + ' ' + m.message),
    );
  // validateDocument in its CLI mode adds an unknown-fields check to object-typed fields (slug, source)
  // with .warning(), which lowers our rules on those fields to warnings; the Studio shows them as errors.
  // So: every marker that is not info, by message.
  return {
    status: result.status,
    errors: result.markers
      .filter((m) => m.level !== 'info')
      .map((m) => `${m.path.map((p) => (typeof p === 'object' ? JSON.stringify(p) : String(p))).join('.')}: ${m.message}`),
  };
}

describe('article validation', () => {
  it('passes a complete article', async () => {
    expect(await messages(validArticle)).toEqual({ status: 'passed', errors: [] });
  });

  it('passes every sample article of the dataset: no errors; one warning, a real ambiguity', async () => {
    const found: string[] = [];
    for (const doc of lake.docs.values()) {
      if (!['article', 'author', 'category'].includes(doc._type)) continue;
      found.push(
        ...(await levels({ ...doc, _createdAt: '2026-01-01T00:00:00Z', _updatedAt: '2026-01-01T00:00:00Z', _rev: 'r' })).map(
          (m) => `${doc._id}: ${m}`,
        ),
      );
    }
    // 并 alone is 並 (and), 併 (merge) or 幷: the editor is asked. The body's -{发}- examples are marked: no script warning.
    expect(found).toEqual([
      'article.one-source-two-scripts: summary warning: In zh-Hant, OpenCC chose by the character alone: 并 → 並 (not 併 / 幷) in 「一种文字的版本，【并】按文章来源加上相」. If a choice is wrong, add the word to "Glossary for this article" with both forms, or write the override markup around it (e.g. -{zh-hans:并;zh-hant:併}-).',
    ]);
  });

  it('passes the re-imported conference report (written in Simplified, its zh-Hant made by phrases)', async () => {
    const doc = [...lake.docs.values()].find((d) => d._id === 'article.advanced-tech-fair-2023')!;
    expect(doc.sourceLocale).toBe('zh-Hans');
    expect(await levels({ ...doc, _createdAt: '2026-01-01T00:00:00Z', _updatedAt: '2026-01-01T00:00:00Z', _rev: 'r' })).toEqual([]);
  });

  it('requires a slug, with a message for editors', async () => {
    const { errors } = await messages({ ...validArticle, slug: undefined });
    expect(errors).toContain('slug: A article needs a slug: it is the address of its page. Type one or press "Generate".');
  });

  it('refuses a slug another article already uses', async () => {
    const { errors } = await messages({ ...validArticle, slug: { _type: 'slug', current: 'market-weekly-review' } });
    expect(errors).toContain('slug: Slug is already in use');
  });

  it('refuses a slug with capitals or Chinese characters', async () => {
    const { errors } = await messages({ ...validArticle, slug: { _type: 'slug', current: 'New 报道' } });
    expect(errors).toContain('slug: Use only lower-case latin letters, digits and single hyphens, e.g. tech-fair-2023.');
  });

  it('requires the source of a reprint', async () => {
    const { errors } = await messages({ ...validArticle, origin: 'reprint' });
    expect(errors).toContain('source: A reprint needs its source: the outlet and the address of the original.');
    expect((await messages({ ...validArticle, origin: 'reprint', source: { name: '某某日报', url: 'https://example.com/1' } })).errors).toEqual([]);
  });

  it('requires alt text on the main image and on body images', async () => {
    const image = { _type: 'image', asset: { _type: 'reference', _ref: 'image-c57c29a1843d890ea613eb38bfdaa1aadcdeea1c-640x240-svg' } };
    const { errors } = await messages({ ...validArticle, mainImage: image, body: [...validArticle.body, { ...image, _key: 'img1' }] });
    const alt = 'Describe the image in the alternative text: readers using screen readers rely on it.';
    expect(errors).toContain(`mainImage.alt: ${alt}`);
    expect(errors).toContain(`body.{"_key":"img1"}.alt: ${alt}`);
  });

  it('requires headline, summary, time, author and category', async () => {
    const { errors } = await messages({
      ...validArticle,
      title: undefined,
      summary: undefined,
      publishedAt: undefined,
      authors: [],
      category: undefined,
    });
    expect(errors).toEqual(
      expect.arrayContaining([
        'title: Every article needs a headline.',
        'summary: Write a summary of one or two sentences.',
        'publishedAt: Set the publication time (a future time schedules the article).',
        'authors: Name at least one author (each once).',
        'category: Choose a category.',
      ]),
    );
  });

  it('refuses an update earlier than publication', async () => {
    const { errors } = await messages({ ...validArticle, updatedAt: '2026-01-01T00:00:00Z' });
    expect(errors).toContain('updatedAt: The update cannot be earlier than the publication time.');
  });

  it('takes corrections; refuses one dated before publication, without a date or without text', async () => {
    const correction = (fields: Record<string, unknown>) => ({ _type: 'correction', _key: 'c1', ...fields });
    expect(await messages({ ...validArticle, corrections: [correction({ date: '2026-11-21T02:30:00Z', text: '本文初版的日期有误。' })] })).toEqual({
      status: 'passed',
      errors: [],
    });
    const early = await levels({ ...validArticle, corrections: [correction({ date: '2026-11-19T02:30:00Z', text: '更正。' })] });
    expect(early).toEqual(['corrections.{"_key":"c1"}.date error: A correction cannot be dated before the publication time.']);
    const empty = await levels({ ...validArticle, corrections: [correction({})] });
    expect(empty).toEqual([
      'corrections.{"_key":"c1"}.date error: Give the time the correction was made.',
      'corrections.{"_key":"c1"}.text error: Say what the correction is.',
    ]);
    const control = await levels({ ...validArticle, corrections: [correction({ date: '2026-11-21T02:30:00Z', text: '更正\u0007。' })] });
    expect(control).toEqual([expect.stringMatching(/^corrections\.\{"_key":"c1"\}\.text error: U\+0007 \(control character\)/)]);
  });
});

describe('author', () => {
  const validAuthor = {
    _id: 'drafts.author.new-author',
    _type: 'author',
    _createdAt: '2026-11-01T00:00:00Z',
    _updatedAt: '2026-11-01T00:00:00Z',
    _rev: 'r1',
    name: '王五',
    slug: { _type: 'slug', current: 'new-author' },
    nameLocale: 'zh-Hans',
  };
  const photo = { _type: 'image', asset: { _type: 'reference', _ref: 'image-c6dde11ad7d2d00897a09434f9ca9c5dd7b42cdc-400x400-png' } };

  it('takes a bio and a photo with alt text', async () => {
    expect(await levels({ ...validAuthor, bio: '王五是科技记者。', photo: { ...photo, alt: '王五的头像' } })).toEqual([]);
  });

  it('requires the photo’s alt text and refuses control characters in the bio', async () => {
    expect(await levels({ ...validAuthor, photo })).toEqual([
      'photo.alt error: Describe the image in the alternative text: readers using screen readers rely on it.',
    ]);
    expect(await levels({ ...validAuthor, bio: '记者\u0001王五' })).toEqual([expect.stringMatching(/^bio error: U\+0001 \(control character\)/)]);
  });
});

describe('validation that speaks to editors (the build’s rules, src/zh/editor-checks.ts)', () => {
  it('an ambiguous character in the headline → a warning naming it, the choice and the fix', async () => {
    const found = await levels({ ...validArticle, title: '新厂后年投产' });
    expect(found).toEqual([
      'title warning: In zh-Hant, OpenCC chose by the character alone: 厂 → 廠 (not 厂) in 「新【厂】后年投产」. If a choice is wrong, add the word to "Glossary for this article" with both forms, or write the override markup around it (e.g. -{zh-hans:厂;zh-hant:厂}-).',
    ]);
  });

  it('… in the summary, from Traditional; a glossary entry or an override makes it go', async () => {
    const zhHant = { ...validArticle, sourceLocale: 'zh-Hant', title: '新的報導', body: [block('p1', '正文。')] };
    expect(await levels({ ...zhHant, summary: '他們乾杯慶祝。' })).toEqual([
      'summary warning: In zh-Hans, OpenCC chose by the character alone: 乾 → 干 (not 乾) in 「他們【乾】杯慶祝。」. If a choice is wrong, add the word to "Glossary for this article" with both forms, or write the override markup around it (e.g. -{zh-hans:乾;zh-hant:乾}-).',
    ]);
    expect(
      await levels({ ...zhHant, summary: '他們乾杯慶祝。', glossary: [{ _key: 'g1', _type: 'glossaryEntry', zhHans: '干杯', zhHant: '乾杯' }] }),
    ).toEqual([]);
    expect(await levels({ ...zhHant, summary: '他們-{zh-hans:干;zh-hant:乾}-杯慶祝。' })).toEqual([]);
  });

  it('Simplified-only characters in a zh-Hant article → warnings (the other script; a character-by-character conversion)', async () => {
    const found = await levels({
      ...validArticle,
      sourceLocale: 'zh-Hant',
      title: '新的報導',
      summary: '國家領導人出席峰會并致辭。',
      body: [block('p1', '正文。')],
    });
    expect(found).toEqual([
      'summary warning: 1 Simplified-only character(s) in zh-Hant text: 并 (導人出席峰會【并】致辭。) · This Traditional text looks converted from Simplified character by character (并 in 「導人出席峰會【并】致辭。」): readers in Taiwan read such forms as mistakes, and a phrase conversion writes 并→並. Fix it the right way: set "Written in" to 简体 (zh-Hans) and paste the Simplified original (or import the page again: the importer recovers it), so that the conversion writes the Traditional text.',
    ]);
  });

  it('Traditional-only characters in a zh-Hans body → a warning', async () => {
    expect(await levels({ ...validArticle, body: [block('p1', '国家领导人出席峰會并致辞。')] })).toEqual([
      'body warning: 1 Traditional-only character(s) in zh-Hans text: 會 (领导人出席峰【會】并致辞。)',
    ]);
  });

  it('mojibake → an error, in the headline and in a body block', async () => {
    expect(await levels({ ...validArticle, title: '会议在\uFFFD举行' })).toEqual([
      'title error: mojibake at character 4: replacement character U+FFFD in "会议在⟦\uFFFD⟧举行"; the text was decoded with the wrong encoding somewhere; copy it again from the original, or correct the damaged characters (a question mark in Chinese is the full-width ？)',
    ]);
    expect(await levels({ ...validArticle, body: [block('p1', '正文。'), block('p2', '代表?人出席。')] })).toEqual([
      'body error: block 2: mojibake at character 3: ASCII "?" between Han characters in "代表⟦?⟧人出席。"; the text was decoded with the wrong encoding somewhere; copy it again from the original, or correct the damaged characters (a question mark in Chinese is the full-width ？)',
    ]);
    // A question on a real page is not mojibake.
    expect(await levels({ ...validArticle, body: [block('p1', '为何各国都重视这个领域?原因有三。')] })).toEqual([]);
  });

  it('pinyin annotations → an error', async () => {
    expect(await levels({ ...validArticle, summary: '技术(shù)成果转化。' })).toEqual([
      'summary error: pinyin annotation 术(shù): a converter left the reading after the character; delete "(shù)" (the Import tool removes them all)',
    ]);
  });

  it('control characters → an error, also in an image caption', async () => {
    expect(await levels({ ...validArticle, title: '新的\u202E报道' })).toEqual([
      'title error: U+202E (bidirectional control) at character 3; these characters are never part of a text (they come from copying out of PDFs, word processors or terminals); delete it, or type the character that was meant',
    ]);
    const image = {
      _type: 'image',
      asset: { _type: 'reference', _ref: 'image-c57c29a1843d890ea613eb38bfdaa1aadcdeea1c-640x240-svg' },
      alt: '示意图',
      caption: '说明\u0007',
    };
    expect(await levels({ ...validArticle, mainImage: image })).toEqual([
      'mainImage.caption error: U+0007 (control character) at character 3; these characters are never part of a text (they come from copying out of PDFs, word processors or terminals); delete it, or type the character that was meant',
    ]);
  });
});

describe('category', () => {
  it('has the market-risk flag on categories', () => {
    const category = schema.get('category') as unknown as { fields: { name: string }[] };
    expect(category.fields.map((f) => f.name)).toContain('riskNotice');
  });
});

describe('the site glossary document, by the build’s rules (src/zh/glossary-core.ts checkSiteGlossary)', () => {
  const glossary = (entries: Record<string, unknown>[]) => ({
    _id: 'drafts.siteGlossary',
    _type: 'siteGlossary',
    _createdAt: '2026-11-01T00:00:00Z',
    _updatedAt: '2026-11-01T00:00:00Z',
    _rev: 'r1',
    entries: entries.map((e, i) => ({ _type: 'siteGlossaryEntry', _key: `k${i + 1}`, ...e })),
  });

  it('accepts the entries of content/glossary.yaml', async () => {
    const doc = glossary([
      { term: '通报', zhHans: '通报', zhHant: '通報', note: 'The site name.' },
      { term: '云计算', zhHant: '雲端運算', zhHantHK: '雲計算' },
      { term: '鲁迅' },
    ]);
    expect(await levels(doc)).toEqual([]);
  });

  it('refuses a blank form and a term kept twice, naming the entry and the Studio field', async () => {
    const found = await levels(glossary([{ term: '云计算', zhHant: '雲端運算' }, { term: '软件', zhHant: '  ' }, { term: '云计算' }]));
    expect(found).toContainEqual(expect.stringMatching(/^entries error: .*entry 2 \("软件"\): zhHant: must not be empty/));
    expect(found).toContainEqual(expect.stringMatching(/^entries error: .*entry 3 \("云计算"\): term: "云计算" is already entry 1; keep one/));
  });

  it('refuses an entry without a term', async () => {
    const found = await levels(glossary([{ zhHant: '雲端運算' }]));
    expect(found).toContainEqual(expect.stringMatching(/term error: Write the term as articles write it\./));
  });
});
