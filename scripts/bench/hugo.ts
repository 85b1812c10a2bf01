/**
 * The same corpus as a Hugo site: both scripts as two content sections, trivial templates, no
 * conversion at build time (the other script is written out beforehand). What Hugo is compared on.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { converter } from '../../src/zh/convert.ts';
import type { Corpus } from './corpus.ts';

export async function writeHugoSite(corpus: Corpus, dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  const toHant = converter('cn', 'tw');
  const toHans = converter('tw', 'cn');
  await mkdir(join(dir, 'layouts', '_default'), { recursive: true });
  await writeFile(
    join(dir, 'hugo.toml'),
    'baseURL = "https://tongbao.example/"\ntitle = "通报"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT"]\n',
  );
  await writeFile(
    join(dir, 'layouts', '_default', 'baseof.html'),
    '<!doctype html><html><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body>{{ block "main" . }}{{ end }}</body></html>\n',
  );
  await writeFile(
    join(dir, 'layouts', '_default', 'single.html'),
    '{{ define "main" }}<article><h1>{{ .Title }}</h1>{{ .Content }}</article>{{ end }}\n',
  );
  await writeFile(
    join(dir, 'layouts', '_default', 'list.html'),
    '{{ define "main" }}<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n',
  );
  for (const section of ['zh-hans', 'zh-hant']) await mkdir(join(dir, 'content', section), { recursive: true });
  for (const a of corpus.articles) {
    const forms = {
      'zh-hans': a.sourceLocale === 'zh-Hans' ? (s: string) => s : toHans,
      'zh-hant': a.sourceLocale === 'zh-Hant' ? (s: string) => s : toHant,
    };
    for (const [section, script] of Object.entries(forms)) {
      const fm = `---\ntitle: ${JSON.stringify(script(a.title))}\ndate: ${a.publishedAt}\n---\n\n`;
      await writeFile(join(dir, 'content', section, `${a.slug}.md`), fm + script(a.body) + '\n');
    }
  }
}
