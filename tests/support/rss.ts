/**
 * RSS items exactly as the XML says, one level of XML escaping removed and no more. (Feed libraries
 * that "normalize" content also decode HTML entities inside it, turning escaped text such as
 * `&lt;script&gt;` back into markup; for security checks the raw field is what counts.)
 */
import { XMLParser } from 'fast-xml-parser';

export interface RawItem {
  title: string;
  link: string;
  description: string;
  content: string;
  categories: string[];
  creator: string;
}

const parser = new XMLParser({
  ignoreAttributes: true,
  processEntities: true,
  htmlEntities: false,
  parseTagValue: false,
  trimValues: false,
  isArray: (name) => name === 'item' || name === 'category',
});

const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));

export function rssItems(xml: string): RawItem[] {
  const doc = parser.parse(xml) as { rss?: { channel?: { item?: Record<string, unknown>[] } } };
  return (doc.rss?.channel?.item ?? []).map((i) => ({
    title: str(i.title),
    link: str(i.link),
    description: str(i.description),
    content: str(i['content:encoded']),
    categories: ((i.category as unknown[] | undefined) ?? []).map(str),
    creator: str(i['dc:creator']),
  }));
}
