/** The article's disclaimers as one semantic block, appended after the body by the pipeline. */
import { h } from 'hastscript';
import type { Element } from 'hast';
import type { Disclaimer } from '../disclaimers.ts';

const external = { rel: ['noopener', 'noreferrer'] };

/** Pure: the hast of the disclaimer block (`label`: its accessible name, in the page's locale), or null when there is nothing to say. */
export function disclaimerBlock(disclaimers: readonly Disclaimer[], label: string): Element | null {
  if (disclaimers.length === 0) return null;
  return h(
    'aside.disclaimers',
    { ariaLabel: label },
    disclaimers.map((d) => {
      const props = { className: ['disclaimer', `disclaimer-${d.kind}`], dataDisclaimer: d.kind };
      switch (d.kind) {
        case 'reprint':
          return h('p', props, [d.text, d.sourceLabel, h('a', { href: d.source.url, ...external }, d.source.name)]);
        case 'original':
          return h('p', props, [d.before, h('a', { href: d.url }, d.url), d.after]);
        case 'market-risk':
          return h('p', props, d.text);
      }
    }),
  );
}
