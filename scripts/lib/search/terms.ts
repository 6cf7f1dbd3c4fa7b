/**
 * The builder's vocabulary: every distinct term gets a dense id the first
 * time it is seen, with its text, its hash (format.ts `termHash`: it picks
 * the term's shard and spill bucket) and whether it keeps positions (Han
 * trigrams only). Han terms are looked up without building a string per
 * occurrence: each distinct Han character gets a small id, and a unigram,
 * bigram or trigram is the triple of its characters' ids (-1 where absent)
 * in an open-addressing table of typed arrays. Words (letters and digits)
 * go through a Map.
 */
import { termHash } from '../../../src/lib/search/format.ts';

/** A typed array at least `size` long, with the contents of `array`. */
export function grown<T extends Int32Array<ArrayBuffer> | Uint32Array<ArrayBuffer> | Uint8Array<ArrayBuffer> | Float64Array<ArrayBuffer>>(array: T, size: number): T {
  if (size <= array.length) return array;
  let length = Math.max(16, array.length * 2);
  while (length < size) length *= 2;
  const next = new (array.constructor as new (length: number) => T)(length);
  next.set(array);
  return next;
}

export class TermTable {
  /** Per term id. */
  readonly texts: string[] = [];
  hashes = new Uint32Array(1024);
  positioned = new Uint8Array(1024);

  /** Han characters: code point → id + 1 (0: not seen yet), and back. */
  private readonly charIds = new Int32Array(0x110000);
  private readonly chars: number[] = [];

  /** Han terms: four numbers per slot, the character ids (a, b, c) and its term id + 1 (0: empty slot). */
  private mask = (1 << 16) - 1;
  private slots = new Int32Array(4 * (this.mask + 1));
  private hanCount = 0;

  private readonly words = new Map<string, number>();

  get size(): number {
    return this.texts.length;
  }

  /** The id of a Han character (not a term id). */
  char(cp: number): number {
    let id = (this.charIds[cp] as number) - 1;
    if (id < 0) {
      id = this.chars.length;
      this.chars.push(cp);
      this.charIds[cp] = id + 1;
    }
    return id;
  }

  /** Han characters' unigrams: character id → term id + 1 (0: not yet a term). */
  private unigrams = new Int32Array(1024);

  /** The term id of a Han character's unigram, from its character id. */
  unigram(a: number): number {
    if (a >= this.unigrams.length) this.unigrams = grown(this.unigrams, a + 1);
    const found = this.unigrams[a] as number;
    if (found) return found - 1;
    const id = this.han(a, -1, -1);
    this.unigrams[a] = id + 1;
    return id;
  }

  /** The term id of a Han unigram (`b`, `c` = -1), bigram (`c` = -1) or trigram, from character ids. */
  han(a: number, b: number, c: number): number {
    let slot = this.slot(a, b, c);
    const found = this.slots[slot + 3] as number;
    if (found) return found - 1;
    if (2 * (this.hanCount + 1) > this.mask) {
      this.rehash();
      slot = this.slot(a, b, c);
    }
    const chars = this.chars;
    const text = b < 0 ? String.fromCodePoint(chars[a] as number) : c < 0 ? String.fromCodePoint(chars[a] as number, chars[b] as number) : String.fromCodePoint(chars[a] as number, chars[b] as number, chars[c] as number);
    const id = this.add(text, c >= 0);
    this.put(slot, a, b, c, id + 1);
    this.hanCount++;
    return id;
  }

  /** The id of a Han character already seen, or -1 (nothing is added). */
  charId(cp: number): number {
    return cp < this.charIds.length ? (this.charIds[cp] as number) - 1 : -1;
  }

  /** The code point of a character id. */
  charCode(id: number): number {
    return this.chars[id] as number;
  }

  /** The term id of a Han trigram already seen, from character ids, or -1 (nothing is added). */
  trigramId(a: number, b: number, c: number): number {
    return (this.slots[this.slot(a, b, c) + 3] as number) - 1;
  }

  /** The term id of a word (its normalised text). */
  word(text: string): number {
    let id = this.words.get(text);
    if (id === undefined) {
      id = this.add(text, false);
      this.words.set(text, id);
    }
    return id;
  }

  private add(text: string, positioned: boolean): number {
    const id = this.texts.length;
    this.texts.push(text);
    this.hashes = grown(this.hashes, id + 1);
    this.positioned = grown(this.positioned, id + 1);
    this.hashes[id] = termHash(text);
    this.positioned[id] = positioned ? 1 : 0;
    return id;
  }

  private put(slot: number, a: number, b: number, c: number, value: number): void {
    const slots = this.slots;
    slots[slot] = a;
    slots[slot + 1] = b;
    slots[slot + 2] = c;
    slots[slot + 3] = value;
  }

  /** Where (a, b, c) is, or the empty slot where it belongs (linear probing): an index into `slots`. */
  private slot(a: number, b: number, c: number): number {
    let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 2, 0x85ebca77) ^ Math.imul(c + 3, 0xc2b2ae3d);
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    h ^= h >>> 12;
    const { mask, slots } = this;
    let i = h & mask;
    for (;;) {
      const at = 4 * i;
      if (slots[at + 3] === 0 || (slots[at] === a && slots[at + 1] === b && slots[at + 2] === c)) return at;
      i = (i + 1) & mask;
    }
  }

  private rehash(): void {
    const old = this.slots;
    this.mask = this.mask * 2 + 1;
    this.slots = new Int32Array(4 * (this.mask + 1));
    for (let at = 0; at < old.length; at += 4) {
      if (!old[at + 3]) continue;
      const a = old[at] as number;
      const b = old[at + 1] as number;
      const c = old[at + 2] as number;
      this.put(this.slot(a, b, c), a, b, c, old[at + 3] as number);
    }
  }
}
