/**
 * npm run zh:review -- <slug> [...]: prints the ambiguity review of articles (src/lib/zh-review.ts):
 * every one-to-many character OpenCC converted by its single-character fallback, with context.
 * Without a slug: one line per article. --json prints the JSON report.
 */
import { readArticlesOrExit } from './lib/local-articles.ts';
import { env } from '../src/config/env.ts';
import { formatReport, reviewArticle } from '../src/lib/zh-review.ts';

const args = process.argv.slice(2);
const json = args.includes('--json');
const slugs = args.filter((a) => !a.startsWith('--'));
const articles = await readArticlesOrExit();
if (slugs.length === 0) {
  for (const article of articles) {
    const r = reviewArticle(article);
    console.log(`${r.slug}: ${r.total} ambiguous, ${r.headline} in title/summary`);
  }
  process.exit(0);
}
let failed = false;
for (const slug of slugs) {
  const article = articles.find((a) => a.slug === slug);
  if (!article) {
    console.error(`[tongbao] no article "${slug}" in ${env.TONGBAO_CONTENT_DIR}/articles; known: ${articles.map((a) => a.slug).join(', ')}`);
    failed = true;
    continue;
  }
  const report = reviewArticle(article);
  console.log(json ? JSON.stringify(report, null, 2) : formatReport(report));
}
process.exit(failed ? 1 : 0);
