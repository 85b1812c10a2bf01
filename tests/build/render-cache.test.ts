/**
 * The render cache is correct: a rebuild re-renders nothing when nothing changed, exactly one
 * article after one article's body changed, exactly the articles that hold a site glossary entry
 * after it changed, everything after a configuration change; and the
 * pages that change are exactly the affected ones. The search index (one article a shard here) is
 * indexed again only in the edited article's shards.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { astroBuild, projectRoot } from '../support/build.ts';

function files(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, e.name);
      if (e.isDirectory()) walk(full);
      else out.set(relative(dir, full), readFileSync(full, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

function changed(a: Map<string, string>, b: Map<string, string>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])].filter((k) => a.get(k) !== b.get(k)).sort();
}

describe('render cache', () => {
  it('re-renders exactly what changed', () => {
    const work = mkdtempSync(join(tmpdir(), 'tongbao-cache-'));
    const content = join(work, 'content');
    cpSync(join(projectRoot, 'content'), content, { recursive: true });
    // Three of the samples tell reused from rendered as well as all of them, in five quicker builds.
    const kept = new Set(['market-weekly-review.md', 'one-source-two-scripts.md', 'advanced-tech-fair-2023.md']);
    for (const name of readdirSync(join(content, 'articles'))) if (!kept.has(name)) rmSync(join(content, 'articles', name));
    const statsFile = join(work, 'stats.json');
    const build = (name: string, extra: Record<string, string> = {}) => {
      const result = astroBuild({
        TONGBAO_CONTENT_DIR: content,
        TONGBAO_OUT_DIR: join(work, name),
        TONGBAO_CACHE_DIR: join(work, 'cache'),
        TONGBAO_STATS_FILE: statsFile,
        TONGBAO_SEARCH_SHARD_SIZE: '1',
        ...extra,
      });
      expect(result.status, result.output).toBe(0);
      const stats = JSON.parse(readFileSync(statsFile, 'utf8')) as Record<string, number>;
      return {
        out: files(result.outDir),
        rendered: stats.rendered,
        reused: stats.reused,
        indexed: stats.pagefindPages,
        shardsReused: stats.pagefindShardsReused,
      };
    };

    const cold = build('cold');
    expect(cold).toMatchObject({ rendered: 3, reused: 0, indexed: 6, shardsReused: 0 });

    const again = build('again');
    expect(again).toMatchObject({ rendered: 0, reused: 3, indexed: 0, shardsReused: 6 });
    expect(changed(cold.out, again.out)).toEqual([]);

    const report = join(content, 'articles', 'market-weekly-review.md');
    writeFileSync(report, readFileSync(report, 'utf8').replace('报告建议投资者关注三条主线', '报告建议投资者关注四条主线'));
    const edited = build('edited');
    expect(edited).toMatchObject({ rendered: 1, reused: 2, indexed: 2, shardsReused: 4 });
    // The article's two pages and every feed that carries its full text (its locale's, its
    // category's and its author's, in each format); nothing else.
    const feeds = (dir: string) => ['atom.xml', 'feed.json', 'rss.xml'].map((f) => `${dir}${f}`);
    // The search index holds the body too, so the newest shard (the edited article's) changes in
    // each locale, and no other shard.
    const editedFiles = changed(again.out, edited.out);
    expect(editedFiles.some((f) => f.startsWith('pagefind/zh-hans/2/'))).toBe(true);
    expect(editedFiles.some((f) => f.startsWith('pagefind/zh-hant/2/'))).toBe(true);
    expect(editedFiles.filter((f) => f.startsWith('pagefind/') && !/^pagefind\/zh-han[st]\/2\//.test(f))).toEqual([]);
    expect(editedFiles.filter((f) => !f.startsWith('pagefind/'))).toEqual(
      ['zh-hans', 'zh-hant']
        .flatMap((l) => [
          `${l}/articles/market-weekly-review/index.html`,
          ...feeds(`${l}/`),
          ...feeds(`${l}/authors/yunling-research/`),
          ...feeds(`${l}/categories/finance/`),
        ])
        .sort(),
    );
    expect(edited.out.get('zh-hant/articles/market-weekly-review/index.html')).toContain('四條主線');

    // One dictionary entry: the site glossary gives 主线 a Traditional form of its own. An article carries
    // the entries that can apply to it (src/zh/article-overrides.ts), so only the one article that holds
    // the term renders again, and only its pages change: its Traditional page, its feeds, its search shard.
    const glossary = join(content, 'glossary.yaml');
    writeFileSync(glossary, `${readFileSync(glossary, 'utf8')}- term: 主线\n  zh-Hant: 主軸\n`);
    const reglossed = build('reglossed');
    expect(reglossed).toMatchObject({ rendered: 1, reused: 2, indexed: 1, shardsReused: 5 });
    expect(changed(edited.out, reglossed.out).filter((f) => !f.startsWith('pagefind/'))).toEqual(
      [
        'zh-hant/articles/market-weekly-review/index.html',
        ...feeds('zh-hant/'),
        ...feeds('zh-hant/authors/yunling-research/'),
        ...feeds('zh-hant/categories/finance/'),
      ].sort(),
    );
    expect(reglossed.out.get('zh-hant/articles/market-weekly-review/index.html')).toContain('四條主軸');

    const reconfigured = build('reconfigured', { TONGBAO_ZH_HANT_VARIANT: 'twp' });
    expect(reconfigured).toMatchObject({ rendered: 3, reused: 0 });
  }, 180_000);
});
