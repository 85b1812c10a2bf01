/**
 * Lighthouse (mobile: its default config, simulated throttling) on pages of a served build, with the system
 * Chromium. One Chrome for all pages, pages in sequence. Used by tests/e2e/lighthouse.spec.ts and
 * `npm run bench:pages -- --lighthouse`.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS, findChromium } from './chromium.ts';

export const LIGHTHOUSE_CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type LighthouseCategory = (typeof LIGHTHOUSE_CATEGORIES)[number];

export interface FailingAudit {
  category: LighthouseCategory;
  id: string;
  title: string;
  score: number;
  displayValue?: string;
  /** The first few items of the audit's details (which element, which request). */
  items: string[];
}

export interface LighthouseReport {
  url: string;
  scores: Record<LighthouseCategory, number>;
  /** Audits that count towards a category's score and are below 1. */
  failing: FailingAudit[];
  /** The metrics in ms (first and largest contentful paint, speed index, total blocking time) and CLS. */
  metrics: Record<string, number>;
}

function describeItem(item: unknown): string {
  if (!item || typeof item !== 'object') return String(item);
  const record = item as Record<string, unknown>;
  const node = record.node as { snippet?: string; selector?: string } | undefined;
  if (node?.snippet) return node.snippet;
  if (typeof record.url === 'string') return record.url;
  if (typeof record.source === 'object' && record.source && 'url' in record.source) return String(record.source.url);
  return JSON.stringify(item).slice(0, 200);
}

export interface LighthouseSession {
  /** One Lighthouse run (a fresh navigation, storage reset) on `url`. */
  audit(url: string): Promise<LighthouseReport>;
  close(): void;
}

/** Starts one headless Chrome (the flags this machine needs) for Lighthouse runs in sequence. */
export async function startLighthouse(): Promise<LighthouseSession> {
  const chrome = findChromium();
  if (!chrome) throw new Error('[tongbao] lighthouse: no Chromium found; install chromium or set CHROMIUM_PATH.');
  const browser = await chromeLauncher.launch({ chromePath: chrome.path, chromeFlags: ['--headless=new', ...CHROMIUM_ARGS] });
  return {
    close: () => browser.kill(),
    async audit(url) {
      const result = await lighthouse(url, {
        port: browser.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: [...LIGHTHOUSE_CATEGORIES],
      });
      if (!result) throw new Error(`[tongbao] lighthouse: no result for ${url}`);
      const { lhr } = result;
      if (lhr.runtimeError) throw new Error(`[tongbao] lighthouse: ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
      const scores = {} as Record<LighthouseCategory, number>;
      const failing: FailingAudit[] = [];
      for (const id of LIGHTHOUSE_CATEGORIES) {
        const category = lhr.categories[id];
        scores[id] = Math.round((category?.score ?? 0) * 100);
        for (const ref of category?.auditRefs ?? []) {
          const audit = lhr.audits[ref.id];
          if (ref.weight === 0 || !audit || audit.score === null || audit.score >= 1) continue;
          const details = audit.details as { items?: unknown[] } | undefined;
          failing.push({
            category: id,
            id: audit.id,
            title: audit.title,
            score: audit.score,
            ...(audit.displayValue ? { displayValue: audit.displayValue } : {}),
            items: (details?.items ?? []).slice(0, 5).map(describeItem),
          });
        }
      }
      const metric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
      const metrics = {
        fcp: Math.round(metric('first-contentful-paint')),
        lcp: Math.round(metric('largest-contentful-paint')),
        si: Math.round(metric('speed-index')),
        tbt: Math.round(metric('total-blocking-time')),
        cls: Number(metric('cumulative-layout-shift').toFixed(3)),
      };
      return { url, scores, failing, metrics };
    },
  };
}

/** One line a page, then the failing audits under it: what a failing test or the bench prints. */
export function formatReport(report: LighthouseReport): string {
  const lines = [`${report.url}: ${LIGHTHOUSE_CATEGORIES.map((c) => `${c} ${report.scores[c]}`).join(', ')} (${JSON.stringify(report.metrics)})`];
  for (const f of report.failing) {
    lines.push(`  ${f.category}: ${f.id} (${f.score}) — ${f.title}${f.displayValue ? ` — ${f.displayValue}` : ''}`);
    for (const item of f.items) lines.push(`      ${item}`);
  }
  return lines.join('\n');
}
