import { readLocalContent } from './src/sources/local/files.ts';
import { renderArticle } from './src/lib/localize.ts';
import { conversionClock } from './src/zh/convert.ts';
const { articles } = await readLocalContent(process.cwd(), '/tmp/c2000');
renderArticle(articles[0]!.article); renderArticle(articles[1]!.article);
conversionClock.ms = 0;
const t = performance.now();
for (const { article } of articles) renderArticle(article);
console.log('renderArticle x', articles.length, (performance.now() - t).toFixed(0), 'ms; converting', conversionClock.ms.toFixed(0), 'ms');
