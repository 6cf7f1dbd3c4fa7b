/**
 * The query engine over the static index (format.ts), with `fetch` injected
 * so that it runs in the browser and in Node tests alike. It reads the
 * manifest (from the search page, or fetched), then fetches only the shards
 * of the query's terms (in parallel), and ranks:
 *
 * 1. entries that contain every part of the query as typed (a part of up to
 *    three characters, or one of the index's phrases, is one term; a longer
 *    one is confirmed by the positions of its trigrams), those with it in the
 *    title first;
 * 2. entries that contain all of the query's terms, but not as typed; when
 *    the first two tiers hold less than a page, also those holding all of
 *    the query's bigrams (its words apart: 渭南…委员工作室);
 * 3. only when there are none of those: entries that contain more than half
 *    of the bigrams (partial matches);
 *
 * each tier by BM25F (stored impacts × idf). Documents, texts and filter
 * values are fetched by chunk, once. Any missing, truncated, corrupt or
 * old-format file makes every call reject with SearchUnavailable.
 */
import { chunkName, decodeBrowse, decodeFacets, decodeJson, decodePostings, decodeShard, gunzip, indexOfDoc, IndexFormatError, K1, PAGE_SIZE, parseManifest, paths, positionsOf, shardFileOf, TEXT_START, type Card, type FilterColumn, type Manifest, type PostingList } from './format.ts';
import { isTrigram, queryParts, withPhrases, type QueryPart } from './tokenize.ts';

/** Results on a page (format.ts): below that many hits of the query as typed, entries holding its words apart are looked for too. */
export { PAGE_SIZE };

export type Fetch = (url: string) => Promise<Response>;

export class SearchUnavailable extends Error {
  override name = 'SearchUnavailable';
  /** A content-hashed file was missing: the manifest may be older than the deploy (cached); reset() and retry once. */
  stale = false;
}

/** How a result matches the query. */
export type MatchKind = 'exact' | 'scattered' | 'partial';

export interface Hit {
  doc: number;
  match: MatchKind;
  /** Every part of the query is in the title as typed. */
  inTitle: boolean;
  /** Share of the query's terms the entry contains (0–1). */
  coverage: number;
  score: number;
}

export interface SearchOutcome {
  parts: QueryPart[];
  /** Ranked; empty when nothing matches more than half of the query. */
  hits: Hit[];
  /** When there are no hits: entries holding some of the query, best first (at most 5). */
  near: number[];
}

export type Counts = Record<string, Record<string, number>>;
export type Filters = Partial<Record<string, string>>;

interface TermPostings {
  df: number;
  list: PostingList;
}

const RANK: Record<MatchKind, number> = { exact: 0, scattered: 1, partial: 2 };

export function compareHits(a: Hit, b: Hit): number {
  return RANK[a.match] - RANK[b.match] || Number(b.inTitle) - Number(a.inTitle) || b.coverage - a.coverage || b.score - a.score || a.doc - b.doc;
}

/** Whether an ascending list holds a value (binary search). */
function holds(list: readonly number[], value: number): boolean {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = list[mid] as number;
    if (v === value) return true;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** Where a phrase part occurs in an entry, given the entry's place in each of the part's terms' lists: not at all, in the text, or in the title. */
function phraseAt(part: QueryPart, found: { list: PostingList; i: number }[]): 'none' | 'text' | 'title' {
  const first = found[0];
  if (!first || found.some((f) => f.i < 0)) return 'none';
  if (part.terms.length === 1) return ((first.list.flags[first.i] as number) & 0x80) !== 0 ? 'title' : 'text';
  const positions = found.map((f) => positionsOf(f.list, f.i));
  let place: 'none' | 'text' | 'title' = 'none';
  for (const start of positions[0] ?? []) {
    if (part.terms.every((t, k) => k === 0 || holds(positions[k] ?? [], start + t.offset))) {
      if (start < TEXT_START) return 'title';
      place = 'text';
    }
  }
  return place;
}

function isCard(row: unknown): boolean {
  const c = row as Card | null;
  return !!c && typeof c.key === 'string' && typeof c.title === 'string' && typeof c.byline === 'string' && typeof c.date === 'string' && typeof c.summary === 'string';
}

/**
 * `embeddedManifest`: the manifest's text as the search page carries it (format.ts, MANIFEST_ELEMENT_ID);
 * empty or absent, manifest.json is fetched. After reset() it is always fetched.
 */
export function createEngine(indexUrl: string, fetchFile: Fetch, embeddedManifest?: string) {
  const base = indexUrl.replace(/\/?$/, '/');
  let embedded = embeddedManifest?.trim() || undefined;
  const cache = new Map<string, Promise<unknown>>();
  /** Appended to the manifest's URL after reset(), so that a cached one is not reused. */
  let manifestQuery = '';

  const get = async (path: string): Promise<Uint8Array> => {
    let response: Response;
    try {
      response = await fetchFile(base + path + (path === paths.manifest ? manifestQuery : ''));
    } catch {
      throw new SearchUnavailable('搜索索引无法下载');
    }
    if (!response.ok) {
      const error = new SearchUnavailable(`搜索索引文件 ${path} 无法下载（${response.status}）`);
      error.stale = response.status === 404 && path !== paths.manifest;
      throw error;
    }
    return new Uint8Array(await response.arrayBuffer());
  };
  /** A file fetched and decoded once; any failure becomes SearchUnavailable (and is not cached, so a retry can succeed). */
  const once = <T>(path: string, decode: (bytes: Uint8Array) => T | Promise<T>): Promise<T> => {
    let promise = cache.get(path) as Promise<T> | undefined;
    if (!promise) {
      promise = get(path)
        .then(decode)
        .catch((error: unknown) => {
          cache.delete(path);
          if (error instanceof SearchUnavailable) throw error;
          throw new SearchUnavailable(error instanceof IndexFormatError ? error.message : '搜索索引已损坏');
        });
      cache.set(path, promise);
    }
    return promise;
  };
  const binary = <T>(path: string, decode: (payload: Uint8Array) => T) => once(path, async (bytes) => decode(await gunzip(bytes)));

  const readManifest = (text: string): Manifest => {
    try {
      return parseManifest(JSON.parse(text));
    } catch (error) {
      throw error instanceof IndexFormatError ? error : new IndexFormatError('搜索索引的清单损坏');
    }
  };
  /** The page's copy of the manifest, read once; a bad one is SearchUnavailable, as a bad file is (see `once`). */
  let fromPage: Promise<Manifest> | undefined;
  const manifest = (): Promise<Manifest> => {
    if (embedded === undefined) return once(paths.manifest, (bytes) => readManifest(new TextDecoder('utf-8', { fatal: true }).decode(bytes)));
    return (fromPage ??= Promise.resolve(embedded)
      .then(readManifest)
      .catch((error: IndexFormatError) => {
        throw new SearchUnavailable(error.message);
      }));
  };

  /** Document-table rows that came with shards (their frequent terms' best entries): no chunk to fetch for them. */
  const knownCards = new Map<number, Card>();
  const shard = (m: Manifest, term: string) =>
    binary(paths.shard(shardFileOf(m, term)), (bytes) => {
      const { terms, cards } = decodeShard(bytes);
      for (const [doc, card] of cards) {
        if (doc >= m.entries || !isCard(card)) throw new IndexFormatError('搜索索引的条目数据不完整');
        knownCards.set(doc, card as Card);
      }
      return terms;
    });

  /** The filter columns, by filter name. */
  const facets = async (): Promise<Record<string, FilterColumn>> => {
    const m = await manifest();
    const names = Object.keys(m.values);
    return binary(paths.facets(m.facets), (bytes) => decodeFacets(bytes, names, m.entries, names.map((k) => m.values[k]?.length ?? 0)));
  };
  const browseOrder = async (): Promise<number[]> => {
    const m = await manifest();
    return binary(paths.browse(m.browse), (bytes) => decodeBrowse(bytes, m.entries));
  };

  const postingsOf = async (m: Manifest, term: string): Promise<TermPostings | undefined> => {
    const found = (await shard(m, term)).get(term);
    if (!found) return undefined;
    const list = decodePostings(found.postings, isTrigram(term), found.df);
    if (found.df && (list.docs[found.df - 1] as number) >= m.entries) throw new SearchUnavailable('搜索索引已损坏');
    return { df: found.df, list };
  };

  /** Entries passing the filters (all when there are none). */
  const filtered = async (filters: Filters): Promise<((doc: number) => boolean) | undefined> => {
    const chosen = Object.entries(filters).filter(([, v]) => v);
    if (!chosen.length) return undefined;
    const [m, f] = await Promise.all([manifest(), facets()]);
    const tests = chosen.map(([name, value]) => {
      const index = m.values[name]?.indexOf(value as string) ?? -1;
      const column = f[name];
      return (doc: number) => {
        if (index < 0 || !column) return false;
        for (let k = column.start[doc] as number; k < (column.start[doc + 1] as number); k++) if (column.values[k] === index) return true;
        return false;
      };
    });
    return (doc) => tests.every((t) => t(doc));
  };

  /** Per entry, of `terms`: summed BM25F score and how many terms it holds (entries holding none are not in `touched`). */
  async function tally(m: Manifest, terms: readonly string[], keep: ((doc: number) => boolean) | undefined) {
    const lists = await Promise.all(terms.map((t) => postingsOf(m, t)));
    const score = new Float64Array(m.entries);
    const matched = new Uint16Array(m.entries);
    const touched: number[] = [];
    lists.forEach((found) => {
      if (!found) return;
      const idf = Math.log(1 + (m.entries - found.df + 0.5) / (found.df + 0.5));
      const { docs, flags } = found.list;
      for (let i = 0; i < docs.length; i++) {
        const doc = docs[i] as number;
        if (keep && !keep(doc)) continue;
        if (!matched[doc]) touched.push(doc);
        matched[doc] = (matched[doc] as number) + 1;
        score[doc] = (score[doc] as number) + (idf * ((flags[i] as number) & 0x7f) * (K1 + 1)) / 127;
      }
    });
    return { lists: new Map(terms.map((term, t) => [term, lists[t]?.list])), score, matched, touched, count: terms.length };
  }

  async function search(query: string, filters: Filters = {}): Promise<SearchOutcome> {
    const m = await manifest();
    const parts = withPhrases(queryParts(query), m.phrases);
    const terms = [...new Set(parts.flatMap((p) => p.terms.map((t) => t.term)))];
    if (!terms.length) return { parts, hits: [], near: [] };
    const loose = [...new Set(parts.flatMap((p) => p.loose))];
    // The filters' values and the terms' shards in parallel.
    const [keep] = await Promise.all([filtered(filters), ...terms.map((t) => shard(m, t))]);
    // 1. The query as typed: each part's own term, or its trigrams, whose positions confirm the phrase.
    const strict = await tally(m, terms, keep);
    const hits: Hit[] = [];
    for (const doc of strict.touched) {
      if (strict.matched[doc] !== strict.count) continue;
      const places = parts.map((part) => phraseAt(part, part.terms.map((t) => {
        const list = strict.lists.get(t.term) as PostingList;
        return { list, i: indexOfDoc(list, doc) };
      })));
      const exact = places.every((p) => p !== 'none');
      hits.push({ doc, match: exact ? 'exact' : 'scattered', inTitle: exact && places.every((p) => p === 'title'), coverage: 1, score: strict.score[doc] as number });
    }
    // 2. Fewer than a page: entries holding the query's words apart, or most of them, by its bigrams (no positions needed).
    const sameTerms = loose.length === terms.length && loose.every((t) => terms.includes(t));
    const relaxed = hits.length >= PAGE_SIZE ? undefined : sameTerms ? strict : await tally(m, loose, keep);
    const rest: Hit[] = [];
    if (relaxed) {
      const found = new Set(hits.map((h) => h.doc));
      for (const doc of relaxed.touched) {
        if (found.has(doc)) continue;
        const coverage = (relaxed.matched[doc] as number) / relaxed.count;
        const hit: Hit = { doc, match: coverage === 1 ? 'scattered' : 'partial', inTitle: false, coverage, score: relaxed.score[doc] as number };
        (coverage > 0.5 ? hits : rest).push(hit);
      }
    }
    // Entries with only most of the query are offered when none holds all of it (otherwise 委员工作室 would list every 委员…工作).
    const ranked = hits.some((h) => h.match !== 'partial') ? hits.filter((h) => h.match !== 'partial') : hits;
    ranked.sort(compareHits);
    const near = ranked.length ? [] : rest.sort(compareHits).slice(0, 5).map((h) => h.doc);
    return { parts, hits: ranked, near };
  }

  /** Every entry passing the filters, newest first (browsing without a query). */
  async function browse(filters: Filters): Promise<number[]> {
    const [order, keep] = await Promise.all([browseOrder(), filtered(filters)]);
    return keep ? order.filter(keep) : [...order];
  }

  /** For each filter, how many of `docs` have each value. */
  async function counts(docs: readonly number[]): Promise<Counts> {
    const [m, f] = await Promise.all([manifest(), facets()]);
    const out: Counts = {};
    for (const [name, values] of Object.entries(m.values)) {
      const column = f[name];
      const tally = new Uint32Array(values.length);
      if (column) for (const doc of docs) for (let k = column.start[doc] as number; k < (column.start[doc + 1] as number); k++) tally[column.values[k] as number] = (tally[column.values[k] as number] as number) + 1;
      out[name] = Object.fromEntries(values.map((v, i) => [v, tally[i] as number]).filter(([, count]) => count));
    }
    return out;
  }

  /** Chunked rows (document table or texts) for some entries, each chunk fetched once. */
  async function rows<T>(docs: readonly number[], names: (m: Manifest) => { files: string; size: number; path: (name: string) => string }, check: (row: unknown) => boolean): Promise<T[]> {
    const m = await manifest();
    const { files, size, path } = names(m);
    const chunks = [...new Set(docs.map((d) => Math.floor(d / size)))];
    const loaded = new Map(
      await Promise.all(
        chunks.map(async (c) => {
          const name = chunkName(files, c);
          if (name === undefined) throw new SearchUnavailable('搜索索引已损坏');
          const list = await binary(path(name), (bytes) => {
            const value = decodeJson(bytes);
            if (!Array.isArray(value) || value.length !== Math.min(size, m.entries - c * size) || !value.every(check)) throw new IndexFormatError('搜索索引的条目数据不完整');
            return value as T[];
          });
          return [c, list] as const;
        }),
      ),
    );
    return docs.map((d) => loaded.get(Math.floor(d / size))?.[d % size] as T);
  }

  return {
    /** Forgets everything fetched and asks for a fresh manifest next time (after a stale SearchUnavailable). */
    reset(): void {
      cache.clear();
      knownCards.clear();
      embedded = undefined;
      fromPage = undefined;
      manifestQuery = `?fresh=${Date.now()}`;
    },
    manifest,
    search,
    browse,
    counts,
    /** The document-table rows of some entries (those that came with a shard are not fetched again). */
    async cards(docs: readonly number[]): Promise<Card[]> {
      const missing = docs.filter((d) => !knownCards.has(d));
      const fetched = missing.length ? await rows<Card>(missing, (m) => ({ files: m.cards, size: m.cardsPerChunk, path: paths.cards }), isCard) : [];
      const byDoc = new Map(missing.map((d, i) => [d, fetched[i] as Card]));
      return docs.map((d) => knownCards.get(d) ?? (byDoc.get(d) as Card));
    },
    /** The body text of some entries. */
    texts: (docs: readonly number[]) => rows<string>(docs, (m) => ({ files: m.texts, size: m.textsPerChunk, path: paths.texts }), (r) => typeof r === 'string'),
    /** Loads the filter values ahead of need. */
    facets,
  };
}

export type SearchEngine = ReturnType<typeof createEngine>;
