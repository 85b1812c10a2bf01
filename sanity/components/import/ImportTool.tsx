/**
 * The Studio tool "Import a press release": paste a scraped page's text or saved HTML (or choose the file), read
 * the importer's report — what it removed (pinyin annotations, page furniture, the repeated lead), what it
 * repaired, the runs it flagged — type the intended text for a flagged run (applied only when re-encoding proves
 * it, as `npm run import -- --fix` does), then create the draft through the Studio's client and open it in the
 * desk. The work is studio-import.ts over src/importer; this file only shows it.
 */
import { useEffect, useMemo, useState, type CSSProperties, type ReactNode } from 'react';
import { useClient } from 'sanity';
import { useRouter } from 'sanity/router';
import type { Change } from '../../../src/importer/types.ts';
import { previewImport, taxonomyFrom, type DatasetTaxonomy, type ImportSource } from './studio-import.ts';

const TAXONOMY_QUERY = `{
  "authors": *[_type == "author" && !(_id in path("drafts.**"))] | order(slug.current asc) { "slug": slug.current, name, nameLocale, names },
  "categories": *[_type == "category" && !(_id in path("drafts.**"))] | order(slug.current asc) { "slug": slug.current, name, nameLocale, riskNotice }
}`;

const styles: Record<string, CSSProperties> = {
  page: {
    padding: '1.5rem 2rem',
    maxWidth: '64rem',
    margin: '0 auto',
    fontSize: '15px',
    lineHeight: 1.6,
    overflowY: 'auto',
    height: '100%',
    boxSizing: 'border-box',
  },
  textarea: { width: '100%', minHeight: '12rem', fontFamily: 'inherit', fontSize: '14px', boxSizing: 'border-box', padding: '0.5rem' },
  row: { display: 'flex', gap: '1rem', flexWrap: 'wrap', alignItems: 'end', margin: '0.75rem 0' },
  label: { display: 'flex', flexDirection: 'column', fontSize: '13px', gap: '0.25rem' },
  section: { borderTop: '1px solid rgba(128,128,128,0.3)', paddingTop: '0.75rem', marginTop: '1rem' },
  warning: { background: 'rgba(255, 196, 0, 0.15)', borderLeft: '3px solid #e0a800', padding: '0.5rem 0.75rem', margin: '0.5rem 0' },
  problem: { background: 'rgba(255, 0, 0, 0.1)', borderLeft: '3px solid #d32f2f', padding: '0.5rem 0.75rem', margin: '0.5rem 0' },
  done: { background: 'rgba(0, 160, 80, 0.1)', borderLeft: '3px solid #2e7d32', padding: '0.5rem 0.75rem', margin: '0.5rem 0' },
  button: { padding: '0.4rem 0.9rem', fontSize: '14px', cursor: 'pointer' },
  code: { fontFamily: 'ui-monospace, monospace', background: 'rgba(128,128,128,0.15)', padding: '0 0.25rem', wordBreak: 'break-all' },
};

/** A change as the report lists it: what went, shortened, and why. */
const shorten = (s: string, n = 60) => (s.length > n ? `${s.slice(0, n)}…` : s);

function ChangeList({ changes, testId }: { changes: readonly Change[]; testId: string }) {
  if (!changes.length) return null;
  return (
    <ul data-testid={testId}>
      {changes.map((c, i) => (
        <li key={i}>
          line {c.line}: <span style={styles.code}>{shorten(c.from)}</span>
          {c.to ? (
            <>
              {' → '}
              <span style={styles.code}>{shorten(c.to)}</span>
            </>
          ) : null}
          {c.note ? ` (${c.note})` : null}
        </li>
      ))}
    </ul>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label style={styles.label}>
      {label}
      {children}
    </label>
  );
}

export function ImportTool() {
  const client = useClient({ apiVersion: '2025-02-19' });
  const router = useRouter();
  const [dataset, setDataset] = useState<DatasetTaxonomy | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    client
      .fetch<DatasetTaxonomy>(TAXONOMY_QUERY)
      .then((d) => live && setDataset(d))
      .catch((error: unknown) => live && setLoadError(`cannot read the authors and categories: ${(error as Error).message}`));
    return () => {
      live = false;
    };
  }, [client]);
  const taxonomy = useMemo(() => (dataset ? taxonomyFrom(dataset) : null), [dataset]);

  const [pasted, setPasted] = useState('');
  // What the importer last read (the pasted text when "Read" was pressed, or the chosen file) and when.
  const [run, setRun] = useState<{ source: ImportSource; now: Date } | null>(null);
  const [fixes, setFixes] = useState<string[]>([]);
  const [typed, setTyped] = useState<Record<number, string>>({});
  const [slug, setSlug] = useState('');
  const [category, setCategory] = useState('news');
  const [author, setAuthor] = useState('');
  const [creating, setCreating] = useState(false);
  const [createError, setCreateError] = useState<string | null>(null);

  const start = (source: ImportSource) => {
    setRun({ source, now: new Date() });
    setFixes([]);
    setTyped({});
    setCreateError(null);
  };
  const preview = useMemo(
    () => (run && taxonomy ? previewImport(run.source, { fixes, slug, category, author, now: run.now }, taxonomy) : null),
    [run, taxonomy, fixes, slug, category, author],
  );
  const report = preview?.report;
  const draft = preview?.draft;
  const changes = report?.changes ?? [];
  const of = (kind: Change['kind']) => changes.filter((c) => c.kind === kind);
  const c = report?.counts ?? {};

  const create = async () => {
    if (!preview?.document) return;
    setCreating(true);
    setCreateError(null);
    try {
      await client.create(preview.document);
      router.navigateIntent('edit', { id: preview.document._id.replace(/^drafts\./, ''), type: 'article' });
    } catch (error) {
      const e = error as { statusCode?: number; message?: string };
      setCreateError(
        e.statusCode === 409
          ? `${preview.document._id} exists: choose another slug, or open and edit that draft`
          : `the dataset refused the draft (${e.statusCode ? `HTTP ${e.statusCode}: ` : ''}${(e.message ?? String(error)).split('\n')[0]})`,
      );
    } finally {
      setCreating(false);
    }
  };

  return (
    <div style={styles.page} data-testid="import-tool">
      <h1 style={{ fontSize: '1.4rem' }}>
        Import a press release · <span lang="zh-Hant">匯入新聞稿</span>
      </h1>
      <p>
        Paste the text or the saved HTML of a page from a portal or an aggregator, or choose the file. The importer (the same code as{' '}
        <code>npm run import</code>) removes pinyin annotations and the page’s furniture, repairs what it can prove and flags what it cannot; the
        draft it creates stays unpublished until you publish it.
      </p>
      {loadError ? <div style={styles.problem}>{loadError}</div> : null}
      <textarea
        data-testid="import-input"
        aria-label="The page’s text or HTML"
        style={styles.textarea}
        value={pasted}
        onChange={(e) => setPasted(e.target.value)}
        placeholder={'標題\n\n正文……'}
      />
      <div style={styles.row}>
        <button
          type="button"
          style={styles.button}
          data-testid="import-read"
          disabled={!taxonomy}
          onClick={() => start({ kind: 'text', text: pasted })}
        >
          Read the pasted text
        </button>
        <Field label="or a file (.txt, .html)">
          <input
            type="file"
            data-testid="import-file"
            accept=".txt,.html,.htm,text/plain,text/html"
            disabled={!taxonomy}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void file.arrayBuffer().then((buffer) => start({ kind: 'file', name: file.name, bytes: new Uint8Array(buffer) }));
            }}
          />
        </Field>
      </div>

      {preview ? (
        <div data-testid="import-report">
          <div style={styles.row}>
            <Field label="Slug (empty: from the file name or the source URL)">
              <input data-testid="import-slug" value={slug} placeholder={preview.slug ?? ''} onChange={(e) => setSlug(e.target.value)} />
            </Field>
            <Field label="Category">
              <select data-testid="import-category" value={category} onChange={(e) => setCategory(e.target.value)}>
                {[...(taxonomy?.categories.values() ?? [])].map((cat) => (
                  <option key={cat.slug} value={cat.slug}>
                    {cat.name} ({cat.slug})
                  </option>
                ))}
              </select>
            </Field>
            <Field label="Author">
              <select data-testid="import-author" value={author} onChange={(e) => setAuthor(e.target.value)}>
                <option value="">the page’s ({draft?.author ?? 'none named'})</option>
                {[...(taxonomy?.authors.values() ?? [])].map((a) => (
                  <option key={a.slug} value={a.slug}>
                    {a.name} ({a.slug})
                  </option>
                ))}
              </select>
            </Field>
          </div>

          {report?.flags.length ? (
            <>
              <h2 style={{ fontSize: '1.1rem' }}>Flagged: bytes were lost</h2>
              <ul data-testid="import-flags">
                {report.flags.map((f, i) => (
                  <li key={`${f.at}:${f.from}`} style={styles.warning} data-testid="import-flag">
                    line {f.line}: <span style={styles.code}>{f.from}</span> — {f.note?.replace(/; pass the intended text with --fix$/, '')}
                    <div style={styles.row}>
                      <Field label="The intended text (applied only when re-encoding reproduces the run)">
                        <input
                          data-testid="import-fix"
                          size={40}
                          value={typed[i] ?? ''}
                          onChange={(e) => setTyped({ ...typed, [i]: e.target.value })}
                        />
                      </Field>
                      <button
                        type="button"
                        style={styles.button}
                        data-testid="import-fix-apply"
                        disabled={!typed[i]?.trim()}
                        onClick={() => {
                          setFixes([...fixes, typed[i]!.trim()]);
                          setTyped({ ...typed, [i]: '' });
                        }}
                      >
                        Apply
                      </button>
                    </div>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {preview.problems.length ? (
            <div style={styles.problem} data-testid="import-problems">
              {preview.problems.map((p, i) => (
                <div key={i}>
                  {p.field}: {p.message}
                  {p.field === 'fix' ? (
                    <button
                      type="button"
                      style={{ ...styles.button, marginLeft: '0.5rem' }}
                      onClick={() => setFixes(fixes.filter((f) => !p.message.startsWith(`“${f}”`)))}
                    >
                      Remove
                    </button>
                  ) : null}
                </div>
              ))}
            </div>
          ) : (
            <div style={styles.done} data-testid="import-ready">
              Ready: {preview.document?._id} ({preview.document?.body.length} blocks)
            </div>
          )}
          {createError ? (
            <div style={styles.problem} data-testid="import-create-error">
              {createError}
            </div>
          ) : null}
          <button
            type="button"
            style={styles.button}
            data-testid="import-create"
            disabled={!preview.document || creating}
            onClick={() => void create()}
          >
            Create the draft
          </button>
          {draft ? (
            <section style={styles.section} data-testid="import-draft">
              <h2 style={{ fontSize: '1.1rem' }}>The draft</h2>
              <dl>
                <dt>Title</dt>
                <dd data-field="title" lang={draft.sourceLocale}>
                  {draft.title}
                </dd>
                <dt>Summary</dt>
                <dd data-field="summary" lang={draft.sourceLocale}>
                  {draft.summary}
                </dd>
                <dt>Written in</dt>
                <dd data-field="sourceLocale">
                  {draft.sourceLocale} ({report?.script.traditionalOnly ?? 0} Traditional-only, {report?.script.simplifiedOnly ?? 0} Simplified-only
                  characters){preview.html ? '; the article was extracted from the HTML' : ''}
                </dd>
                <dt>Origin</dt>
                <dd data-field="origin">
                  {draft.source ? `reprint of ${draft.source.url}${draft.source.author ? `, by ${draft.source.author}` : ''}` : 'press release'}
                </dd>
              </dl>
              {report?.machineConverted ? (
                <div style={styles.warning} data-testid="import-machine-converted">
                  The page is Traditional converted from Simplified character by character (
                  {report.machineConverted.traces.map((t) => t.char).join('、')}
                  ): the draft is its recovered Simplified original, and OpenCC’s phrases write the zh-Hant page (
                  {report.machineConverted.corrections.map((x) => `${x.from} → ${x.to}`).join('，')}).
                </div>
              ) : null}
            </section>
          ) : null}

          {report ? (
            <section style={styles.section}>
              <h2 style={{ fontSize: '1.1rem' }}>What the importer did</h2>
              <p data-testid="import-counts">
                Removed {c.pinyin ?? 0} pinyin annotation(s), {c.furniture ?? 0} furniture block(s), {c.space ?? 0} stray space(s); repaired{' '}
                {c.mojibake ?? 0} mojibake run(s); made {c.punctuation ?? 0} punctuation mark(s) full-width.
              </p>
              <h3 style={{ fontSize: '1rem' }}>Furniture removed</h3>
              <ChangeList changes={of('furniture')} testId="import-furniture" />
              <h3 style={{ fontSize: '1rem' }}>Pinyin annotations removed</h3>
              <p data-testid="import-pinyin">
                {of('pinyin')
                  .slice(0, 24)
                  .map((p) => p.from)
                  .join(' ')}
                {of('pinyin').length > 24 ? ` … (${of('pinyin').length} in all)` : null}
              </p>
              <h3 style={{ fontSize: '1rem' }}>Mojibake repaired</h3>
              <ChangeList changes={of('mojibake')} testId="import-repaired" />
            </section>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
