/**
 * `npm run lake`: the local content lake over content/dataset.ndjson (see scripts/lake/server.ts).
 *
 *   npm run lake -- [--port 4444] [--dataset content/dataset.ndjson] [--assets content/images --assets content/images/authors --assets public/images]
 *                   [--token <read token>] [--persist] [--fault 503[:count]]
 *                   [--webhook URL [--webhook URL …] --webhook-secret S [--webhook-projection '{_id, _type, "slug": slug.current}']
 *                    [--webhook-filter '_type == "article"'] [--project-id local]]
 *
 * With --webhook, each transaction that creates, changes or deletes a published document (publishing a
 * draft included) is sent to every URL as Sanity's GROQ-powered webhooks send it, signed with the secret
 * (verify with @sanity/webhook's isValidSignature), retried with backoff, after the mutation has answered.
 *
 * Then build from it:
 *   SANITY_PROJECT_ID=local SANITY_DATASET=production SANITY_API_HOST=http://127.0.0.1:4444 npm run build
 */
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { FAULT_MODES, Lake, type FaultMode } from './lake/server.ts';

const root = join(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4444' },
    host: { type: 'string', default: '127.0.0.1' },
    dataset: { type: 'string', default: join(root, 'content', 'dataset.ndjson') },
    assets: {
      type: 'string',
      multiple: true,
      // Authors' photos live in content/images/authors/ (the dataset names files by their name alone).
      default: [join(root, 'content', 'images'), join(root, 'content', 'images', 'authors'), join(root, 'public', 'images')],
    },
    token: { type: 'string' },
    persist: { type: 'boolean', default: false },
    fault: { type: 'string' },
    webhook: { type: 'string', multiple: true, default: [] },
    'webhook-secret': { type: 'string' },
    'webhook-projection': { type: 'string' },
    'webhook-filter': { type: 'string' },
    'project-id': { type: 'string', default: 'local' },
    'dataset-name': { type: 'string', default: 'production' },
  },
});

function fail(message: string): never {
  console.error(`[tongbao] ${message}`);
  process.exit(2);
}

let fault: { mode: FaultMode; count?: number } | undefined;
if (values.fault) {
  const [mode, count] = values.fault.split(':');
  if (!FAULT_MODES.includes(mode as FaultMode)) fail(`--fault ${values.fault}: the mode is one of ${FAULT_MODES.join(', ')} (optionally :count)`);
  fault = { mode: mode as FaultMode, ...(count ? { count: Number(count) } : {}) };
}
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port ${values.port}: expected a port number`);

for (const url of values.webhook) {
  if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol))
    fail(
      `--webhook ${url}: expected an http(s) URL, e.g. http://127.0.0.1:4321/api/revalidate/ (the trailing slash: without it the site answers 301)`,
    );
}
if (values.webhook.length && !values['webhook-secret'])
  console.warn('[tongbao] lake: --webhook without --webhook-secret: requests go unsigned (the site refuses them)');
const webhooks = values.webhook.length
  ? {
      targets: values.webhook.map((url) => ({
        url,
        secret: values['webhook-secret'],
        projection: values['webhook-projection'],
        filter: values['webhook-filter'],
      })),
      projectId: values['project-id'],
      dataset: values['dataset-name'],
    }
  : undefined;

let lake: Lake;
try {
  lake = new Lake({ datasetFile: values.dataset, assetsDir: values.assets, token: values.token, persist: values.persist, fault, webhooks });
} catch (error) {
  fail(`${(error as Error).message.replace(/^\[tongbao\] /, '')}\n  Check the file, or regenerate it with \`npm run dataset\`.`);
}
let origin: string;
try {
  origin = await lake.listen(port, values.host);
} catch (error) {
  fail(`cannot listen on ${values.host}:${port} (${(error as Error).message}); choose another with --port`);
}
const counts = new Map<string, number>();
for (const d of lake.docs.values()) counts.set(d._type, (counts.get(d._type) ?? 0) + 1);
console.log(
  `[tongbao] lake: ${lake.docs.size} documents from ${relative(process.cwd(), values.dataset) || values.dataset} (${[...counts].map(([t, n]) => `${n} ${t}`).join(', ')})`,
);
console.log(
  `[tongbao] lake: serving Sanity's query and mutation API at ${origin}${values.token ? ' (token required for drafts and mutations)' : ''}${fault ? `, fault ${fault.mode}` : ''}`,
);
if (webhooks)
  console.log(
    `[tongbao] lake: webhooks after each publishing transaction to ${values.webhook.join(', ')}${values['webhook-secret'] ? ' (signed)' : ''}`,
  );
console.log(`[tongbao] build from it: SANITY_PROJECT_ID=local SANITY_DATASET=production SANITY_API_HOST=${origin} npm run build`);
const stop = () => void lake.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
