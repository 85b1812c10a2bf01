/**
 * Local image references must point at a file that will be published: the lead image
 * (`image.src`) and every image in the body (`![alt](/images/x.png)` or raw `<img src>`) whose
 * path is on this site. A relative path in a Markdown image is refused (it breaks on the other
 * locale's page); in raw HTML, which is sanitized anyway, only site paths are checked.
 * Pure: the file check comes in as a function.
 */
import type { Html, Image, Root, RootContent } from 'mdast';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { Article } from '../../model/article.ts';

export interface ImageProblem {
  field: string;
  message: string;
}

const parser = unified().use(remarkParse).use(remarkGfm);
const IMG_SRC = /<img\b[^>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;

/** Every image URL of a Markdown body, with its 1-based line. */
export function bodyImages(markdown: string): { url: string; line: number; raw: boolean }[] {
  const found: { url: string; line: number; raw: boolean }[] = [];
  const walk = (nodes: RootContent[]) => {
    for (const node of nodes) {
      if (node.type === 'image') found.push({ url: (node as Image).url, line: node.position?.start.line ?? 0, raw: false });
      if (node.type === 'html') {
        const html = node as Html;
        for (const m of html.value.matchAll(IMG_SRC)) {
          const before = html.value.slice(0, m.index).split('\n').length - 1;
          found.push({ url: m[1] ?? m[2] ?? m[3] ?? '', line: (html.position?.start.line ?? 1) + before, raw: true });
        }
      }
      if ('children' in node) walk(node.children as RootContent[]);
    }
  };
  walk((parser.parse(markdown) as Root).children);
  return found;
}

/** A path on this site (`/images/x.png`), not a URL elsewhere or a data: URL. */
const isLocal = (url: string) => !/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(url.trim());

/**
 * Problems with an article's local images. `exists(path)` answers for a site path such as
 * `/images/x.png` (the file under public/).
 */
export function checkImages(article: Pick<Article, 'image' | 'body'>, exists: (sitePath: string) => boolean): ImageProblem[] {
  const problems: ImageProblem[] = [];
  const check = (url: string, field: string) => {
    if (!isLocal(url)) return;
    const path = decodeURI(url.split(/[?#]/)[0] ?? '');
    if (!path.startsWith('/')) {
      problems.push({
        field,
        message: `image path "${url}" is relative; write it from the site root, e.g. /images/photo.jpg (a file under public/images/)`,
      });
    } else if (!exists(path)) {
      problems.push({
        field,
        message: `image "${url}" not found: add the file public${path}${path.startsWith('/images/') ? ` (or content${path} for a photo resized by the image pipeline)` : ''}, or correct the path`,
      });
    }
  };
  if (article.image) check(article.image.src, 'image.src');
  for (const { url, line, raw } of bodyImages(typeof article.body === 'string' ? article.body : '')) {
    // Raw HTML is pasted, not written: it is sanitized (with a warning), and only its site paths are checked.
    if (raw && !url.trim().startsWith('/')) continue;
    check(url, `body (line ${line})`);
  }
  return problems;
}
