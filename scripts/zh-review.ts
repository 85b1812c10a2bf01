/**
 * npm run zh:review -- <slug> [...]: prints the ambiguity review of articles (src/lib/zh-review.ts):
 * every one-to-many character OpenCC converted by its single-character fallback, with context.
 * Without a slug: one line per article. --json prints the JSON report.
 */
import { readLocalContent } from '../src/sources/local/files.ts';
import { env } from '../src/config/env.ts';
import { formatReport, reviewArticle } from '../src/lib/zh-review.ts';

const args = process.argv.slice(2);
const json = args.includes('--json');
const slugs = args.filter((a) => !a.startsWith('--'));
let articles;
try {
  articles = (await readLocalContent(process.cwd(), env.TONGBAO_CONTENT_DIR)).articles.map((a) => a.article);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
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
