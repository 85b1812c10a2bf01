// Search with Pagefind (progressive: the page and its form exist without this script). Reads ?q=
// and ?category=, queries this locale's index (Pagefind picks it from <html lang>), and lists the
// results; one entry per URL (an article can match in both scripts).
const form = document.querySelector('form[data-pagefind]');
const out = document.querySelector('[data-results]');
if (form && out) {
  const pagefind = await import(form.getAttribute('data-pagefind'));
  await pagefind.init();
  const input = form.querySelector('input[name=q]');
  const select = form.querySelector('select[name=category]');
  const filters = await pagefind.filters();
  for (const name of Object.keys(filters.category ?? {}).sort()) select.append(new Option(name, name));

  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';
  select.value = params.get('category') ?? '';

  const render = async () => {
    const q = input.value.trim();
    const category = select.value;
    out.replaceChildren();
    if (!q) return;
    const search = await pagefind.search(q, category ? { filters: { category } } : {});
    if (!search) return; // superseded by a newer query
    const seen = new Set();
    const list = document.createElement('ol');
    list.className = 'article-list';
    for (const result of search.results.slice(0, 30)) {
      const data = await result.data();
      if (seen.has(data.url)) continue;
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
    const count = document.createElement('p');
    count.setAttribute('role', 'status');
    count.textContent = `${seen.size}`;
    count.className = 'search-count';
    out.append(count, list);
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
