/**
 * Telling search engines and hubs what changed on publish (each service off unless configured, see
 * ./config.ts). Static builds: scripts/build.ts calls `notifyPublished` after the swap with the
 * previous and the new output folder. Server mode: call `notifyAfterPurge` after a purge with the URLs
 * whose pages and feeds were purged. Neither ever throws or rejects.
 */
import { changesBetween, isEmpty, type Changes } from './changes.ts';
import { anyTarget, notifyTargets, type NotifyTargets } from './config.ts';
import { outputFiles } from './digests.ts';
import { notifyChanges, type SendOptions, type ServiceReport } from './send.ts';

export type { NotifyTargets } from './config.ts';
export type { SendOptions, ServiceReport } from './send.ts';
export { notifyChanges } from './send.ts';

const warn = (options: SendOptions, line: string) => (options.warn ?? ((l: string) => console.warn(l)))(line);

/**
 * After a static build: the changes from `previousDir` (the site published before, undefined for a first
 * build, when every page and feed counts as new) to `nextDir`, sent to every configured service.
 */
export async function notifyPublished(
  previousDir: string | undefined,
  nextDir: string,
  targets: NotifyTargets = notifyTargets(),
  options: SendOptions = {},
): Promise<ServiceReport[]> {
  if (!anyTarget(targets)) return [];
  try {
    const changes = changesBetween(previousDir ? outputFiles(previousDir) : undefined, outputFiles(nextDir));
    const log = options.log ?? ((l: string) => console.log(l));
    log(
      `[tongbao] changed since the last build${previousDir ? '' : ' (a first build: everything)'}: ` +
        `${changes.pages.length} page(s), ${changes.removed.length} removed, ${changes.feeds.length} feed(s)`,
    );
    if (isEmpty(changes)) return [];
    return await notifyChanges(changes, targets, options);
  } catch (error) {
    warn(options, `[tongbao] warning: could not tell search engines and hubs what changed: ${(error as Error).message}`);
    return [];
  }
}

/**
 * Server mode, after a purge: the absolute URLs of the pages purged because they changed (`pages`), of
 * those that are gone (`removed`: they answer 404 or 410 by now) and of the feeds purged (`feeds`).
 */
export async function notifyAfterPurge(
  purged: { pages: readonly string[]; removed?: readonly string[]; feeds: readonly string[] },
  targets: NotifyTargets = notifyTargets(),
  options: SendOptions = {},
): Promise<ServiceReport[]> {
  const changes: Changes = { pages: [...purged.pages].sort(), removed: [...(purged.removed ?? [])].sort(), feeds: [...purged.feeds].sort() };
  if (!anyTarget(targets) || isEmpty(changes)) return [];
  try {
    return await notifyChanges(changes, targets, options);
  } catch (error) {
    warn(options, `[tongbao] warning: could not tell search engines and hubs what was purged: ${(error as Error).message}`);
    return [];
  }
}
