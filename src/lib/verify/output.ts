/**
 * Nothing lost, nothing leaked: checks a built site against the build manifest (src/lib/verify/manifest.ts).
 * Every published article must have a page in every locale, an item in its locale's RSS, Atom and JSON
 * feeds when it is among the `feedLimit` newest, and an entry in sitemap-articles.xml; no output file may
 * contain the value of a secret from the environment; every XML file (feeds, sitemaps) must be
 * well-formed XML 1.0 in UTF-8, as a strict parser reads it. Each check is a pure function over file contents;
 * `verifyOutput` reads the folder and runs them all. scripts/build.ts runs it before the swap.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { parseFeed } from 'feedsmith';
import { SaxesParser } from 'saxes';
import type { BuildManifest } from './manifest.ts';

export interface Problem {
  check: 'page' | 'feed' | 'sitemap' | 'secret' | 'xml';
  message: string;
}

/** Output file of a site path in directory format: /a/b/ → a/b/index.html, /a/rss.xml → a/rss.xml. */
export function fileOfPath(path: string): string {
  const decoded = decodeURIComponent(path).replace(/^\/+/, '');
  return decoded === '' || decoded.endsWith('/') ? `${decoded}index.html` : decoded;
}

export function checkPages(manifest: BuildManifest, exists: (file: string) => boolean): Problem[] {
  return manifest.locales.flatMap((l) =>
    l.articles
      .filter((a) => !exists(fileOfPath(a.path)))
      .map((a) => ({ check: 'page' as const, message: `article "${a.slug}" has no ${l.locale} page (${fileOfPath(a.path)})` })),
  );
}

/** Every link, id and url a parsed feed's items carry. */
function itemUrls(text: string): Set<string> {
  const parsed = parseFeed(text) as { format: string; feed: Record<string, unknown> };
  const feed = parsed.feed as { items?: unknown[]; entries?: unknown[] };
  const items = (feed.items ?? feed.entries ?? []) as Record<string, unknown>[];
  const urls = new Set<string>();
  for (const item of items) {
    for (const key of ['link', 'url', 'id']) if (typeof item[key] === 'string') urls.add(item[key]);
    const guid = item.guid as { value?: string } | string | undefined;
    if (typeof guid === 'string') urls.add(guid);
    else if (guid?.value) urls.add(guid.value);
    for (const link of (item.links as { href?: string }[] | undefined) ?? []) if (link.href) urls.add(link.href);
  }
  return urls;
}

/** `read` gives a file's text, or undefined when it is missing. */
export function checkFeeds(manifest: BuildManifest, read: (file: string) => string | undefined): Problem[] {
  const problems: Problem[] = [];
  for (const l of manifest.locales) {
    const expected = l.articles.slice(0, manifest.feedLimit);
    for (const [format, path] of Object.entries(l.feeds)) {
      const file = fileOfPath(path);
      const text = read(file);
      if (text === undefined) {
        problems.push({ check: 'feed', message: `the ${l.locale} ${format} feed is missing (${file})` });
        continue;
      }
      let urls: Set<string>;
      try {
        urls = itemUrls(text);
      } catch (error) {
        problems.push({ check: 'feed', message: `the ${l.locale} ${format} feed does not parse (${file}): ${(error as Error).message}` });
        continue;
      }
      for (const a of expected) {
        if (!urls.has(a.url)) problems.push({ check: 'feed', message: `article "${a.slug}" is not in the ${l.locale} ${format} feed (${file})` });
      }
    }
  }
  return problems;
}

/** `read`: a file's text by its path in the output (undefined: missing). Every article in one of the article sitemaps. */
export function checkSitemap(manifest: BuildManifest, read: (file: string) => string | undefined): Problem[] {
  const files = manifest.sitemaps.map(fileOfPath);
  const problems: Problem[] = [];
  const locs = new Set<string>();
  for (const file of files) {
    const xml = read(file);
    if (xml === undefined) {
      problems.push({ check: 'sitemap', message: `the sitemap is missing (${file})` });
      continue;
    }
    const parsed = new XMLParser({ isArray: (name) => name === 'url' }).parse(xml) as { urlset?: { url?: { loc?: string }[] } };
    for (const u of parsed.urlset?.url ?? []) locs.add(String(u.loc ?? '').trim());
  }
  if (problems.length) return problems;
  const where = files.length === 1 ? files[0]! : `any of ${files.join(', ')}`;
  return manifest.locales.flatMap((l) =>
    l.articles
      .filter((a) => a.inSitemap && !locs.has(a.url))
      .map((a) => ({ check: 'sitemap' as const, message: `article "${a.slug}" (${l.locale}) has no entry in ${where}` })),
  );
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Why an XML file is not well-formed, or undefined when it is: bytes that are not UTF-8 (an encoded
 * lone surrogate among them), characters XML 1.0 forbids (U+0001–U+001F but tab, LF and CR; U+FFFE,
 * U+FFFF), undefined entities, unclosed or crossed tags. saxes checks every character against the XML
 * 1.0 productions, which lenient parsers (fast-xml-parser, sax) do not. At most the first 3 errors.
 */
export function xmlWellFormedness(content: Buffer | string): string | undefined {
  let text: string;
  if (typeof content === 'string') {
    text = content;
  } else {
    try {
      text = strictUtf8.decode(content);
    } catch {
      // The first replacement character of a lenient decoding is where the bad bytes are.
      const at = content.toString('utf8').indexOf('\uFFFD');
      return `not UTF-8: bytes that decode to no character (near character ${at})`;
    }
  }
  const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.exec(text);
  if (lone) return `a lone surrogate U+${lone[0].charCodeAt(0).toString(16).toUpperCase()} at offset ${lone.index}`;
  const errors: string[] = [];
  const parser = new SaxesParser({ xmlns: true });
  parser.on('error', (error) => {
    if (errors.length < 3) errors.push(error.message);
  });
  let root = false;
  parser.on('opentag', () => (root = true));
  parser.write(text).close();
  if (!root && errors.length === 0) errors.push('no root element');
  return errors.length ? errors.join('; ') : undefined;
}

/** Every XML file of the output (feeds, sitemaps), parsed strictly: one problem per file that is not well-formed. */
export function checkXml(files: Iterable<{ file: string; content: Buffer }>): Problem[] {
  const problems: Problem[] = [];
  for (const { file, content } of files) {
    if (!file.endsWith('.xml')) continue;
    const error = xmlWellFormedness(content);
    if (error) problems.push({ check: 'xml', message: `${file} is not well-formed XML: ${error}` });
  }
  return problems;
}

/** Which output files contain one of the secret values (each named by its variable, never by value). */
export function scanSecrets(files: Iterable<{ file: string; content: Buffer }>, secrets: ReadonlyMap<string, string>): Problem[] {
  const problems: Problem[] = [];
  const needles = [...secrets].map(([name, value]) => ({ name, bytes: Buffer.from(value) }));
  if (needles.length === 0) return problems;
  for (const { file, content } of files) {
    for (const { name, bytes } of needles) {
      if (content.includes(bytes)) problems.push({ check: 'secret', message: `${file} contains the value of ${name}` });
    }
  }
  return problems;
}

function* walk(dir: string, base = ''): Generator<string> {
  for (const entry of readdirSync(join(dir, base), { withFileTypes: true })) {
    const rel = base ? `${base}/${entry.name}` : entry.name;
    if (entry.isDirectory()) yield* walk(dir, rel);
    else yield rel;
  }
}

export interface Verification {
  problems: Problem[];
  counts: { articles: number; pages: number; feedItems: number; sitemapEntries: number; filesScanned: number };
}

/**
 * `pagesOnDemand`: server output renders pages, feeds and sitemaps per request, so the folder holds none of them to
 * check (tests/build/server-output.test.ts checks them served); its XML and secrets are still checked.
 */
export function verifyOutput(
  outDir: string,
  manifest: BuildManifest,
  secrets: ReadonlyMap<string, string>,
  options: { pagesOnDemand?: boolean } = {},
): Verification {
  const read = (file: string) => (existsSync(join(outDir, file)) ? readFileSync(join(outDir, file), 'utf8') : undefined);
  const files = [...walk(outDir)];
  const contents = function* () {
    for (const file of files) yield { file, content: readFileSync(join(outDir, file)) };
  };
  const problems = [
    ...(options.pagesOnDemand ? [] : checkPages(manifest, (file) => existsSync(join(outDir, file)))),
    ...(options.pagesOnDemand ? [] : checkFeeds(manifest, read)),
    ...(options.pagesOnDemand ? [] : checkSitemap(manifest, read)),
    ...checkXml(contents()),
    ...scanSecrets(contents(), secrets),
  ];
  const articles = manifest.locales[0]?.articles.length ?? 0;
  const perLocaleFeed = Math.min(articles, manifest.feedLimit);
  const missing = (check: Problem['check']) => problems.filter((p) => p.check === check).length;
  return {
    problems,
    counts: {
      articles,
      pages: articles * manifest.locales.length - missing('page'),
      feedItems: perLocaleFeed * manifest.locales.length * 3 - missing('feed'),
      sitemapEntries: (manifest.locales[0]?.articles.filter((a) => a.inSitemap).length ?? 0) * manifest.locales.length - missing('sitemap'),
      filesScanned: files.length,
    },
  };
}
