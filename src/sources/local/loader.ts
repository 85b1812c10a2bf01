/** Astro content loader over `content/articles/*.md`: a thin adapter over readArticleFiles. */
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import type { ArticleSchema } from '../../model/article.ts';
import { readArticleFiles } from './files.ts';

export function localArticles(options: { contentDir: string; schema: ArticleSchema }): Loader {
  return {
    name: 'tongbao-local-articles',
    load: async ({ store, logger, config, generateDigest, watcher }) => {
      const root = fileURLToPath(config.root);
      const sync = async () => {
        const loaded = await readArticleFiles(root, options.contentDir, options.schema);
        store.clear();
        for (const { article, path } of loaded) {
          const data = { ...article } as Record<string, unknown>;
          store.set({ id: article.slug, data, filePath: path, digest: generateDigest(data) });
        }
        logger.info(`${loaded.length} article(s) from ${options.contentDir}/articles`);
      };
      await sync();
      watcher?.on('all', (_event, changed) => {
        if (changed.endsWith('.md') && changed.includes(`${options.contentDir}`)) {
          sync().catch((error: unknown) => logger.error((error as Error).message));
        }
      });
    },
  };
}
