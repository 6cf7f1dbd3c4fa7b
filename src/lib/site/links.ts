/**
 * Links between entries in both directions: what an entry points at, and what
 * points at it. Keys are `<collection>/<id>`, e.g. `reports/2023/xian`.
 */
import type { Entry } from '../entry.ts';

export interface EntryLinks {
  /** 出处: the reports and rules a case is drawn from. */
  sources: string[];
  /** 案例: cases drawn from this report or rule. */
  cases: string[];
  /** 提及的制度文件: rules that name this report. */
  rules: string[];
  /** 提及: reports that mention this rule. */
  mentionedIn: string[];
  /** 依据: rules this rule is based on. */
  basis: string[];
  /** 据此制定: rules based on this one. */
  basedOn: string[];
  /** 借鉴自 */
  adaptedFrom: string[];
  /** 推广至 */
  adoptedBy: string[];
}

const empty = (): EntryLinks => ({ sources: [], cases: [], rules: [], mentionedIn: [], basis: [], basedOn: [], adaptedFrom: [], adoptedBy: [] });

export function linkEntries(entries: readonly Entry[]): Map<string, EntryLinks> {
  const links = new Map<string, EntryLinks>();
  const keys = new Set(entries.map((e) => e.key));
  const at = (key: string) => {
    let l = links.get(key);
    if (!l) links.set(key, (l = empty()));
    return l;
  };
  const add = (key: string, field: keyof EntryLinks, target: string) => {
    // Unresolved references are the validator's business; the site only links what exists.
    if (!keys.has(key) || !keys.has(target)) return;
    const list = at(key)[field];
    if (!list.includes(target)) list.push(target);
  };
  for (const entry of entries) {
    const key = entry.key;
    at(key);
    if (entry.collection === 'cases') {
      for (const source of entry.data.sources) {
        add(key, 'sources', source);
        add(source, 'cases', key);
      }
      for (const id of entry.data.adaptedFrom ?? []) {
        add(key, 'adaptedFrom', `cases/${id}`);
        add(`cases/${id}`, 'adoptedBy', key);
      }
      for (const id of entry.data.adoptedBy ?? []) {
        add(key, 'adoptedBy', `cases/${id}`);
        add(`cases/${id}`, 'adaptedFrom', key);
      }
    } else if (entry.collection === 'rules') {
      for (const id of entry.data.mentionedIn) {
        add(key, 'mentionedIn', `reports/${id}`);
        add(`reports/${id}`, 'rules', key);
      }
      for (const id of entry.data.basis ?? []) {
        add(key, 'basis', `rules/${id}`);
        add(`rules/${id}`, 'basedOn', key);
      }
    }
  }
  return links;
}
