/**
 * The least any Astro static build of the same pages can cost: a project that renders each article
 * page from one JSON file (title and pre-written paragraphs in both scripts, as the Hugo site gets
 * them) through a trivial layout — no content layer, no Markdown, no conversion, no listings, no feeds,
 * no images, no search, no output check. `astro build` of it, cold, and again with nothing changed under
 * Astro's incremental build (every page "restored"), measured in the same run as our build and Hugo's:
 * what issue 18's ratios are up against with this stack.
 */
import { symlink, mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { converter } from '../../src/zh/convert.ts';
import type { Corpus } from './corpus.ts';

export async function writeAstroFloorSite(corpus: Corpus, dir: string, nodeModules: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(join(dir, 'src', 'pages', '[locale]', 'articles'), { recursive: true });
  await symlink(nodeModules, join(dir, 'node_modules'), 'dir');
  const toHant = converter('cn', 'tw');
  const toHans = converter('tw', 'cn');
  const pages: { locale: string; slug: string; title: string; html: string }[] = [];
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  for (const a of corpus.articles) {
    for (const [locale, script] of [
      ['zh-hans', a.sourceLocale === 'zh-Hans' ? (s: string) => s : toHans],
      ['zh-hant', a.sourceLocale === 'zh-Hant' ? (s: string) => s : toHant],
    ] as const) {
      const paragraphs = script(a.body)
        .split(/\n{2,}/)
        .filter((p) => p.trim())
        .map((p) => `<p>${escape(p.trim())}</p>`);
      pages.push({ locale, slug: a.slug, title: script(a.title), html: paragraphs.join('') });
    }
  }
  await writeFile(join(dir, 'pages.json'), JSON.stringify(pages));
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'tongbao-astro-floor', private: true, type: 'module' }));
  await writeFile(
    join(dir, 'astro.config.mjs'),
    "import { defineConfig } from 'astro/config';\n" +
      "// Its own cache folder: node_modules is a link to the project's, whose .astro is the real build's.\n" +
      "export default defineConfig({ site: 'https://tongbao.example', trailingSlash: 'always', build: { format: 'directory' },\n" +
      "  cacheDir: './.astro-cache', devToolbar: { enabled: false }, experimental: { incrementalBuild: true } });\n",
  );
  await writeFile(
    join(dir, 'src', 'pages', '[locale]', 'articles', '[slug].astro'),
    `---
import pages from '../../../../pages.json';
export function getStaticPaths() {
  return pages.map((p) => ({ params: { locale: p.locale, slug: p.slug }, props: p, cacheKey: p.locale + '/' + p.slug + '/' + p.title.length + '/' + p.html.length }));
}
const p = Astro.props;
---
<!doctype html><html lang={p.locale}><head><meta charset="utf-8" /><title>{p.title}</title></head><body><article><h1>{p.title}</h1><Fragment set:html={p.html} /></article></body></html>
`,
  );
}
