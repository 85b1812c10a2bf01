/**
 * A bounded load test of the server build (`TONGBAO_OUTPUT=server`, the shared `server` scenario): autocannon
 * on loopback for 20 s, 10 connections, over article pages, listings, feeds and sitemaps in both scripts,
 * through the in-process cache (a fresh render after each expiry). Every response must be a 200: no errors,
 * no timeouts, no other status.
 */
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import autocannon from 'autocannon';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { projectRoot, type BuildResult } from '../support/build.ts';
import { SAMPLES_NOW, scenario } from '../support/scenarios.ts';
import { startServer, type RunningServer } from '../support/server.ts';

const PORT = 4363;
const SECONDS = 20;
let build: BuildResult;
let server: RunningServer;
let content: string;

beforeAll(async () => {
  build = scenario('server');
  expect(build.status, build.output).toBe(0);
  content = join(mkdtempSync(join(tmpdir(), 'tongbao-load-')), 'content');
  cpSync(join(projectRoot, 'content'), content, { recursive: true });
  server = await startServer(build.outDir, PORT, { TONGBAO_NOW: SAMPLES_NOW, TONGBAO_CONTENT_DIR: content });
});

afterAll(async () => {
  await server?.stop();
  if (content) rmSync(dirname(content), { recursive: true, force: true });
});

it(`serves ${SECONDS} s of loopback load with 0 errors`, { timeout: 120_000 }, async () => {
  const slugs = readdirSync(join(content, 'articles'))
    .filter((n) => n.endsWith('.md') && !n.startsWith('_'))
    .map((n) => n.replace(/\.md$/, ''));
  const paths = [
    ...['zh-hans', 'zh-hant'].flatMap((l) => [
      ...slugs.map((s) => `/${l}/articles/${s}/`),
      `/${l}/`,
      `/${l}/rss.xml`,
      `/${l}/feed.json`,
      `/${l}/corrections/`,
      `/${l}/archive/2026/`,
    ]),
    '/',
    '/sitemap-articles.xml',
    '/sitemap-news.xml',
  ];
  // Warm: each page rendered once (the cold render is not what this measures).
  for (const p of paths) expect((await fetch(`${server.origin}${p}`)).status, p).toBe(200);
  const result = await autocannon({
    url: server.origin,
    connections: 10,
    duration: SECONDS,
    requests: paths.map((path) => ({ method: 'GET', path })),
  });
  console.log(
    `[tests] load: ${result.requests.total} requests in ${SECONDS} s (${Math.round(result.requests.average)}/s), ` +
      `latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms; ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx`,
  );
  expect(result.requests.total).toBeGreaterThan(1000);
  expect(result.errors).toBe(0);
  expect(result.timeouts).toBe(0);
  expect(result.non2xx).toBe(0);
});
