import { readLocalContent } from './src/sources/local/files.ts';
import { articleCard } from './src/lib/share-image/cards.ts';
import { renderShareImage } from './src/lib/share-image/render.ts';
const { articles } = await readLocalContent(process.cwd(), '/tmp/c2000');
const mb = () => (process.memoryUsage().rss/2**20).toFixed(0);
for (let k = 0; k < 5; k++) {
  const t = performance.now();
  for (const { article } of articles.slice(k*60, k*60+60)) await renderShareImage(articleCard(article, 'zh-Hant'));
  console.log('batch', k, ((performance.now() - t)/60).toFixed(1), 'ms each; rss', mb(), 'MB', JSON.stringify(process.memoryUsage()));
}
