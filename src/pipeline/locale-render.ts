/**
 * What one locale of an article is rendered with: OpenCC with the article's overrides, then the locale's
 * typography; and the disclaimers under the body. Pure and browser-safe: the build (src/lib/localize.ts) and the
 * Studio's conversion pane (sanity/components/conversion.ts) both render through it.
 */
import type { Convert } from '../zh/converter.ts';
import { withOverrides, type Overrides } from '../zh/overrides.ts';
import { typeset, type Quotes } from '../zh/typography.ts';
import { disclaimersFor, type DisclaimerInput, type DisclaimerTexts } from './disclaimers.ts';
import type { RenderBodyOptions } from './processor.ts';

/** OpenCC (`plain`, source variant → locale variant) honouring the overrides, then the locale's typography. */
export function localeConverter(plain: Convert, overrides: Overrides, quotes: Quotes): Convert {
  const overridden = withOverrides(plain, overrides);
  // Typography at render time: the source stays as written.
  return (text) => typeset(overridden(text), quotes);
}

/** The disclaimers' input as the body renderer gets it: everything in the locale already but the source. */
export type BodyDisclaimerInput = Omit<DisclaimerInput, 'source'> & {
  /** The source as written (converted here with the article's converter). */
  source?: DisclaimerInput['source'];
};

/** The disclaimer texts of one locale, and the label of their block. */
export interface LocaleDisclaimerTexts extends DisclaimerTexts {
  heading: string;
}

/** The body options of one locale: its converter and its disclaimers. */
export function bodyOptionsFor(convert: Convert, input: BodyDisclaimerInput, texts: LocaleDisclaimerTexts): RenderBodyOptions {
  const { heading, ...disclaimerTexts } = texts;
  const disclaimers = disclaimersFor(
    { ...input, source: input.source && { name: convert(input.source.name), url: input.source.url } },
    disclaimerTexts,
  );
  return { convert, disclaimers, disclaimerLabel: heading };
}
