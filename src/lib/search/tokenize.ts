/**
 * The one tokenizer of the site's search, shared by the index builder, the
 * search page and the related-entries scorer: no word segmentation, so a
 * query finds every entry that contains it whatever words it is part of.
 *
 * - Text is normalised (NFKC: full-width letters and digits become ASCII; lower case).
 * - Each run of Han characters gives its characters (unigrams) and its
 *   overlapping pairs (bigrams), counted by code point, not UTF-16 unit. This
 *   is the CJK analysis of Lucene and Elasticsearch (`cjk_bigram`). The index
 *   also keeps overlapping triples (trigrams), the only terms with positions:
 *   they confirm a phrase of four or more characters.
 * - Runs of letters and digits give lower-cased words: AB角 → ab + 角, 12345热线 → 12345 + 热, 线, 热线.
 */

const HAN = /\p{Script=Han}/u;

/** NFKC and lower case: what the index stores and the query is matched against. */
export function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

export const isHan = (char: string): boolean => HAN.test(char);

export interface Run {
  /** `han`: a run of Han characters; `word`: letters and digits. */
  kind: 'han' | 'word';
  /** The run's characters (code points). */
  chars: string[];
  /** Position of the run's first character in the text, counted in code points. */
  start: number;
}

/** The Han runs and words of a normalised text, with their code-point positions. */
export function runs(text: string): Run[] {
  const out: Run[] = [];
  scan(
    text,
    (cp, previous, position) => {
      const char = String.fromCodePoint(cp);
      const last = out.at(-1);
      if (previous >= 0 && last?.kind === 'han') last.chars.push(char);
      else out.push({ kind: 'han', chars: [char], start: position });
    },
    (word, position) => void out.push({ kind: 'word', chars: [...word], start: position }),
  );
  return out;
}

const HAN_CHAR = /^\p{Script=Han}$/u;
const WORD_CHAR = /^[\p{L}\p{N}]$/u;

/** What each code point of the Basic Multilingual Plane is, once looked up: 0 not yet, 1 Han, 2 letter or digit, 3 neither. */
const KINDS = new Uint8Array(0x10000);

function kindOf(cp: number): number {
  let kind = cp < 0x10000 ? (KINDS[cp] as number) : 0;
  if (kind) return kind;
  if ((cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x2e80 && HAN_CHAR.test(String.fromCodePoint(cp)))) kind = 1;
  else if ((cp >= 0x61 && cp <= 0x7a) || (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x80 && WORD_CHAR.test(String.fromCodePoint(cp)))) kind = 2;
  else kind = 3;
  if (cp < 0x10000) KINDS[cp] = kind;
  return kind;
}

/** Whether a code point is a Han character. */
export const isHanCode = (cp: number): boolean => kindOf(cp) === 1;

/**
 * Walks a normalised text once, without building strings for Han terms (the
 * index builder's hot loop): `han(cp, previous, position)` for each Han
 * character (`previous` is the Han character before it in the same run, or
 * -1), `word(text, position)` for each word. Positions count code points.
 */
export function scan(text: string, han: (cp: number, previous: number, position: number) => void, word: (text: string, position: number) => void): void {
  let position = 0;
  let previous = -1;
  let wordStart = -1;
  let wordFrom = 0;
  const length = text.length;
  for (let i = 0; i < length; position++) {
    const at = i;
    let cp = text.charCodeAt(i++);
    if (cp >= 0xd800 && cp <= 0xdbff && i < length) {
      const low = text.charCodeAt(i);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = (cp - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        i++;
      }
    }
    const kind = kindOf(cp);
    if (kind === 1) {
      if (wordStart >= 0) word(text.slice(wordFrom, at), wordStart);
      wordStart = -1;
      han(cp, previous, position);
      previous = cp;
    } else if (kind === 2) {
      previous = -1;
      if (wordStart < 0) {
        wordStart = position;
        wordFrom = at;
      }
    } else {
      previous = -1;
      if (wordStart >= 0) word(text.slice(wordFrom, at), wordStart);
      wordStart = -1;
    }
  }
  if (wordStart >= 0) word(text.slice(wordFrom), wordStart);
}

/** One term occurrence: a Han unigram or bigram, or a word; `position` of its first character. */
export interface Token {
  term: string;
  position: number;
}

/** Every term occurrence of a normalised text, in order: each Han character, then the pair it ends (if any); each word. */
export function tokens(text: string): Token[] {
  const out: Token[] = [];
  scan(
    text,
    (cp, previous, position) => {
      out.push({ term: String.fromCodePoint(cp), position });
      if (previous >= 0) out.push({ term: String.fromCodePoint(previous, cp), position: position - 1 });
    },
    (term, position) => void out.push({ term, position }),
  );
  return out;
}

/** Whether a term is a Han trigram (the only terms whose positions the index keeps). */
export const isTrigram = (term: string): boolean => {
  const chars = [...term];
  return chars.length === 3 && chars.every(isHan);
};

/** Counts of the Han bigrams of a text: 委员工作室 → 委员, 员工, 工作, 作室 (for text similarity). */
export function hanBigramCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const run of runs(normalize(text))) {
    if (run.kind !== 'han') continue;
    for (let i = 0; i + 1 < run.chars.length; i++) {
      const pair = `${run.chars[i]}${run.chars[i + 1]}`;
      counts.set(pair, (counts.get(pair) ?? 0) + 1);
    }
  }
  return counts;
}

/** Question and filler words a query can do without: 如何建设委员工作室 searches 建设委员工作室. */
export const FILLER_WORDS = ['如何', '怎么样', '怎么', '怎样', '为什么', '什么', '哪些', '哪里', '是否', '有没有', '的', '吗', '呢', '吧', '啊'] as const;

const FILLER = new RegExp(FILLER_WORDS.join('|'), 'gu');

/** One part of a query that an entry must contain as typed: a Han phrase or a word. */
export interface QueryPart {
  kind: 'han' | 'word';
  text: string;
  /**
   * The terms looked up for it, each with its offset in the part: the part
   * itself up to three characters (its hit is exact), or a cover of trigrams
   * (offsets 0, 3, 6, … and the last three), whose positions tell where the
   * whole phrase is.
   */
  terms: { term: string; offset: number }[];
  /** Its overlapping-bigram cover (offsets 0, 2, 4, … and the last pair), without positions: for entries holding the part's words apart, or most of them. */
  loose: string[];
}

/** Terms of `size` characters covering a run: offsets 0, step, 2·step, … and the last one. */
function cover(chars: readonly string[], size: number, step: number): { term: string; offset: number }[] {
  const offsets = new Set<number>();
  for (let i = 0; i + size <= chars.length; i += step) offsets.add(i);
  offsets.add(chars.length - size);
  return [...offsets].map((i) => ({ term: chars.slice(i, i + size).join(''), offset: i }));
}

/**
 * The parts of a (normalised, simplified) query. A Han phrase of up to three
 * characters is one term; a longer one is looked up by a cover of trigrams.
 * Filler words are dropped, unless nothing else is left.
 */
export function queryParts(query: string): QueryPart[] {
  const text = normalize(query);
  const stripped = text.replace(FILLER, ' ');
  const chosen = runs(stripped).length ? stripped : text;
  const parts: QueryPart[] = [];
  for (const run of runs(chosen)) {
    const partText = run.chars.join('');
    if (run.kind === 'word' || run.chars.length <= 3) {
      const loose = run.kind === 'han' && run.chars.length === 3 ? cover(run.chars, 2, 2).map((t) => t.term) : [partText];
      parts.push({ kind: run.kind, text: partText, terms: [{ term: partText, offset: 0 }], loose });
      continue;
    }
    parts.push({ kind: 'han', text: partText, terms: cover(run.chars, 3, 3), loose: cover(run.chars, 2, 2).map((t) => t.term) });
  }
  // A long paste would fetch many shards; its first 16 parts already pin it down.
  return parts.filter((p, i) => i < 16 && !parts.slice(0, i).some((q) => q.text === p.text));
}

/**
 * The parts with the index's phrases (format.ts Manifest.phrases) looked up
 * as themselves: a part that is one of them is one term, without positions,
 * instead of a cover of trigrams. It finds the same entries.
 */
export function withPhrases(parts: readonly QueryPart[], phrases: ReadonlySet<string>): QueryPart[] {
  return parts.map((p) => (p.kind === 'han' && p.terms.length > 1 && phrases.has(p.text) ? { ...p, terms: [{ term: p.text, offset: 0 }] } : p));
}
