/**
 * The search page's script (the only client JS on the site): reads the query
 * and filters from the URL, asks Pagefind, and renders accessible results.
 */
import { convertOutside } from '../lib/convert-outside.ts';
import { displayText, makeExcerpt, matchesExactly, prepareQuery, type PreparedQuery } from '../lib/site/search-text.ts';
import { FILTERS, distinctSuggestions, readState, shorterQueries, writeState, type FilterName, type SearchState } from '../lib/site/search-state.ts';

interface PagefindData {
  url: string;
  filters: Record<string, string[]>;
  content: string;
  meta: Record<string, string | undefined>;
}
interface PagefindResult {
  id: string;
  data(): Promise<PagefindData>;
}
type Counts = Record<string, Record<string, number>>;
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<Counts>;
  search(term: string | null, o?: { filters?: Record<string, string> }): Promise<{ results: PagefindResult[]; filters: Counts } | null>;
}

const PAGE = 20;
const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');

type Convert = (text: string) => string;
const unchanged: Convert = (text) => text;
let converter: Promise<Convert> | undefined;
/** opencc-js's traditional → simplified converter, loaded on first need; `keep` are names it must not change (乾县). */
const loadConverter = (keep: readonly string[]): Promise<Convert> =>
  (converter ??= import('opencc-js/t2cn').then((OpenCC) => convertOutside(keep, OpenCC.Converter({ from: 't', to: 'cn' }))));

let pagefind: Promise<Pagefind> | undefined;
function loadPagefind(): Promise<Pagefind> {
  pagefind ??= (async () => {
    const url = `${base}pagefind/pagefind.js`;
    const module = (await import(/* @vite-ignore */ url)) as Pagefind;
    await module.options({ baseUrl: base, excerptLength: 30 });
    await module.init();
    return module;
  })();
  return pagefind;
}

/**
 * Every filter's index, loaded once: a search reports counts only for loaded
 * filters. A first query without filters does not wait for them (its results
 * show first, the counts follow); filtering does.
 */
let filtersLoaded: Promise<void> | undefined;
let filtersReady = false;
const loadFilters = (pf: Pagefind): Promise<void> =>
  (filtersLoaded ??= pf.filters().then(() => {
    filtersReady = true;
  }));

export function startSearchPage(doc: Document): void {
  const form = doc.querySelector<HTMLFormElement>('#search');
  const input = doc.querySelector<HTMLInputElement>('#q');
  const status = doc.querySelector<HTMLElement>('#search-status');
  const help = doc.querySelector<HTMLElement>('#search-help');
  const list = doc.querySelector<HTMLOListElement>('#search-results');
  const more = doc.querySelector<HTMLButtonElement>('#search-more');
  const filterBox = doc.querySelector<HTMLFieldSetElement>('fieldset.filters');
  if (!form || !input || !status || !help || !list || !more || !filterBox) return;
  // Characters the converter can change (src/lib/site/convertible-chars.ts); without the list, always convert.
  const convertible = form.dataset['convertible'] ? new Set(form.dataset['convertible']) : undefined;
  const keep = (form.dataset['protected'] ?? '').split(' ').filter(Boolean);
  const simplifierFor = (text: string): Promise<Convert> | Convert =>
    !convertible || [...text].some((char) => convertible.has(char)) ? loadConverter(keep) : unchanged;
  const selects = new Map(FILTERS.map(([name]) => [name, form.querySelector<HTMLSelectElement>(`select[data-filter="${name}"]`)]));

  let state: SearchState = readState(location.search);
  let run = 0;
  let pending: { query: PreparedQuery; results: PagefindResult[]; shown: number } | undefined;
  input.value = state.q;

  const currentState = (): SearchState => {
    const filters: SearchState['filters'] = {};
    for (const [name, select] of selects) if (select?.value) filters[name] = select.value;
    return { q: input.value.trim(), filters };
  };

  const fillFilters = (counts: Counts) => {
    filterBox.setAttribute('aria-busy', 'false');
    for (const [name, select] of selects) {
      if (!select) continue;
      const chosen = state.filters[name as FilterName] ?? '';
      // Values that would give nothing are left out, unless already chosen.
      const values = Object.entries(counts[name] ?? {})
        .filter(([v, n]) => n > 0 || v === chosen)
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh-CN'));
      if (chosen && !values.some(([v]) => v === chosen)) values.unshift([chosen, 0]);
      select.replaceChildren(new Option('全部', ''), ...values.map(([v, n]) => new Option(`${v}（${n}）`, v, false, v === chosen)));
    }
  };

  const renderResults = async (query: PreparedQuery, results: PagefindResult[], from: number) => {
    const batch = await Promise.all(results.slice(from, from + PAGE).map((r) => r.data()));
    const items = batch.map((d) => {
      const li = doc.createElement('li');
      li.setAttribute('data-search-result', '');
      const title = doc.createElement('a');
      title.href = d.url;
      title.textContent = d.meta['title'] ?? d.url;
      const heading = doc.createElement('h2');
      heading.append(title);
      const byline = doc.createElement('p');
      byline.className = 'byline';
      byline.textContent = [d.meta['type'], d.meta['region']].filter(Boolean).join(' · ');
      const excerpt = doc.createElement('p');
      excerpt.className = 'summary';
      // makeExcerpt escapes the text and adds only <mark>.
      excerpt.innerHTML = query.parts.length ? makeExcerpt(d.content, query) : makeExcerpt(displayText(d.content).slice(0, 200), query);
      li.append(heading, byline, excerpt);
      return li;
    });
    list.append(...items);
  };

  /**
   * Pagefind ignores query words it has never indexed, so 委员工作室量子计算 would
   * find every 委员工作室. Keep only pages that match each word on its own.
   */
  const searchAll = async (pf: Pagefind, query: PreparedQuery, filters: Record<string, string>) => {
    const response = await pf.search(query.pagefind || null, { filters });
    if (!response) return undefined;
    const words = query.pagefind.split(' ').filter(Boolean);
    if (words.length < 2) return { ...response, near: [] };
    // Pagefind requires every word it knows. When the best result holds every
    // word (its indexed text ends with the page's bigram words), all words are
    // known and every result holds them all: no need to check word by word.
    const [best] = response.results;
    if (best) {
      const held = new Set((await best.data()).content.split(/\s+/));
      if (words.every((w) => held.has(w))) return { ...response, near: [] };
    }
    const each = await Promise.all(words.map((w) => pf.search(w, { filters })));
    const sets = each.map((r) => new Set(r?.results.map((x) => x.id)));
    const results = response.results.filter((r) => sets.every((s) => s.has(r.id)));
    if (results.length === response.results.length) return { ...response, near: [] };
    // Pagefind's counts included the dropped pages: count the kept ones.
    const counts: Counts = {};
    for (const data of await Promise.all(results.map((r) => r.data()))) {
      for (const [name, values] of Object.entries(data.filters)) {
        for (const value of values) (counts[name] ??= {})[value] = (counts[name]?.[value] ?? 0) + 1;
      }
    }
    // Pages that share some of the words, offered when nothing has them all.
    return { results, filters: counts, near: results.length ? [] : response.results.slice(0, 5) };
  };

  /** Exact matches first: Pagefind matched every bigram, but the words may be apart. */
  const rank = async (query: PreparedQuery, results: PagefindResult[]) => {
    if (!query.parts.length) return results;
    // Only the first page: its fragments are loaded anyway to show it.
    const head = results.slice(0, PAGE);
    const exact = await Promise.all(head.map(async (r) => matchesExactly(displayText((await r.data()).content), query)));
    return [...head.filter((_, i) => exact[i]), ...head.filter((_, i) => !exact[i]), ...results.slice(PAGE)];
  };

  const showHelp = async (pf: Pagefind, query: PreparedQuery, filtered: boolean, near: PagefindResult[]) => {
    const tips: string[] = [];
    const escape = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
    const close = await Promise.all(near.map((r) => r.data()));
    const counts = new Map<string, number>();
    for (const shorter of shorterQueries(query.text).slice(0, 16)) {
      if ([...counts.keys()].some((k) => k.includes(shorter))) continue;
      // Shorter queries are cut from the query already in simplified Chinese.
      const found = await searchAll(pf, prepareQuery(shorter), {});
      if (found?.results.length) counts.set(shorter, found.results.length);
    }
    for (const shorter of distinctSuggestions([...counts.keys()])) {
      tips.push(`<li><a href="?${new URLSearchParams({ q: shorter })}">${escape(shorter)}</a>（${counts.get(shorter)} 条）</li>`);
    }
    help.innerHTML =
      `<p>换个说法试试：用更短的词，或只输入做法的关键字。</p>` +
      (tips.length ? `<p>这些较短的词有结果：</p><ul>${tips.join('')}</ul>` : '') +
      (close.length ? `<p>含有其中部分字词的条目：</p><ul>${close.map((d) => `<li><a href="${escape(d.url)}">${escape(d.meta['title'] ?? d.url)}</a></li>`).join('')}</ul>` : '') +
      (filtered ? `<p>也可以去掉筛选条件再搜索。</p>` : '');
    help.hidden = false;
  };

  const search = async (next: SearchState) => {
    const mine = ++run;
    state = next;
    history.replaceState(null, '', `${location.pathname}${writeState(state)}`);
    list.setAttribute('aria-busy', 'true');
    filterBox.setAttribute('aria-busy', 'true');
    let counts: (() => Promise<void>) | undefined;
    try {
      counts = await update(mine);
    } finally {
      if (mine === run) list.setAttribute('aria-busy', 'false');
    }
    if (counts && mine === run) await counts();
  };

  /** Shows the results; returns what still has to be done after them (the filter counts), if anything. */
  const update = async (mine: number): Promise<(() => Promise<void>) | undefined> => {
    const [pf, toSimplified] = await Promise.all([loadPagefind(), simplifierFor(state.q)]);
    const query = prepareQuery(state.q, toSimplified);
    const filtered = Object.keys(state.filters).length > 0;
    const countsAfter = !filtered && Boolean(query.pagefind) && !filtersReady;
    if (!countsAfter) await loadFilters(pf);
    help.hidden = true;
    if (!query.pagefind && !filtered) {
      if (mine !== run) return undefined;
      fillFilters(await pf.filters());
      list.replaceChildren();
      more.hidden = true;
      status.textContent = state.q ? '请输入汉字、字母或数字。' : '输入几个字开始搜索，或选择筛选条件浏览全部条目。';
      return undefined;
    }
    const response = await searchAll(pf, query, state.filters as Record<string, string>);
    if (mine !== run || !response) return undefined;
    if (!countsAfter) fillFilters(response.filters);
    const results = await rank(query, response.results);
    if (mine !== run) return undefined;
    list.replaceChildren();
    pending = { query, results, shown: Math.min(PAGE, results.length) };
    await renderResults(query, results, 0);
    more.hidden = results.length <= PAGE;
    const what = state.q ? `“${query.text}”` : '所选条件';
    status.textContent = results.length ? `找到 ${results.length} 个与${what}相关的条目。` : `没有找到与${what}相关的条目。`;
    if (!results.length) await showHelp(pf, query, filtered, response.near);
    if (!countsAfter) return undefined;
    return async () => {
      await loadFilters(pf);
      const again = await searchAll(pf, query, {});
      if (mine === run && again) fillFilters(again.filters);
    };
  };

  const go = (next: SearchState) =>
    search(next).catch(() => {
      status.textContent = '搜索暂时无法使用。可以按主题、地区或年份浏览。';
      list.setAttribute('aria-busy', 'false');
      filterBox.setAttribute('aria-busy', 'false');
    });
  let timer: ReturnType<typeof setTimeout> | undefined;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    void go(currentState());
  });
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void go(currentState()), 300);
  });
  for (const select of selects.values()) select?.addEventListener('change', () => void go(currentState()));
  more.addEventListener('click', async () => {
    if (!pending) return;
    const from = pending.shown;
    await renderResults(pending.query, pending.results, from);
    pending.shown = Math.min(from + PAGE, pending.results.length);
    more.hidden = pending.shown >= pending.results.length;
    list.querySelectorAll<HTMLAnchorElement>('[data-search-result] a')[from]?.focus();
  });
  status.textContent = '正在载入搜索……';
  void go(state);
}
