// RSS 2.0 of one locale: full HTML content (body + disclaimers), newest first.
import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { localeOrder, locales, site } from '../../config/site.ts';
import { bodyReady, publishedArticles } from '../../lib/collection.ts';
import { localize } from '../../lib/localize.ts';
import { absoluteUrl, paths } from '../../lib/urls.ts';
import { joinNames } from '../../pipeline/disclaimers.ts';
import type { Locale } from '../../model/locale.ts';

export const getStaticPaths = (() =>
  localeOrder.map((locale) => ({ params: { locale: locales[locale].segment }, props: { locale } }))) satisfies GetStaticPaths;

const escapeXml = (text: string) =>
  text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] ?? c);

export const GET: APIRoute = async ({ props }) => {
  const locale = (props as { locale: Locale }).locale;
  const articles = (await publishedArticles()).slice(0, site.feedLimit);
  await Promise.all(articles.map(bodyReady));
  return rss({
    title: site.name[locale],
    description: site.tagline[locale],
    site: absoluteUrl(paths.home(locale)),
    xmlns: { dc: 'http://purl.org/dc/elements/1.1/', atom: 'http://www.w3.org/2005/Atom' },
    customData:
      `<language>${locales[locale].feedLanguage}</language>` +
      `<atom:link href="${escapeXml(absoluteUrl(paths.feed(locale)))}" rel="self" type="application/rss+xml"/>`,
    items: articles.map((article) => {
      const a = localize(article, locale);
      return {
        title: a.title,
        link: a.canonicalUrl,
        pubDate: a.publishedAt,
        description: a.summary,
        content: a.html,
        categories: [a.category.name, ...a.tags],
        customData: `<dc:creator>${escapeXml(joinNames(a.authors.map((au) => au.name)))}</dc:creator>`,
      };
    }),
  });
};
