/**
 * The search page's script (the only client JS on the site besides the
 * contribution form): reads the query and filters from the URL, asks the
 * engine (src/lib/search/engine.ts) and renders accessible results. DOM only:
 * tokenizing, ranking and the index format live in src/lib/search/.
 */
import { createEngine, PAGE_SIZE as PAGE, SearchUnavailable, type Counts, type Hit, type SearchEngine } from '../lib/search/engine.ts';
import { makeExcerpt, mentions } from '../lib/search/excerpt.ts';
import { MANIFEST_ELEMENT_ID } from '../lib/search/format.ts';
import { queryParts, type QueryPart } from '../lib/search/tokenize.ts';
import { FILTERS, distinctSuggestions, readState, shorterQueries, writeState, type FilterName, type SearchState } from '../lib/site/search-state.ts';
import simplifierUrl from '../lib/site/simplifier.ts?lazy-url';

const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');

type Convert = (text: string) => string;
const unchanged: Convert = (text) => text;
let converter: Promise<Convert> | undefined;
/**
 * opencc-js's traditional → simplified converter, loaded on first need; `keep` are names it must not change (乾县).
 * Imported by address (lazy-url.ts), so that this script has no chunk to wait for before it runs.
 */
const loadConverter = (keep: readonly string[]): Promise<Convert> =>
  (converter ??= (import(/* @vite-ignore */ simplifierUrl) as Promise<typeof import('../lib/site/simplifier.ts')>).then(({ simplifier }) => simplifier(keep)));

const escape = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

const MATCH_NOTE: Record<Hit['match'], string> = {
  exact: '',
  scattered: '部分匹配：含有查询的全部字词，但不相连',
  partial: '部分匹配：含有查询的大部分字词',
};

interface Shown {
  parts: string[];
  hits: Pick<Hit, 'doc' | 'match'>[];
  shown: number;
}

/** The engine over the site's index, with the manifest the page carries (see format.ts). */
const siteEngine = (doc: Document): SearchEngine => createEngine(`${base}search-index/`, (url) => fetch(url), doc.getElementById(MANIFEST_ELEMENT_ID)?.textContent ?? undefined);

export function startSearchPage(doc: Document, engine: SearchEngine = siteEngine(doc)): void {
  const form = doc.querySelector<HTMLFormElement>('#search');
  const input = doc.querySelector<HTMLInputElement>('#q');
  const status = doc.querySelector<HTMLElement>('#search-status');
  const help = doc.querySelector<HTMLElement>('#search-help');
  const list = doc.querySelector<HTMLOListElement>('#search-results');
  const more = doc.querySelector<HTMLButtonElement>('#search-more');
  const filterBox = doc.querySelector<HTMLFieldSetElement>('fieldset.filters');
  const fold = doc.querySelector<HTMLDetailsElement>('details.filter-fold');
  if (!form || !input || !status || !help || !list || !more || !filterBox) return;
  // Characters the converter can change (src/lib/site/convertible-chars.ts); without the list, always convert.
  const convertible = form.dataset['convertible'] ? new Set(form.dataset['convertible']) : undefined;
  const keep = (form.dataset['protected'] ?? '').split(' ').filter(Boolean);
  const simplifierFor = (text: string): Promise<Convert> | Convert =>
    !convertible || [...text].some((char) => convertible.has(char)) ? loadConverter(keep) : unchanged;
  const selects = new Map(FILTERS.map(([name]) => [name, form.querySelector<HTMLSelectElement>(`select[data-filter="${name}"]`)]));

  let state: SearchState = readState(location.search);
  let run = 0;
  let pending: Shown | undefined;
  input.value = state.q;
  // The filters fold away on narrow screens unless some are chosen; wide screens show them.
  if (fold) fold.open = Object.keys(state.filters).length > 0 || !matchMedia('(max-width: 40rem)').matches;

  const currentState = (): SearchState => {
    const filters: SearchState['filters'] = {};
    for (const [name, select] of selects) if (select?.value) filters[name] = select.value;
    return { q: input.value.trim(), filters };
  };

  /**
   * The entries whose filter counts are not shown yet: while the filters are folded away (phones), their values
   * (several KB per thousand entries) are not downloaded; opening 筛选 counts them.
   */
  let uncounted: { docs: () => Promise<readonly number[]>; mine: number } | undefined;
  const filtersShown = () => !fold || fold.open;

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

  /** The filter counts of these entries (run `mine`): now when the filters show, otherwise when 筛选 is opened. */
  const countFilters = async (docs: () => Promise<readonly number[]>, mine: number): Promise<void> => {
    if (!filtersShown()) {
      uncounted = { docs, mine };
      filterBox.setAttribute('aria-busy', 'false');
      return;
    }
    const counts = await engine.counts(await docs());
    if (mine === run) fillFilters(counts);
  };

  /**
   * Renders results [from, from + PAGE): one request per document-table chunk.
   * Excerpts come from the summary; for results whose title and summary do not
   * hold the query, the returned function fetches their text (grouped) and
   * puts an excerpt around the match in its place.
   */
  const renderResults = async (shown: Shown, from: number): Promise<() => Promise<void>> => {
    const slice = shown.hits.slice(from, from + PAGE);
    const cards = await engine.cards(slice.map((h) => h.doc));
    const fromText = new Map<number, HTMLElement>();
    const items = slice.map((hit, i) => {
      const card = cards[i];
      const li = doc.createElement('li');
      li.setAttribute('data-search-result', '');
      if (!card) return li;
      const title = doc.createElement('a');
      title.href = `${base}${card.key}/`;
      title.textContent = card.title;
      const heading = doc.createElement('h2');
      heading.append(title);
      const byline = doc.createElement('p');
      byline.className = 'byline';
      byline.textContent = card.byline;
      const excerpt = doc.createElement('p');
      excerpt.className = 'summary';
      // makeExcerpt escapes the text and adds only <mark>.
      excerpt.innerHTML = makeExcerpt(card.summary, shown.parts);
      if (shown.parts.length && !mentions(`${card.title}${card.summary}`, shown.parts)) fromText.set(hit.doc, excerpt);
      li.append(heading, byline);
      if (MATCH_NOTE[hit.match]) {
        const note = doc.createElement('p');
        note.className = 'match-note';
        note.textContent = MATCH_NOTE[hit.match];
        li.append(note);
      }
      li.append(excerpt);
      return li;
    });
    list.append(...items);
    return async () => {
      const docs = [...fromText.keys()];
      const texts = await engine.texts(docs);
      docs.forEach((d, i) => {
        const element = fromText.get(d);
        if (element && texts[i] && mentions(texts[i], shown.parts)) element.innerHTML = makeExcerpt(texts[i], shown.parts);
      });
    };
  };

  const showHelp = async (query: string, filtered: boolean, near: number[]) => {
    const tips: string[] = [];
    const close = await engine.cards(near);
    const counts = new Map<string, number>();
    for (const shorter of shorterQueries(query).slice(0, 12)) {
      if ([...counts.keys()].some((k) => k.includes(shorter))) continue;
      const found = (await engine.search(shorter)).hits.filter((h) => h.match === 'exact').length;
      if (found) counts.set(shorter, found);
    }
    for (const shorter of distinctSuggestions([...counts.keys()])) {
      tips.push(`<li><a href="?${new URLSearchParams({ q: shorter })}">${escape(shorter)}</a>（${counts.get(shorter)} 条）</li>`);
    }
    help.innerHTML =
      `<p>换个说法试试：用更短的词，或只输入做法的关键字。</p>` +
      (tips.length ? `<p>这些较短的词有结果：</p><ul>${tips.join('')}</ul>` : '') +
      (close.length ? `<p>含有其中部分字词的条目：</p><ul>${close.map((c) => `<li><a href="${escape(`${base}${c.key}/`)}">${escape(c.title)}</a></li>`).join('')}</ul>` : '') +
      (filtered ? `<p>也可以去掉筛选条件再搜索。</p>` : '');
    help.hidden = false;
  };

  const unavailable = () => {
    status.textContent = '搜索暂不可用。';
    help.innerHTML = `<p>搜索索引暂时无法读取，请稍后再试。现在可以<a href="${base}themes/">按主题</a>、<a href="${base}regions/">按地区</a>、<a href="${base}years/">按年份</a>浏览，或查看<a href="${base}reports/">经验交流</a>、<a href="${base}cases/">创新案例</a>、<a href="${base}rules/">制度文件</a>的列表。</p>`;
    help.hidden = false;
    list.replaceChildren();
    more.hidden = true;
    list.setAttribute('aria-busy', 'false');
    filterBox.setAttribute('aria-busy', 'false');
  };

  /** Shows the results; returns what still has to be done after them (the filter counts), if anything. */
  const update = async (mine: number): Promise<(() => Promise<void>) | undefined> => {
    const toSimplified = await simplifierFor(state.q);
    const text = toSimplified(state.q.normalize('NFKC')).replace(/\s+/g, ' ').trim();
    const filtered = Object.keys(state.filters).length > 0;
    help.hidden = true;
    let hits: Pick<Hit, 'doc' | 'match'>[];
    let parts: QueryPart[] = [];
    let near: number[] = [];
    const searchable = queryParts(text).length > 0;
    if (searchable) {
      // Shown filters: their values (for the counts) download while the query's shards do; a failure shows in counts().
      if (filtersShown()) engine.facets().catch(() => undefined);
      ({ hits, parts, near } = await engine.search(text, state.filters));
    } else if (filtered) {
      hits = (await engine.browse(state.filters)).map((doc) => ({ doc, match: 'exact' as const }));
    } else {
      // Nothing asked: the counts are over every entry.
      await countFilters(async () => Array.from({ length: (await engine.manifest()).entries }, (_, doc) => doc), mine);
      if (mine !== run) return undefined;
      list.replaceChildren();
      more.hidden = true;
      status.textContent = state.q ? '请输入汉字、字母或数字。' : '输入几个字开始搜索，或选择筛选条件浏览全部条目。';
      return undefined;
    }
    if (mine !== run) return undefined;
    const shown: Shown = { parts: parts.map((p) => p.text), hits, shown: Math.min(PAGE, hits.length) };
    list.replaceChildren();
    pending = shown;
    const excerpts = await renderResults(shown, 0);
    if (mine !== run) return undefined;
    more.hidden = hits.length <= PAGE;
    const what = state.q ? `“${text}”` : '所选条件';
    status.textContent = hits.length ? `找到 ${hits.length} 个与${what}相关的条目。` : `没有找到与${what}相关的条目。`;
    if (!hits.length) await showHelp(text, filtered, near);
    const docs = hits.map((h) => h.doc);
    if (filtered) fillFilters(await engine.counts(docs));
    // The results show first; excerpts from the text and (without a chosen filter) the filter counts follow.
    return async () => {
      await Promise.all([filtered ? undefined : countFilters(async () => docs, mine), excerpts()]);
    };
  };

  const search = async (next: SearchState) => {
    const mine = ++run;
    uncounted = undefined;
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

  let retried = false;
  const go = (next: SearchState): Promise<void> =>
    search(next).catch((error: unknown) => {
      // A file gone since the manifest was cached (a deploy in between): once, start again from a fresh manifest.
      if (error instanceof SearchUnavailable && error.stale && !retried) {
        retried = true;
        engine.reset();
        return go(next);
      }
      // A missing, corrupt or old index, or anything else: say so, never leave the page half done.
      unavailable();
      return undefined;
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
  fold?.addEventListener('toggle', () => {
    const pendingCounts = uncounted;
    if (!fold.open || !pendingCounts) return;
    uncounted = undefined;
    filterBox.setAttribute('aria-busy', 'true');
    countFilters(pendingCounts.docs, pendingCounts.mine).catch(() => {
      if (pendingCounts.mine === run) unavailable();
    });
  });
  more.addEventListener('click', () => {
    const shown = pending;
    // A second press while a page is loading must not load the same page again.
    if (!shown || more.disabled) return;
    const from = shown.shown;
    shown.shown = Math.min(from + PAGE, shown.hits.length);
    more.disabled = true;
    renderResults(shown, from).then(
      async (excerpts) => {
        more.hidden = shown.shown >= shown.hits.length;
        more.disabled = false;
        list.querySelectorAll<HTMLAnchorElement>('[data-search-result] a')[from]?.focus();
        await excerpts();
      },
      () => {
        more.disabled = false;
        unavailable();
      },
    );
  });
  status.textContent = '正在载入搜索……';
  void go(state);
}
