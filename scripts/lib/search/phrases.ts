/**
 * Phrases with postings of their own: the common phrases of a library, such
 * as the names of practices (委员工作室, 书香政协, 社情民意信息). A query of
 * four or more characters is otherwise looked up by a cover of trigrams with
 * positions (tokenize.ts), and when the phrase is common its trigrams are
 * too: at 30,000 entries 委员工作室 needed 94 KB of positional postings and
 * six document-table chunks. As one term it is a plain posting list (entry
 * and weight, no positions), and its shard carries its best entries' rows.
 *
 * Mining (PhraseMiner), over the first SAMPLE entries read (all of a smaller
 * library): where a text has two or more overlapping common trigrams in a
 * row (each in at least `least` of those entries), every stretch of
 * MIN_PHRASE to MAX_PHRASE + 1 characters there is a candidate, counted once
 * per entry. Chosen: candidates of up to MAX_PHRASE characters in at least
 * `least` entries, unless a candidate one character longer, on either side,
 * is in nearly as many (委员工作 and 员工作室 go with 委员工作室, and the
 * pieces of a sentence that many entries repeat go with the sentence); at
 * most MAX_PHRASES, the most common first. The chosen phrases are then found
 * (PhraseMatcher) in every entry as it streams by, in the normalised title,
 * summary and body the tokenizer reads, as exact substrings: a phrase's
 * postings hold exactly the entries its trigrams would give. Those in fewer
 * than leastEntries(library) entries are dropped at the end.
 */
import { TEXT_START } from '../../../src/lib/search/format.ts';
import { FIELD_WEIGHTS } from '../../../src/lib/search/record.ts';
import { scan } from '../../../src/lib/search/tokenize.ts';
import { grown, type TermTable } from './terms.ts';

export const MIN_PHRASE = 4;
export const MAX_PHRASE = 6;
/** Phrases listed in the manifest, which every query downloads: a few KB at most. */
export const MAX_PHRASES = 200;
/** A candidate in at least this share of a shorter phrase's entries makes that phrase redundant. */
const NEARLY_ALL = 0.9;
/** Phrases are mined from the first this many entries read; larger libraries are only searched for them. */
export const SAMPLE = 2000;

/** How many entries a phrase (and each of its trigrams) must be in: 1 in 200, at least 40. */
export const leastEntries = (entries: number): number => Math.max(40, Math.ceil(entries / 200));

/** The fields of an entry as the tokenizer indexes them (normalised; the title cut to its indexed length). */
export interface EntryText {
  title: string;
  summary: string;
  body: string;
}

export interface PhrasePosting {
  /** The entry, numbered as read. */
  entry: number;
  /** Field-weighted frequency. */
  tf: number;
  inTitle: boolean;
}

/**
 * Candidates are numbered as they are met: a four-character one by its first
 * trigram's term id and its last character, a longer one by the candidate one
 * shorter and its last character.
 */
export class PhraseMiner {
  private readonly table: TermTable;
  private readonly hot: Uint8Array;
  /** (prefix, last character) → candidate id + 1, by open addressing: three numbers a slot. */
  private mask = (1 << 15) - 1;
  private slots = new Int32Array(3 * (this.mask + 1));
  /** Per candidate: its prefix (a trigram term id, or a candidate id + CANDIDATE), last character id, length, entries. */
  private prefix = new Int32Array(1024);
  private last = new Int32Array(1024);
  private length = new Uint8Array(1024);
  private df = new Int32Array(1024);
  /** Per candidate: the entry it was last counted in, and its slot there. */
  private stamp = new Int32Array(1024);
  private slotOf = new Int32Array(1024);
  private count = 0;
  private entry = 0;
  /** Per entry, the candidates it holds and their weighted frequency × 2 + in-title flag, run together. */
  private readonly found: { ids: Int32Array; tf: Int32Array }[] = [];
  private readonly chars: number[] = [];
  private readonly trigrams: number[] = [];

  /** `hot[id]`: whether trigram `id` of `table` is in at least `least` entries. */
  constructor(table: TermTable, hot: Uint8Array) {
    this.table = table;
    this.hot = hot;
  }

  private static readonly CANDIDATE = 1 << 28;

  /** Where (prefix, char) is, or the empty slot where it belongs (linear probing). */
  private slot(prefix: number, char: number): number {
    let h = Math.imul(prefix, 0x9e3779b1) ^ Math.imul(char + 1, 0x85ebca77);
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    h ^= h >>> 13;
    const { mask, slots } = this;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const at = 3 * i;
      if (slots[at + 2] === 0 || (slots[at] === prefix && slots[at + 1] === char)) return at;
    }
  }

  private idOf(prefix: number, char: number, length: number): number {
    let at = this.slot(prefix, char);
    const found = this.slots[at + 2] as number;
    if (found) return found - 1;
    if (2 * (this.count + 1) > this.mask) {
      const old = this.slots;
      this.mask = this.mask * 2 + 1;
      this.slots = new Int32Array(3 * (this.mask + 1));
      for (let k = 0; k < old.length; k += 3) {
        if (!old[k + 2]) continue;
        const to = this.slot(old[k] as number, old[k + 1] as number);
        this.slots.set(old.subarray(k, k + 3), to);
      }
      at = this.slot(prefix, char);
    }
    const id = this.count++;
    this.slots[at] = prefix;
    this.slots[at + 1] = char;
    this.slots[at + 2] = id + 1;
    if (id >= this.prefix.length) {
      this.prefix = grown(this.prefix, id + 1);
      this.last = grown(this.last, id + 1);
      this.length = grown(this.length, id + 1);
      this.df = grown(this.df, id + 1);
      this.stamp = grown(this.stamp, id + 1);
      this.slotOf = grown(this.slotOf, id + 1);
    }
    this.prefix[id] = prefix;
    this.last[id] = char;
    this.length[id] = length;
    this.stamp[id] = -1;
    return id;
  }

  /** Adds the next entry (in entry-number order). */
  add(entry: EntryText): void {
    const doc = this.entry++;
    const ids: number[] = [];
    const tf: number[] = [];
    const { table, hot, chars, trigrams } = this;
    const field = (text: string, weight: number, title: boolean) => {
      // The text's Han runs, each as character ids, one at a time.
      const run = () => {
        const n = chars.length;
        if (n < MIN_PHRASE) {
          chars.length = 0;
          return;
        }
        // The common trigrams' ids by position, -1 for the others.
        for (let i = 0; i + 3 <= n; i++) {
          const t = table.trigramId(chars[i] as number, chars[i + 1] as number, chars[i + 2] as number);
          trigrams[i] = t >= 0 && hot[t] ? t : -1;
        }
        let i = 0;
        while (i + 3 <= n) {
          if ((trigrams[i] as number) < 0) {
            i++;
            continue;
          }
          // A stretch of common trigrams from i: it covers chars[i .. end).
          let end = i + 3;
          while (end < n && (trigrams[end - 2] as number) >= 0) end++;
          for (let start = i; start + MIN_PHRASE <= end; start++) {
            let prefix = trigrams[start] as number;
            for (let stop = start + MIN_PHRASE; stop <= Math.min(end, start + MAX_PHRASE + 1); stop++) {
              const id = this.idOf(prefix, chars[stop - 1] as number, stop - start);
              prefix = id + PhraseMiner.CANDIDATE;
              let slot: number;
              if (this.stamp[id] === doc) slot = this.slotOf[id] as number;
              else {
                slot = ids.length;
                this.stamp[id] = doc;
                this.slotOf[id] = slot;
                ids.push(id);
                tf.push(0);
                this.df[id] = (this.df[id] as number) + 1;
              }
              tf[slot] = ((tf[slot] as number) + 2 * weight) | (title ? 1 : 0);
            }
          }
          i = end - 2;
        }
        chars.length = 0;
      };
      scan(
        text,
        (cp, previous) => {
          if (previous < 0) run();
          chars.push(table.charId(cp));
        },
        () => run(),
      );
      run();
    };
    field(entry.title, FIELD_WEIGHTS.title, true);
    field(entry.summary, FIELD_WEIGHTS.summary, false);
    field(entry.body, FIELD_WEIGHTS.body, false);
    this.found.push({ ids: Int32Array.from(ids), tf: Int32Array.from(tf) });
  }

  /** A candidate's text. */
  private text(id: number): string {
    const out: number[] = [];
    let at = id + PhraseMiner.CANDIDATE;
    while (at >= PhraseMiner.CANDIDATE) {
      const c = at - PhraseMiner.CANDIDATE;
      out.push(this.table.charCode(this.last[c] as number));
      at = this.prefix[c] as number;
    }
    return this.table.texts[at] + String.fromCodePoint(...out.reverse());
  }

  /**
   * At most `max` chosen phrases, most common first (then by code unit), with their postings in entry order, two
   * numbers each: the entry, and its weighted frequency × 2 + in-title flag.
   */
  phrases(least: number, max: number): { phrase: string; postings: number[] }[] {
    const { df, length } = this;
    // The common candidates, with their texts (a candidate one character longer than a phrase is counted too).
    const common = new Map<string, number>();
    for (let id = 0; id < this.count; id++) if ((df[id] as number) >= least) common.set(this.text(id), id);
    // A candidate is redundant when one a character longer, on either side, is in nearly as many entries.
    const redundant = new Set<number>();
    for (const [text, id] of common) {
      const chars = [...text];
      if (chars.length <= MIN_PHRASE) continue;
      for (const part of [chars.slice(1).join(''), chars.slice(0, -1).join('')]) {
        const shorter = common.get(part);
        if (shorter !== undefined && (df[id] as number) >= NEARLY_ALL * (df[shorter] as number)) redundant.add(shorter);
      }
    }
    const chosen: { id: number; text: string }[] = [];
    for (const [text, id] of common) if ((length[id] as number) <= MAX_PHRASE && !redundant.has(id)) chosen.push({ id, text });
    chosen.sort((a, b) => (df[b.id] as number) - (df[a.id] as number) || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
    const top = chosen.slice(0, max);
    const index = new Int32Array(this.count).fill(-1);
    top.forEach((c, k) => (index[c.id] = k));
    const postings = top.map(() => [] as number[]);
    this.found.forEach((found, doc) => {
      for (let s = 0; s < found.ids.length; s++) {
        const k = index[found.ids[s] as number] as number;
        if (k >= 0) postings[k]?.push(doc, found.tf[s] as number);
      }
    });
    return top.map((c, k) => ({ phrase: c.text, postings: postings[k] ?? [] }));
  }
}

interface TrieNode {
  next: Map<number, TrieNode>;
  /** The phrase ending here, by index, or -1. */
  phrase: number;
}

/** Finds every occurrence (overlapping ones too) of a set of Han phrases in a text, walking a trie from each character. */
export class PhraseMatcher {
  private readonly root: TrieNode = { next: new Map(), phrase: -1 };
  /** Code points that begin a phrase (below 0x10000; those above are looked up in the trie). */
  private readonly starts = new Uint8Array(0x10000);
  constructor(phrases: readonly string[]) {
    phrases.forEach((phrase, index) => {
      let node = this.root;
      for (const char of phrase) {
        const cp = char.codePointAt(0) as number;
        let child = node.next.get(cp);
        if (!child) node.next.set(cp, (child = { next: new Map(), phrase: -1 }));
        node = child;
      }
      node.phrase = index;
      const first = phrase.codePointAt(0) as number;
      if (first < 0x10000) this.starts[first] = 1;
    });
  }

  /** Calls `found(index)` for each occurrence of a phrase in a normalised text. */
  scan(text: string, found: (phrase: number) => void): void {
    const { root, starts } = this;
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      if (unit < 0xd800 || unit > 0xdfff ? !starts[unit] : unit >= 0xdc00) continue;
      let node: TrieNode | undefined = root;
      for (let j = i; node && j < text.length; ) {
        const cp = text.codePointAt(j) as number;
        node = node.next.get(cp);
        j += cp > 0xffff ? 2 : 1;
        if (node && node.phrase >= 0) found(node.phrase);
      }
    }
  }
}

/**
 * The common phrases of a library and their postings, as its entries stream
 * by: the first SAMPLE entries are kept and mined; from then on each entry is
 * searched for the chosen phrases as it is read.
 */
export class CommonPhrases {
  private readonly maxPhrases: number;
  private readonly sampleSize: number;
  private sample: EntryText[] = [];
  private chosen: string[] | undefined;
  private matcher: PhraseMatcher | undefined;
  /** Per chosen phrase, its postings so far, two numbers each: the entry, and its weighted frequency × 2 + in-title flag. */
  private postings: number[][] = [];
  private entries = 0;
  /** Per chosen phrase, in the entry being matched: its weighted frequency × 2 + in-title flag (0: not found). */
  private tf = new Int32Array(0);
  private readonly touched: number[] = [];

  constructor(maxPhrases: number, sampleSize = SAMPLE) {
    this.maxPhrases = maxPhrases;
    this.sampleSize = sampleSize;
  }

  /**
   * The next entry's normalised fields (the title whole: only its first TEXT_START − 1 characters are indexed).
   * `hotTrigrams(least)`: the term table and which trigrams are in at least `least` of the entries read so far.
   */
  add(text: EntryText, hotTrigrams: (least: number) => { table: TermTable; hot: Uint8Array }): void {
    const entry = this.entries++;
    const fields = { ...text, title: indexedTitle(text.title) };
    if (!this.chosen) {
      this.sample.push(fields);
      // A sample's phrases need the share of the library's: 1 in 200 of its entries.
      if (this.sample.length === this.sampleSize) this.mine(hotTrigrams, Math.ceil(this.sampleSize / 200));
      return;
    }
    this.match(entry, fields);
  }

  /** The phrases in at least `least` entries of the whole library, most common in the sample first, with their postings. */
  finish(hotTrigrams: (least: number) => { table: TermTable; hot: Uint8Array }, least: number): { phrase: string; postings: PhrasePosting[] }[] {
    if (!this.chosen) this.mine(hotTrigrams, least);
    return (this.chosen ?? [])
      .map((phrase, k) => {
        const packed = this.postings[k] ?? [];
        const postings: PhrasePosting[] = [];
        for (let i = 0; i < packed.length; i += 2) postings.push({ entry: packed[i] as number, tf: (packed[i + 1] as number) >> 1, inTitle: ((packed[i + 1] as number) & 1) === 1 });
        return { phrase, postings };
      })
      .filter((p) => p.postings.length >= least);
  }

  private mine(hotTrigrams: (least: number) => { table: TermTable; hot: Uint8Array }, least: number): void {
    const { table, hot } = hotTrigrams(least);
    const miner = new PhraseMiner(table, hot);
    for (const text of this.sample) miner.add(text);
    const found = miner.phrases(least, this.maxPhrases);
    this.chosen = found.map((p) => p.phrase);
    this.postings = found.map((p) => p.postings);
    this.matcher = new PhraseMatcher(this.chosen);
    this.tf = new Int32Array(this.chosen.length);
    this.sample = [];
  }

  private match(entry: number, text: EntryText): void {
    const { tf, touched } = this;
    const matcher = this.matcher as PhraseMatcher;
    let weight = 0;
    let title = 0;
    const found = (phrase: number) => {
      if (!tf[phrase]) touched.push(phrase);
      tf[phrase] = ((tf[phrase] as number) + 2 * weight) | title;
    };
    weight = FIELD_WEIGHTS.title;
    title = 1;
    matcher.scan(text.title, found);
    weight = FIELD_WEIGHTS.summary;
    title = 0;
    matcher.scan(text.summary, found);
    weight = FIELD_WEIGHTS.body;
    matcher.scan(text.body, found);
    for (const phrase of touched) {
      this.postings[phrase]?.push(entry, tf[phrase] as number);
      tf[phrase] = 0;
    }
    touched.length = 0;
  }
}

/** The part of a normalised title the index reads (format.ts TEXT_START). */
function indexedTitle(title: string): string {
  // Code units are never fewer than code points: most titles need no split.
  if (title.length < TEXT_START - 1) return title;
  const chars = [...title];
  return chars.length < TEXT_START - 1 ? title : chars.slice(0, TEXT_START - 1).join('');
}
