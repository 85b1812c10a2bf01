/**
 * Checks over a built site with a real HTML parser (hast-util-from-html, parse5 underneath):
 * - scriptSafety: no script elements other than our own (same-origin files, or inline and hashed in
 *   the page's CSP, or JSON data), no on* attributes, only safe URL schemes, no elements that load
 *   or redirect (iframe, object, embed, base, meta refresh), a CSP without 'unsafe-inline' scripts;
 * - brokenLinks: every internal link, image and #anchor resolves to a file and an id of the output.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';

export function walkFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walkFiles(join(dir, e.name)) : [join(dir, e.name)]));
}

export const rel = (outDir: string, file: string) => relative(outDir, file).split(sep).join('/');

function elements(tree: Root | Element, visit: (el: Element, ancestors: Element[]) => void, ancestors: Element[] = []): void {
  for (const child of tree.children as RootContent[]) {
    if (child.type !== 'element') continue;
    visit(child, ancestors);
    elements(child, visit, [...ancestors, child]);
    if (child.tagName === 'template' && child.content) elements(child.content as unknown as Root, visit, [...ancestors, child]);
  }
}

const URL_PROPERTIES = [
  'href',
  'src',
  'action',
  'formAction',
  'poster',
  'data',
  'cite',
  'background',
  'xLinkHref',
  'srcSet',
  'ping',
  'longDesc',
  'manifest',
  'codeBase',
  'archive',
];
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);
const FORBIDDEN_ELEMENTS = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'portal']);

/** The scheme a browser would see: control characters and whitespace go, entities are already decoded by the parser. */
export function urlScheme(value: string): string | undefined {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what a browser strips before reading the scheme.
  const cleaned = value.replace(/[\u0000-\u0020\u007F-\u009F\u00A0\u1680\u2000-\u200B\u2028\u2029\u202F\u205F\u3000\uFEFF]/g, '');
  const m = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned);
  return m?.[1]?.toLowerCase();
}

export function isSafeUrl(value: string, property: string, tagName: string): boolean {
  const scheme = urlScheme(value);
  if (scheme === undefined) return true; // a path or fragment on this site
  if (SAFE_SCHEMES.has(scheme)) return true;
  // Raster images inline are harmless; SVG and HTML data URLs are not.
  return scheme === 'data' && tagName === 'img' && property === 'src' && /^data:image\/(png|jpe?g|gif|webp|avif);/i.test(value.trim());
}

/** The CSP of a page's <meta http-equiv>, as directive → sources. */
export function pageCsp(tree: Root): Map<string, string[]> | undefined {
  let content: string | undefined;
  elements(tree, (el) => {
    if (el.tagName === 'meta' && String(el.properties.httpEquiv ?? '').toLowerCase() === 'content-security-policy') {
      content = String(el.properties.content ?? '');
    }
  });
  if (content === undefined) return undefined;
  return new Map(
    content
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name!.toLowerCase(), sources]),
  );
}

const textOf = (el: Element): string => el.children.map((c) => (c.type === 'text' ? c.value : c.type === 'element' ? textOf(c) : '')).join('');

export interface Finding {
  file: string;
  problem: string;
}

/** Script-safety findings of one HTML document (a page, or a feed item's content with `fragment`). */
export function scriptSafety(html: string, file: string, options: { fragment?: boolean } = {}): Finding[] {
  const tree = fromHtml(html, { fragment: options.fragment ?? false });
  const findings: Finding[] = [];
  const add = (problem: string) => findings.push({ file, problem });
  const csp = options.fragment ? undefined : pageCsp(tree);
  if (!options.fragment) {
    if (!csp) add('no Content-Security-Policy <meta>');
    const scriptSrc = csp?.get('script-src') ?? csp?.get('default-src') ?? [];
    if (csp && scriptSrc.length === 0) add('CSP has no script-src or default-src');
    if (scriptSrc.some((s) => /^'unsafe-(inline|eval)'$/.test(s))) add(`CSP script-src allows ${scriptSrc.join(' ')}`);
  }
  const hashes = new Set([...(csp?.get('script-src') ?? []), ...(csp?.get('script-src-elem') ?? [])]);
  const styleHashes = new Set([...(csp?.get('style-src') ?? []), ...(csp?.get('style-src-elem') ?? [])]);

  elements(tree, (el, ancestors) => {
    const tag = el.tagName;
    for (const [name, value] of Object.entries(el.properties)) {
      if (/^on/i.test(name)) add(`<${tag}> has event handler attribute ${name}`);
      if (name === 'style' && typeof value === 'string' && /url\s*\(|expression\s*\(|javascript:/i.test(value))
        add(`<${tag}> has a style attribute loading ${value.slice(0, 60)}`);
      if (URL_PROPERTIES.includes(name) && value !== undefined && value !== null) {
        const values =
          name === 'srcSet'
            ? String(value)
                .split(',')
                .map((s) => s.trim().split(/\s+/)[0] ?? '')
            : Array.isArray(value)
              ? value.map(String)
              : [String(value)];
        for (const v of values) if (!isSafeUrl(v, name, tag)) add(`<${tag} ${name}="${v.slice(0, 60)}"> uses an unsafe URL scheme`);
      }
    }
    if (FORBIDDEN_ELEMENTS.has(tag)) add(`<${tag}> element`);
    if (tag === 'meta' && String(el.properties.httpEquiv ?? '').toLowerCase() === 'refresh') add('<meta http-equiv="refresh">');
    if (tag === 'script') {
      const type = String(el.properties.type ?? '').toLowerCase();
      const src = el.properties.src;
      if (type === 'application/ld+json' || type === 'application/json') {
        try {
          JSON.parse(textOf(el));
        } catch {
          add(`<script type="${type}"> does not hold JSON`);
        }
      } else if (typeof src === 'string') {
        if (urlScheme(src) !== undefined || src.startsWith('//')) add(`<script src="${src}"> is not a file of this site`);
      } else {
        const hash = `'sha256-${createHash('sha256').update(textOf(el)).digest('base64')}'`;
        if (options.fragment || !hashes.has(hash)) add(`inline <script> not allowed by the CSP: ${textOf(el).slice(0, 60)}`);
      }
    }
    if (tag === 'style') {
      const inHead = ancestors.some((a) => a.tagName === 'head');
      const hash = `'sha256-${createHash('sha256').update(textOf(el)).digest('base64')}'`;
      if (options.fragment || !inHead || !styleHashes.has(hash)) add(`<style> element outside the page head or not hashed in the CSP`);
    }
  });
  return findings;
}

/** Ids of every element of a page, for #anchor checks. */
function idsOf(tree: Root): Set<string> {
  const ids = new Set<string>();
  elements(tree, (el) => {
    if (typeof el.properties.id === 'string') ids.add(el.properties.id);
    if (el.tagName === 'a' && typeof el.properties.name === 'string') ids.add(el.properties.name);
  });
  return ids;
}

/** The output file a site path is served from, or undefined. Directory output: `/a/` → `a/index.html`. */
export function resolveSitePath(outDir: string, pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  const file = join(outDir, decoded);
  if (!file.startsWith(outDir)) return undefined;
  if (existsSync(file) && statSync(file).isFile()) return file;
  const index = join(file, 'index.html');
  if (existsSync(index)) return index;
  return undefined;
}

/**
 * Broken internal links: every href/src of every HTML page that points into the site (relative, or
 * absolute on `siteUrl`) must resolve to an output file, and its #fragment to an id in that page.
 */
export function brokenLinks(outDir: string, siteUrl: string): { checked: number; broken: Finding[] } {
  const origin = new URL(siteUrl).origin;
  const pages = walkFiles(outDir).filter((f) => f.endsWith('.html'));
  const trees = new Map<string, Root>();
  const tree = (file: string) => {
    let t = trees.get(file);
    if (!t) {
      t = fromHtml(readFileSync(file, 'utf8'));
      trees.set(file, t);
    }
    return t;
  };
  const broken: Finding[] = [];
  let checked = 0;
  for (const page of pages) {
    const pagePath = `/${rel(outDir, page)}`.replace(/index\.html$/, '');
    elements(tree(page), (el) => {
      const refs: string[] = [];
      for (const name of ['href', 'src', 'poster'] as const) {
        const v = el.properties[name];
        if (typeof v === 'string') refs.push(v);
      }
      if (typeof el.properties.srcSet === 'string') refs.push(...el.properties.srcSet.split(',').map((s) => s.trim().split(/\s+/)[0] ?? ''));
      for (const ref of refs) {
        let url: URL;
        try {
          url = new URL(ref, new URL(pagePath, origin));
        } catch {
          broken.push({ file: rel(outDir, page), problem: `unparsable URL "${ref}"` });
          continue;
        }
        if (url.origin !== origin) continue;
        checked++;
        const target = resolveSitePath(outDir, url.pathname);
        if (!target) {
          broken.push({ file: rel(outDir, page), problem: `<${el.tagName}> → ${url.pathname} does not exist` });
          continue;
        }
        const fragment = decodeURIComponent(url.hash.slice(1));
        if (fragment && target.endsWith('.html') && !idsOf(tree(target)).has(fragment)) {
          broken.push({ file: rel(outDir, page), problem: `<${el.tagName}> → ${url.pathname}#${fragment}: no element with that id` });
        }
      }
    });
  }
  return { checked, broken };
}
