/** The safe fixes `npm run fix` applies: pinyin readings, traditional characters, ASCII punctuation. */
import { findTextProblems, normalizeChinese } from '../../src/lib/chinese-text.ts';

export interface LineChange {
  line: number;
  before: string;
  after: string;
}

/** The fixed text and each line it changed; lines without problems are left byte for byte. */
export function fixText(text: string): { text: string; changes: LineChange[] } {
  const changes: LineChange[] = [];
  const lines = text.split('\n').map((before, i) => {
    if (findTextProblems(before).length === 0) return before;
    const after = normalizeChinese(before);
    if (after !== before) changes.push({ line: i + 1, before, after });
    return after;
  });
  return { text: lines.join('\n'), changes };
}
