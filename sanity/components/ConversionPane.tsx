/**
 * The conversion pane: the article as the site will publish it in every other locale, as the editor types
 * (debounced), rendered by the site's own pipeline (sanity/components/conversion.ts over src/pipeline and src/zh).
 * Each character OpenCC converted by its single-character fallback is highlighted with its alternatives; what
 * the article's glossary, the site glossary (content/glossary.yaml) or override markup fixes is not. The body
 * HTML is the pipeline's output, sanitized there.
 */
import { useEffect, useMemo, useState, type CSSProperties } from 'react';
import { useClient } from 'sanity';
import type { UserViewComponent } from 'sanity/structure';
import { describeChoice, markedPieces, type MarkedChoice } from '../../src/pipeline/ambiguity-marks.ts';
import { SITE_GLOSSARY_QUERY } from '../../src/sources/sanity/queries.ts';
import type { SITE_GLOSSARY_QUERY_RESULT } from '../../src/sources/sanity/sanity.types.ts';
import { toSiteGlossary } from '../../src/sources/sanity/to-glossary.ts';
import { converter } from '../../src/zh/converter.ts';
import type { GlossaryEntry } from '../../src/zh/overrides.ts';
import { conversionModel, type ArticleDocument, type AuthorName, type LocaleView, type PaneModel } from './conversion.ts';
import { PUBLISHED_LOCALES, STUDIO_LOCALES, type Locale } from './site-locales.ts';

/** The pane re-renders this long after the last keystroke. */
export const DEBOUNCE_MS = 300;

interface Refs {
  authors?: { _ref?: string }[];
  category?: { _ref?: string };
  body?: { _type?: string; asset?: { _ref?: string } }[];
}

interface Fetched {
  authors: AuthorName[];
  categoryRisk: boolean;
  assets: Record<string, string>;
  siteGlossary: GlossaryEntry[];
  /** Why the site glossary cannot be applied (the build refuses it for the same reason). */
  glossaryProblem?: string | undefined;
}

/**
 * The documents the body refers to, fetched from the dataset: the authors' names, the category's risk flag, the images'
 * addresses, and the published site glossary (the build's query, src/sources/sanity/queries.ts: the pane applies what
 * will be published).
 */
const REFERENCED = `{
  "authors": *[_type == "author" && _id in $authors]{ _id, name, nameLocale, "names": names { "zh-Hans": zhHans, "zh-Hant": zhHant, "zh-Hant-HK": zhHantHK } },
  "categoryRisk": *[_type == "category" && _id == $category][0].riskNotice,
  "assets": *[_id in $assets]{ _id, url },
  "glossary": ${SITE_GLOSSARY_QUERY}
}`;

/** The site glossary's entries, or why there are none (an invalid document: the build names the same fields). */
function glossaryOf(doc: SITE_GLOSSARY_QUERY_RESULT): Pick<Fetched, 'siteGlossary' | 'glossaryProblem'> {
  try {
    return { siteGlossary: toSiteGlossary(doc) };
  } catch (error) {
    return { siteGlossary: [], glossaryProblem: (error as Error).message.replace(/^\[tongbao\] /, '') };
  }
}

function useReferenced(doc: Refs): Fetched {
  const client = useClient({ apiVersion: '2025-02-19' });
  const authorIds = (doc.authors ?? []).map((a) => a._ref).filter((r): r is string => Boolean(r));
  const category = doc.category?._ref ?? '';
  const assetIds = (doc.body ?? []).map((b) => (b._type === 'image' ? b.asset?._ref : undefined)).filter((r): r is string => Boolean(r));
  const key = JSON.stringify([authorIds, category, assetIds]);
  const [fetched, setFetched] = useState<Fetched>({ authors: [], categoryRisk: false, assets: {}, siteGlossary: [] });
  useEffect(() => {
    let live = true;
    const [authors, cat, assets] = JSON.parse(key) as [string[], string, string[]];
    client
      .fetch<{
        authors: (AuthorName & { _id: string })[];
        categoryRisk: boolean | null;
        assets: { _id: string; url?: string }[];
        glossary: SITE_GLOSSARY_QUERY_RESULT;
      }>(REFERENCED, {
        authors,
        category: cat,
        assets,
      })
      .then((result) => {
        if (!live) return;
        // In the order the article names them, as the build does.
        const byId = new Map(result.authors.map((a) => [a._id, a]));
        setFetched({
          authors: authors.flatMap((id) => {
            const a = byId.get(id);
            return a
              ? [{ name: a.name, nameLocale: a.nameLocale, names: Object.fromEntries(Object.entries(a.names ?? {}).filter(([, v]) => v)) }]
              : [];
          }),
          categoryRisk: result.categoryRisk === true,
          assets: Object.fromEntries(result.assets.filter((a) => a.url).map((a) => [a._id, a.url!])),
          ...glossaryOf(result.glossary),
        });
      })
      .catch(() => {
        // Without the references the pane still converts; the names and notices wait for the next change.
      });
    return () => {
      live = false;
    };
  }, [client, key]);
  return fetched;
}

/** The document as displayed, DEBOUNCE_MS after it last changed. */
function useDebounced<T>(value: T): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [value]);
  return settled;
}

/** Where the address of a published article goes in the attribution notice: the Studio does not know the site's address. */
const addressPlaceholder = (locale: Locale) => converter('cn', STUDIO_LOCALES[locale].opencc)('（发布后的本文网址）');

const styles: Record<string, CSSProperties> = {
  pane: { padding: '1rem 1.25rem', fontSize: '15px', lineHeight: 1.7, overflowY: 'auto', height: '100%', boxSizing: 'border-box' },
  section: { borderTop: '1px solid rgba(128,128,128,0.3)', paddingTop: '0.75rem', marginTop: '1rem' },
  label: { fontSize: '12px', textTransform: 'uppercase', letterSpacing: '0.05em', opacity: 0.7, margin: '0.75rem 0 0.25rem' },
  warning: { background: 'rgba(255, 196, 0, 0.15)', borderLeft: '3px solid #e0a800', padding: '0.5rem 0.75rem', margin: '0.5rem 0' },
  problem: { background: 'rgba(255, 0, 0, 0.1)', borderLeft: '3px solid #d32f2f', padding: '0.5rem 0.75rem', margin: '0.5rem 0' },
};
const MARK_CSS = `[data-testid="conversion-pane"] mark { background: #ffe08a; color: inherit; border-bottom: 2px solid #e0a800; cursor: help; }
[data-testid="conversion-pane"] mark[data-kept] { background: transparent; border-bottom: 2px dotted #e0a800; }
[data-testid="conversion-pane"] .disclaimers { font-size: 13px; opacity: 0.8; border-top: 1px dashed rgba(128,128,128,0.5); margin-top: 1rem; }
[data-testid="conversion-pane"] img { max-width: 100%; height: auto; }`;

function Marked({ text, choices }: { text: string; choices: readonly MarkedChoice[] }) {
  return (
    <>
      {markedPieces(text).map((piece, i) => {
        const choice = piece.mark === undefined ? undefined : choices[piece.mark];
        return choice ? (
          <mark key={i} title={describeChoice(choice)} data-char={choice.char} data-kept={choice.choice === choice.char ? '' : undefined}>
            {piece.text}
          </mark>
        ) : (
          <span key={i}>{piece.text}</span>
        );
      })}
    </>
  );
}

function LocaleSection({ view }: { view: LocaleView }) {
  const distinct = [...new Map(view.choices.map((c) => [`${c.char}${c.choice}`, c])).values()];
  return (
    <section style={styles.section} lang={view.locale} data-locale={view.locale} aria-label={view.label}>
      <div style={styles.label} lang="en">
        {view.label} · {view.locale}
      </div>
      {view.problem ? (
        <p style={styles.problem} lang="en" role="alert">
          {view.problem}
        </p>
      ) : null}
      <h2 style={{ margin: '0.25rem 0', fontSize: '1.35em' }} data-field="title">
        <Marked text={view.title} choices={view.choices} />
      </h2>
      <p style={{ margin: '0.25rem 0', opacity: 0.85 }} data-field="summary">
        <Marked text={view.summary} choices={view.choices} />
      </p>
      {view.imageAlt || view.imageCaption ? (
        <>
          <div style={styles.label} lang="en">
            Main image
          </div>
          {view.imageAlt ? (
            <p style={{ margin: 0 }} data-field="image-alt">
              <span lang="en">alt: </span>
              <Marked text={view.imageAlt} choices={view.choices} />
            </p>
          ) : null}
          {view.imageCaption ? (
            <p style={{ margin: 0 }} data-field="image-caption">
              <span lang="en">caption: </span>
              <Marked text={view.imageCaption} choices={view.choices} />
            </p>
          ) : null}
        </>
      ) : null}
      <div style={styles.label} lang="en">
        Body
      </div>
      {/* The pipeline's output: sanitized (rehype-sanitize) before conversion; the marks are added to that tree. */}
      {/* A preview: its links (the sources, the attribution notice's placeholder) do not navigate the Studio away. */}
      <div
        data-field="body"
        onClickCapture={(event) => {
          if ((event.target as Element).closest('a')) event.preventDefault();
        }}
        dangerouslySetInnerHTML={{ __html: view.bodyHtml }}
      />
      <div style={styles.label} lang="en">
        Chosen by the character alone ({distinct.length})
      </div>
      {distinct.length ? (
        <ul data-field="choices" style={{ margin: 0, paddingLeft: '1.25rem' }}>
          {distinct.map((c) => (
            <li key={`${c.char}${c.choice}`}>{describeChoice(c)}</li>
          ))}
        </ul>
      ) : (
        <p style={{ margin: 0 }} lang="en" data-field="choices">
          None: every character was converted by a phrase, the glossary or an override.
        </p>
      )}
    </section>
  );
}

export const ConversionPane: UserViewComponent = ({ document }) => {
  const displayed = useDebounced(document.displayed);
  const fetched = useReferenced(displayed as Refs);
  const model: PaneModel = useMemo(
    () =>
      conversionModel(displayed as ArticleDocument, {
        published: PUBLISHED_LOCALES,
        locales: STUDIO_LOCALES,
        authors: fetched.authors,
        categoryRisk: fetched.categoryRisk,
        siteGlossary: fetched.siteGlossary,
        imageSrc: (block) => fetched.assets[(block.asset as { _ref?: string } | undefined)?._ref ?? ''],
        canonicalUrl: addressPlaceholder,
      }),
    [displayed, fetched],
  );
  return (
    <div style={styles.pane} data-testid="conversion-pane">
      <style>{MARK_CSS}</style>
      <p style={{ margin: 0, opacity: 0.75 }} lang="en">
        Written in {STUDIO_LOCALES[model.sourceLocale].label} ({model.sourceLocale}). Highlighted: characters OpenCC converted by the character alone
        (dotted: kept as written); hover for the alternatives. To fix one, add the word to &ldquo;Glossary for this article&rdquo; with both forms, or
        write -{'{zh-hans:…;zh-hant:…}'}- around it.
      </p>
      {fetched.glossaryProblem && (
        <p style={styles.problem} lang="en" data-testid="conversion-glossary-problem">
          The site glossary is not applied: {fetched.glossaryProblem}
        </p>
      )}
      {model.warnings.map((w, i) => (
        <p key={i} style={styles.warning} lang="en" data-testid="conversion-warning">
          {w}
        </p>
      ))}
      {model.views.map((view) => (
        <LocaleSection key={view.locale} view={view} />
      ))}
    </div>
  );
};
