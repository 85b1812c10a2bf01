// Search with Pagefind (progressive: the page and its form exist without this script). Reads ?q=
// and ?category=, queries this locale's index — its shards, newest first, merged into one search —
// and lists the results. A query typed in the other script is also looked for in this locale's
// script: the page's character map (src/zh/query-map.ts) gives each character's forms here
// (发 → 發, 髮), and every combination, up to MAX_FORMS, is searched; results are merged by page.
const MAX_FORMS = 16;
const form = document.querySelector('form[data-pagefind-bundles]');
const out = document.querySelector('[data-results]');
const bundles = form ? JSON.parse(form.getAttribute('data-pagefind-bundles')) : [];
if (form && out && bundles.length) {
  const pagefind = await import(`${bundles[0]}pagefind.js`);
  await pagefind.options({ basePath: bundles[0] });
  for (const bundle of bundles.slice(1)) await pagefind.mergeIndex(bundle);
  await pagefind.init();
  let queryMap;
  const forms = async (q) => {
    if (!/[\u3400-\u9fff\uf900-\ufaff]/u.test(q)) return [q];
    queryMap ??= fetch(form.getAttribute('data-query-map'))
      .then((r) => (r.ok ? r.json() : {}))
      .catch(() => ({}));
    const map = await queryMap;
    // OpenCC's pick for every character first, then the other combinations.
    let list = [''];
    for (const ch of q) {
      const options = map[ch] ? [map[ch][0], ch, ...map[ch].slice(1)] : [ch];
      list = list.flatMap((f) => options.map((o) => f + o)).slice(0, MAX_FORMS);
    }
    return [...new Set([q, ...list])];
  };
  const searchAll = async (q, options) => {
    const best = new Map();
    for (const text of await forms(q)) {
      const search = await pagefind.search(text, options);
      for (const result of search?.results ?? []) {
        const seen = best.get(result.id);
        if (!seen || seen.score < result.score) best.set(result.id, result);
      }
    }
    return [...best.values()].sort((a, b) => b.score - a.score);
  };
  const input = form.querySelector('input[name=q]');
  const select = form.querySelector('select[name=category]');
  const filters = await pagefind.filters();
  for (const name of Object.keys(filters.category ?? {}).sort()) select.append(new Option(name, name));

  const params = new URLSearchParams(location.search);
  // What the reader typed while the index was loading wins over the address.
  if (!input.value) input.value = params.get('q') ?? '';
  if (!select.value) select.value = params.get('category') ?? '';

  let generation = 0;
  const render = async () => {
    const mine = ++generation; // a newer query supersedes this one
    const q = input.value.trim();
    const category = select.value;
    if (!q) {
      out.replaceChildren();
      return;
    }
    const results = await searchAll(q, category ? { filters: { category } } : {});
    // Pagefind also returns loose matches (a term it cannot find is dropped, and with a filter every
    // page of the category can come back): keep the pages whose text has every term in some form.
    const terms = await Promise.all(q.toLowerCase().split(/\s+/u).map(forms));
    const hasEveryTerm = (text) => terms.every((variants) => variants.some((v) => text.includes(v)));
    const seen = new Set();
    const list = document.createElement('ol');
    list.className = 'article-list';
    for (const result of results.slice(0, 30)) {
      const data = await result.data();
      if (seen.has(data.url)) continue;
      // A shard that has no article of the category ignores the filter: check each result.
      if (category && !(data.filters?.category ?? []).includes(category)) continue;
      // Pagefind's text marks the word breaks it found in Chinese with U+200B.
      if (!hasEveryTerm(`${data.meta.title ?? ''} ${data.content ?? ''}`.replace(/\u200b/gu, '').toLowerCase())) continue;
      seen.add(data.url);
      const li = document.createElement('li');
      const h = document.createElement('h2');
      const a = document.createElement('a');
      a.href = data.url;
      a.textContent = data.meta.title ?? data.url;
      h.append(a);
      const p = document.createElement('p');
      p.className = 'summary';
      p.innerHTML = data.excerpt; // Pagefind escapes the text and adds only <mark>
      li.append(h, p);
      list.append(li);
    }
    if (mine !== generation) return;
    const count = document.createElement('p');
    count.setAttribute('role', 'status');
    count.textContent = `${seen.size}`;
    count.className = 'search-count';
    out.replaceChildren(count, list);
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const url = new URL(location.href);
    url.searchParams.set('q', input.value.trim());
    if (select.value) url.searchParams.set('category', select.value);
    else url.searchParams.delete('category');
    history.replaceState(null, '', url);
    render();
  });
  let timer;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(render, 200);
  });
  select.addEventListener('change', render);
  render();
}
