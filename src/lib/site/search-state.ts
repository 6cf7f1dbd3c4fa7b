/** The search page's state as it appears in the URL: /search/?q=协商&type=创新案例&region=咸阳市. */

import { FILTERS, type FilterName } from '../search/filters.ts';

export { FILTERS, type FilterName };

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

/**
 * Shorter queries worth trying when a query finds nothing, best first: each
 * word of a several-word query, then the prefixes and suffixes of each long
 * word, longest first (so 委员工作室量子 suggests 委员工作室 before 委员).
 */
export function shorterQueries(text: string): string[] {
  const out = new Set<string>();
  const words = text.split(/[\s\p{P}]+/u).filter(Boolean);
  if (words.length > 1) words.forEach((w) => out.add(w));
  for (const word of words) {
    const chars = [...word];
    for (let n = chars.length - 1; n >= 2; n--) out.add(chars.slice(0, n).join(''));
    for (let n = chars.length - 1; n >= 2; n--) out.add(chars.slice(-n).join(''));
  }
  out.delete(text);
  return [...out];
}

/** Keep suggestions that say something new: drop any contained in one already kept. */
export function distinctSuggestions(found: readonly string[], limit = 3): string[] {
  const kept: string[] = [];
  for (const s of found) if (!kept.some((k) => k.includes(s)) && kept.length < limit) kept.push(s);
  return kept;
}
