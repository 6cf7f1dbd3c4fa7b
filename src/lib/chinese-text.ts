/**
 * Chinese text normalisation: the repairs the importer applies and the checks
 * the validator reports. Content is stored in simplified Chinese with
 * full-width punctuation (GB/T 15834).
 */
import * as OpenCC from 'opencc-js/t2cn';
import { convertOutside } from './convert-outside.ts';
import { allRegions } from './regions.ts';
import { convertibleChars } from './site/convertible-chars.ts';

/**
 * Built on first use: building the converter and the protected names costs
 * about as much as checking a file, and most text has no character the
 * conversion could change (see mayConvert).
 */
let converter: ((text: string) => string) | undefined;
const convert = (text: string): string => (converter ??= OpenCC.Converter({ from: 't', to: 'cn' }))(text);

let names: string[] | undefined;
/**
 * Place names that are already simplified but that OpenCC would change
 * (乾县 would become 干县): they pass through conversion untouched.
 */
export function protectedNames(): string[] {
  return (names ??= allRegions()
    .map((r) => r.name)
    .filter((name) => convert(name) !== name));
}

let toCn: ((text: string) => string) | undefined;
/** The convertible characters: a bit per UTF-16 code unit (a lookup per character is what a long text needs), and the few beyond it. */
let convertible: { units: Uint8Array; astral: Set<number> } | undefined;
/** Whether the text has a character that t2cn could change, alone or in a phrase; without one it converts to itself. */
function mayConvert(text: string): boolean {
  if (!convertible) {
    const units = new Uint8Array(0x10000);
    const astral = new Set<number>();
    for (const char of convertibleChars()) {
      const code = char.codePointAt(0) ?? 0;
      if (code > 0xffff) astral.add(code);
      else units[code] = 1;
    }
    convertible = { units, astral };
  }
  const { units, astral } = convertible;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (units[unit] === 1) return true;
    if (unit >= 0xd800 && unit <= 0xdbff && astral.size > 0 && astral.has(text.codePointAt(i) ?? 0)) return true;
  }
  return false;
}

const HAN = '\\p{Script=Han}';
/** Characters that make a position "Chinese": Han plus full-width punctuation. */
const CJK = `[${HAN}\\u3000-\\u303F\\uFF00-\\uFFEF“”‘’《》〈〉—…·]`;
const TONED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ';

/** A tone-marked pinyin reading in ASCII parentheses glued after a Han character: 協(xié). */
const PINYIN_READING = new RegExp(`(?<=${HAN})\\((?=[a-zü${TONED}]*[${TONED}])[a-zü${TONED}]{1,7}\\)`, 'gu');

/**
 * A mis-decoded sequence: a `?` or U+FFFD that stands where a character was
 * lost, with the Latin debris around it (`?,F(xiàn)`, `?jǐn)?shù)`), or a lone
 * Latin letter wedged between Han characters (`瘯A斜`).
 */
const DAMAGE = new RegExp(
  `\\uFFFD+|\\?(?=[\\p{Script=Latin}\\d,.()?\\uFFFD])[\\p{Script=Latin}\\d,.()?\\uFFFD]*|(?<=${HAN})[A-Za-z](?=${HAN})`,
  'gu',
);

export function removePinyinReadings(text: string): string {
  return text.replace(PINYIN_READING, '');
}

export function toSimplified(text: string): string {
  if (!mayConvert(text)) return text;
  toCn ??= convertOutside(protectedNames(), convert);
  return toCn(text);
}

const PUNCTUATION: Record<string, string> = { ',': '，', ';': '；', '!': '！', '?': '？', ':': '：' };
const NEAR_CJK = new RegExp(`(?<=${CJK})[,;!?:]|[,;!?](?=${CJK})`, 'gu');
const PAREN_PAIR = new RegExp(`\\(([^()]*${HAN}[^()]*)\\)`, 'gu');

/** ASCII punctuation next to Chinese text becomes full-width: `要求,不断` → `要求，不断`, `(试行)` → `（试行）`. */
export function fullWidthPunctuation(text: string): string {
  return text
    .replace(NEAR_CJK, (mark, offset: number, whole: string) => {
      // 08:47 and 1,000 stay as they are.
      if ((mark === ':' || mark === ',') && /\d/.test(whole[offset - 1] ?? '') && /\d/.test(whole[offset + 1] ?? '')) return mark;
      return PUNCTUATION[mark] ?? mark;
    })
    .replace(PAREN_PAIR, '（$1）');
}

/** A stretch of text the scraping destroyed, located in its line. */
export interface Damage {
  /** 1-based column of the first damaged character. */
  column: number;
  text: string;
}

export function findDamage(text: string): Damage[] {
  return [...text.matchAll(DAMAGE)].map((m) => ({ column: (m.index ?? 0) + 1, text: m[0] }));
}

/** All repairs the importer applies to a line whose damage has been dealt with. */
export function normalizeChinese(text: string): string {
  return fullWidthPunctuation(toSimplified(removePinyinReadings(text)));
}

/** What the validator can say about a line of stored content. */
export interface TextProblem {
  kind: 'pinyin-reading' | 'traditional' | 'ascii-punctuation';
  column: number;
  found: string;
  suggestion: string;
}

/** Whether any line of the text has damage `findTextProblems` would report (one pass over the whole text). */
export function hasTextProblems(text: string): boolean {
  PINYIN_READING.lastIndex = 0;
  const reading = PINYIN_READING.test(text);
  PINYIN_READING.lastIndex = 0;
  return reading || toSimplified(text) !== text || fullWidthPunctuation(text) !== text;
}

/** Damage that `normalizeChinese` would repair, one problem per kind, with the corrected line. */
export function findTextProblems(line: string): TextProblem[] {
  const problems: TextProblem[] = [];
  const firstDiff = (a: string, b: string) => {
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    return i;
  };
  const reading = PINYIN_READING.exec(line);
  PINYIN_READING.lastIndex = 0;
  if (reading) {
    problems.push({ kind: 'pinyin-reading', column: reading.index + 1, found: reading[0], suggestion: removePinyinReadings(line) });
  }
  const simplified = toSimplified(line);
  if (simplified !== line) {
    const at = firstDiff(line, simplified);
    problems.push({ kind: 'traditional', column: at + 1, found: [...line.slice(at)][0] ?? '', suggestion: simplified });
  }
  const punctuated = fullWidthPunctuation(line);
  if (punctuated !== line) {
    const at = firstDiff(line, punctuated);
    problems.push({ kind: 'ascii-punctuation', column: at + 1, found: line[at] ?? '', suggestion: punctuated });
  }
  return problems;
}
