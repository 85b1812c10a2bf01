/** Astro content loader over the local content folder: a thin adapter over readLocalContent. */
import { isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { readLocalContent } from './files.ts';

export function localArticles(options: { contentDir: string }): Loader {
  return {
    name: 'tongbao-local-articles',
    load: async ({ store, logger, config, generateDigest, watcher }) => {
      const root = fileURLToPath(config.root);
      const sync = async () => {
        const { articles } = await readLocalContent(root, options.contentDir);
        store.clear();
        for (const { article, path } of articles) {
          const data = { ...article } as Record<string, unknown>;
          // Astro accepts only paths inside the project; a content folder elsewhere has none.
          store.set({ id: article.slug, data, filePath: isAbsolute(path) ? undefined : path, digest: generateDigest(data) });
        }
        logger.info(`${articles.length} article(s) from ${options.contentDir}/articles`);
      };
      await sync();
      watcher?.on('all', (_event, changed) => {
        if (/\.(md|ya?ml)$/.test(changed) && changed.includes(options.contentDir)) {
          sync().catch((error: unknown) => logger.error((error as Error).message));
        }
      });
    },
  };
}
