/** The build context is made from its inputs alone: same inputs, same context; nothing read from elsewhere. */
import { describe, expect, it } from 'vitest';
import { projectPaths } from '../../src/config/paths.ts';
import { site } from '../../src/config/site.ts';
import { createBuildContext } from '../../src/lib/build-context.ts';
import { t } from '../../src/lib/text.ts';
import { ArticleSchema, type Article } from '../../src/model/article.ts';

const author = { slug: 'desk', name: '编辑部', nameLocale: 'zh-Hans' };
const category = { slug: 'news', name: '要闻', nameLocale: 'zh-Hans' };
const article = (slug: string, publishedAt: string, draft = false): Article =>
  ArticleSchema.parse({
    slug,
    title: `标题${slug}`,
    summary: '摘要',
    body: '正文',
    publishedAt,
    sourceLocale: 'zh-Hans',
    origin: 'original',
    authors: [author],
    category,
    draft,
  });

const articles = [
  article('old', '2026-11-01T10:00:00+08:00'),
  article('new', '2026-11-20T10:00:00+08:00'),
  article('scheduled', '2026-12-24T10:00:00+08:00'),
  article('draft', '2026-11-10T10:00:00+08:00', true),
];
const paths = projectPaths(
  { TONGBAO_CONTENT_DIR: 'elsewhere', TONGBAO_OUT_DIR: 'out', TONGBAO_CACHE_DIR: 'cache', TONGBAO_STATS_FILE: undefined },
  '/project',
);
const input = (now: string, preview = false, shareImagesNewest = 1) => ({
  site: { ...site, shareImagesNewest },
  options: { pageSize: 10, searchShardSize: 100, preview },
  paths,
  now: new Date(now),
  articles,
});

describe('createBuildContext', () => {
  it('publishes by its own clock, newest first, without drafts; a preview shows what is scheduled', () => {
    expect(createBuildContext(input('2026-11-30T00:00:00Z')).published.map((a) => a.slug)).toEqual(['new', 'old']);
    expect(createBuildContext(input('2026-12-25T00:00:00Z')).published.map((a) => a.slug)).toEqual(['scheduled', 'new', 'old']);
    expect(createBuildContext(input('2026-11-30T00:00:00Z', true)).published.map((a) => a.slug)).toEqual(['scheduled', 'new', 'old']);
  });

  it('chooses the share images from its own list, whatever was built before', () => {
    const late = createBuildContext(input('2026-12-25T00:00:00Z'));
    const early = createBuildContext(input('2026-11-30T00:00:00Z'));
    expect([...late.shareImages]).toEqual(['scheduled']);
    expect([...early.shareImages]).toEqual(['new']);
    expect([...createBuildContext(input('2026-11-30T00:00:00Z', false, 5)).shareImages]).toEqual(['new', 'old']);
  });

  it('holds indexes over what it publishes, and cannot be changed', () => {
    const context = createBuildContext(input('2026-11-30T00:00:00Z'));
    expect(context.indexes.list).toBe(context.published);
    expect([...context.indexes.byMonth.keys()]).toEqual(['2026-11']);
    expect(Object.isFrozen(context) && Object.isFrozen(context.published) && Object.isFrozen(context.paths)).toBe(true);
    expect(context.paths.images).toBe('/project/elsewhere/images');
    expect(context.paths.renderCache).toBe('/project/cache/render');
  });
});

describe('t()', () => {
  it('fills every placeholder and refuses a missing or unused value', () => {
    expect(t('{y} 年 {m} 月', { y: 2026, m: 11 })).toBe('2026 年 11 月');
    expect(() => t('第 {n} 页', {})).toThrow('has {n} but no value was given');
    expect(() => t('{y} 年', { y: 2026, m: 11 })).toThrow('has no {m}');
  });
});
