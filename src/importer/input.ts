/**
 * Bytes of a saved page → text. Plain UTF-8 text, or saved HTML (the article extracted with
 * @mozilla/readability over linkedom, one paragraph per block). Empty, binary or non-UTF-8 input is an
 * ImportError naming the cause.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { ImportError } from './errors.ts';

export function decodeInput(bytes: Uint8Array): string {
  if (bytes.length === 0 || !new TextDecoder().decode(bytes).trim()) throw new ImportError('the file is empty', '(file)');
  const sample = bytes.subarray(0, 8192);
  const controls = sample.filter((b) => b === 0 || b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)).length;
  if (sample.includes(0) || controls > sample.length / 100) throw new ImportError('the file is binary, not text or HTML', '(file)');
  try {
    return new TextDecoder('utf-8', { fatal: true })
      .decode(bytes)
      .replace(/^\uFEFF/, '')
      .replace(/\r\n?/g, '\n');
  } catch {
    throw new ImportError('unknown encoding: the file is not valid UTF-8; convert it first (e.g. iconv -f GB18030 -t UTF-8)', '(encoding)');
  }
}

export const looksLikeHtml = (text: string) => /^\s*(?:<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(text);

/** Saved HTML → "title\n\nparagraph\n\nparagraph…", the shape plain-text pages have. */
export function extractHtml(html: string): string {
  const { document } = parseHTML(html);
  // The page's own headline: <title> usually carries the site's name after it (…_資訊_某某網).
  const h1 = document.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim();
  const article = new Readability(document as unknown as Document, { charThreshold: 20 }).parse();
  if (!article?.content) throw new ImportError('no article found in the HTML', '(html)');
  const { document: content } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
  const blocks = [...content.querySelectorAll('p, h1, h2, h3, h4, li, figcaption, blockquote')]
    .filter((el) => !el.querySelector('p, li, blockquote'))
    .map((el) => (el.textContent ?? '').replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean);
  const title = h1 && (!article.title || article.title.includes(h1)) ? h1 : (article.title ?? '').trim();
  return [title, ...blocks.filter((b, i) => !(i === 0 && b === title))].join('\n\n') + '\n';
}
