/**
 * The sample site as `npm run build` makes it: valid HTML on every page (html-validate, recommended
 * rules), no broken internal link or anchor, no foreign script, external links without opener or
 * referrer, a CSP on every page and a headers file, and the build's own checks reported.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, type BuildResult } from '../support/build.ts';
import { scenario } from '../support/scenarios.ts';
import { brokenLinks, rel, scriptSafety, walkFiles } from '../support/site-checks.ts';

const SITE_URL = 'https://tongbao.example';
/** Every sample is published at SAMPLES_NOW: two pages, six feed items (three formats) and two sitemap entries each. */
const SAMPLES = readdirSync(join(projectRoot, 'content', 'articles')).filter((n) => n.endsWith('.md')).length;
let build: BuildResult;
let pages: string[];
beforeAll(() => {
  // The samples scenario: the default SITE_URL (SITE_URL here) and a secret-like TONGBAO_TEST_SECRET_KEY.
  build = scenario('samples');
  if (build.status !== 0) throw new Error(`npm run build failed:\n${build.output.slice(-4000)}`);
  pages = walkFiles(build.outDir).filter((f) => f.endsWith('.html'));
});

describe('the sample site built by npm run build', () => {
  it('reports its checks: nothing lost, secrets scanned, published', () => {
    expect(build.output).toMatch(
      new RegExp(
        `\\[tongbao\\] ${SAMPLES} published articles: ${SAMPLES * 2} pages, ${SAMPLES * 6} feed items, ${SAMPLES * 2} sitemap entries; \\d+ files scanned for secrets`,
      ),
    );
    expect(build.output).toMatch(/\[tongbao\] published .*dist\//);
  });

  it('has every page type, and html-validate reports 0 errors on each page', async () => {
    const types = new Set(
      pages.map((p) =>
        rel(build.outDir, p)
          .replace(/^zh-han[st]\//, '<locale>/')
          .replace(/\/[^/]+\/index\.html$/, '/*/index.html'),
      ),
    );
    for (const type of ['index.html', '<locale>/index.html', '<locale>/articles/*/index.html']) expect(types).toContain(type);
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
    const errors: string[] = [];
    for (const page of pages) {
      const report = await validator.validateFile(page);
      for (const r of report.results)
        for (const m of r.messages) errors.push(`${rel(build.outDir, page)}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    }
    expect(errors).toEqual([]);
  }, 60_000);

  it('has 0 broken internal links or anchors', () => {
    const { checked, broken } = brokenLinks(build.outDir, SITE_URL);
    expect(checked).toBeGreaterThan(50);
    expect(broken).toEqual([]);
  });

  it('runs no foreign script and carries a CSP without unsafe-inline scripts on every page', () => {
    expect(pages.flatMap((p) => scriptSafety(readFileSync(p, 'utf8'), rel(build.outDir, p)))).toEqual([]);
  });

  it('marks every external link rel="noopener noreferrer", in the body and in the disclaimers', () => {
    const external: string[] = [];
    for (const page of pages) {
      visit(fromHtml(readFileSync(page, 'utf8')), 'element', (node: Element) => {
        const href = String(node.properties.href ?? '');
        if (node.tagName === 'a' && /^https?:\/\//.test(href) && !href.startsWith(SITE_URL)) {
          const relValue = (node.properties.rel ?? []) as string[];
          external.push(`${rel(build.outDir, page)} ${href} rel=${relValue.join(' ')}`);
        }
      });
    }
    expect(external.some((e) => e.includes('https://github.com/BYVoid/OpenCC'))).toBe(true);
    expect(external.some((e) => e.includes('http://m.2079x.cn/'))).toBe(true);
    // Share links add nofollow; every external link carries noopener and noreferrer.
    expect(external.filter((e) => !/ rel=(?=.*\bnoopener\b)(?=.*\bnoreferrer\b)/.test(e))).toEqual([]);
  });

  it('ships a headers file for static hosts that forbids framing and opener access and asks for HTTPS', () => {
    const headers = readFileSync(join(build.outDir, '_headers'), 'utf8');
    expect(headers).toMatch(/^\/\*$/m);
    expect(headers).toMatch(/Content-Security-Policy: frame-ancestors 'none'/);
    expect(headers).toMatch(/X-Content-Type-Options: nosniff/);
    expect(headers).toMatch(/Cross-Origin-Opener-Policy: same-origin/);
    expect(headers).toMatch(/Strict-Transport-Security: max-age=\d+/);
  });
});
