/**
 * `srcset` checked candidate by candidate: the sanitizer checks one URL per attribute, and a srcset
 * holds several ("a.png 1x, javascript:alert(1) 2x"), so its protocol check sees only the first. Each
 * candidate's URL is checked with the sanitizer's own rule (a relative URL, or a protocol of the list);
 * unsafe candidates are dropped, the others kept as written, an attribute left empty is removed. Pure.
 */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/** The protocols a srcset candidate may use: images are fetched over http(s) only. */
export const SRCSET_PROTOCOLS: readonly string[] = ['http', 'https'];

export interface SrcsetCandidate {
  url: string;
  /** `2x`, `480w`, or empty. */
  descriptor: string;
}

/**
 * The candidates of a srcset, split as the HTML standard's parser splits them: a URL is a run of
 * non-space characters (commas inside it, as in data: URLs, belong to it; trailing commas end it),
 * then descriptors up to the next comma outside parentheses.
 */
export function srcsetCandidates(value: string): SrcsetCandidate[] {
  const candidates: SrcsetCandidate[] = [];
  let i = 0;
  const space = (c: string | undefined) => c !== undefined && /[\t\n\f\r ]/.test(c);
  while (i < value.length) {
    while (i < value.length && (space(value[i]) || value[i] === ',')) i++;
    if (i >= value.length) break;
    let url = '';
    while (i < value.length && !space(value[i])) url += value[i++];
    let descriptor = '';
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '');
    } else {
      let depth = 0;
      while (i < value.length) {
        const c = value[i]!;
        if (c === '(') depth++;
        else if (c === ')') depth = Math.max(0, depth - 1);
        else if (c === ',' && depth === 0) break;
        descriptor += c;
        i++;
      }
    }
    candidates.push({ url, descriptor: descriptor.trim() });
  }
  return candidates;
}

/** The sanitizer's rule (hast-util-sanitize's safeProtocol): relative URLs pass, others need a listed protocol. */
export function hasAllowedProtocol(url: string, protocols: readonly string[]): boolean {
  const colon = url.indexOf(':');
  const cut = [url.indexOf('?'), url.indexOf('#'), url.indexOf('/')].filter((i) => i > -1);
  if (colon < 0 || cut.some((i) => colon > i)) return true;
  return protocols.some((p) => colon === p.length && url.slice(0, p.length) === p);
}

/** A srcset with its unsafe candidates dropped (undefined when none is left), and what was dropped. */
export function safeSrcset(value: string, protocols = SRCSET_PROTOCOLS): { value: string | undefined; dropped: string[] } {
  const candidates = srcsetCandidates(value);
  const kept = candidates.filter((c) => hasAllowedProtocol(c.url, protocols));
  const dropped = candidates.filter((c) => !kept.includes(c)).map((c) => c.url);
  if (dropped.length === 0) return { value, dropped };
  return { value: kept.length ? kept.map((c) => (c.descriptor ? `${c.url} ${c.descriptor}` : c.url)).join(', ') : undefined, dropped };
}

/** Every srcset of a (sanitized) tree made safe in place; gives what it dropped, by element and line. */
export function sanitizeSrcsets(tree: Root): { line: number; tagName: string; url: string }[] {
  const removed: { line: number; tagName: string; url: string }[] = [];
  visit(tree, 'element', (node: Element) => {
    const raw = node.properties.srcSet;
    if (raw === undefined || raw === null) return;
    const value = Array.isArray(raw) ? raw.join(', ') : String(raw);
    const safe = safeSrcset(value);
    if (safe.dropped.length === 0) return;
    for (const url of safe.dropped) removed.push({ line: node.position?.start.line ?? 0, tagName: node.tagName, url });
    if (safe.value === undefined) delete node.properties.srcSet;
    else node.properties.srcSet = safe.value;
  });
  return removed;
}

/** rehype plugin: sanitizeSrcsets after rehype-sanitize. */
export function rehypeSafeSrcset() {
  return (tree: Root) => {
    sanitizeSrcsets(tree);
  };
}
