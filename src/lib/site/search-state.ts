/** The search page's state as it appears in the URL: /search/?q=协商&type=创新案例&region=咸阳市. */

/** Pagefind filter names, in the order the page shows them, with their labels. */
export const FILTERS = [
  ['type', '类型'],
  ['region', '地区'],
  ['theme', '主题'],
  ['year', '年份'],
] as const;

export type FilterName = (typeof FILTERS)[number][0];

export interface SearchState {
  q: string;
  filters: Partial<Record<FilterName, string>>;
}

export function readState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const filters: SearchState['filters'] = {};
  for (const [name] of FILTERS) {
    const value = params.get(name)?.trim();
    if (value) filters[name] = value;
  }
  return { q: (params.get('q') ?? '').trim(), filters };
}

/** `?q=…&type=…`, leaving out what is empty; '' when everything is. */
export function writeState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  for (const [name] of FILTERS) {
    const value = state.filters[name];
    if (value) params.set(name, value);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Shorter queries worth suggesting when a query finds nothing: each word, and the two ends of each long Han run. */
export function shorterQueries(text: string): string[] {
  const out = new Set<string>();
  const words = text.split(/[\s\p{P}]+/u).filter(Boolean);
  for (const word of words) {
    const chars = [...word];
    if (words.length > 1) out.add(word);
    if (chars.length > 2) {
      out.add(chars.slice(0, 2).join(''));
      out.add(chars.slice(-2).join(''));
      if (chars.length > 4) out.add(chars.slice(0, Math.ceil(chars.length / 2)).join(''));
    }
  }
  out.delete(text);
  return [...out];
}
