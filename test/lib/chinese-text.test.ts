import { describe, expect, test } from 'vitest';
import { findDamage, findTextProblems, fullWidthPunctuation, normalizeChinese, removePinyinReadings } from '../../src/lib/chinese-text.ts';

describe('removePinyinReadings', () => {
  test('removes a tone-marked reading glued after a character and keeps Chinese in parentheses', () => {
    expect(removePinyinReadings('協(xié)商(試行)')).toBe('協商(試行)');
  });
  test('keeps Latin text that is not a reading', () => {
    expect(removePinyinReadings('APP(app)与 Wi-Fi')).toBe('APP(app)与 Wi-Fi');
  });
});

describe('fullWidthPunctuation', () => {
  test('converts commas, colons and parentheses next to Chinese text', () => {
    expect(fullWidthPunctuation('工作要求,不断 来源:各界 (试行) 0%,联')).toBe('工作要求，不断 来源：各界 （试行） 0%，联');
  });
  test('leaves times, thousands and ranges alone', () => {
    expect(fullWidthPunctuation('08:47 1,000人 2-3名 1+3')).toBe('08:47 1,000人 2-3名 1+3');
  });
});

describe('normalizeChinese', () => {
  test('repairs all three kinds of damage in one pass', () => {
    expect(normalizeChinese('協(xié)商會(huì)議,不斷')).toBe('协商会议，不断');
  });
});

describe('findDamage', () => {
  test('finds a mis-decoded sequence with its column', () => {
    expect(findDamage('底氣?,F(xiàn)就')).toEqual([{ column: 3, text: '?,F(xiàn)' }]);
    expect(findDamage('德才兼?zhèn)?、熱愛')).toEqual([{ column: 4, text: '?zhèn)?' }]);
  });
  test('finds a lone Latin letter between Han characters', () => {
    expect(findDamage('瘯A斜')).toEqual([{ column: 2, text: 'A' }]);
  });
  test('finds nothing in clean text', () => {
    expect(findDamage('怎么办？我们说：OK。')).toEqual([]);
  });
});

describe('findTextProblems', () => {
  test('names each kind of damage with the corrected line', () => {
    expect(findTextProblems('協(xié)商,不断')).toEqual([
      { kind: 'pinyin-reading', column: 2, found: '(xié)', suggestion: '協商,不断' },
      { kind: 'traditional', column: 1, found: '協', suggestion: '协(xié)商,不断' },
      { kind: 'ascii-punctuation', column: 8, found: ',', suggestion: '協(xié)商，不断' },
    ]);
  });
});

describe('toSimplified', () => {
  test('leaves place names such as 乾县 alone while converting the text around them', async () => {
    const { toSimplified } = await import('../../src/lib/chinese-text.ts');
    expect(toSimplified('乾县政協')).toBe('乾县政协');
  });

  test('converts every character OpenCC converts, though it skips text with none of them', async () => {
    const { toSimplified } = await import('../../src/lib/chinese-text.ts');
    const OpenCC = await import('opencc-js/t2cn');
    const convert = OpenCC.Converter({ from: 't', to: 'cn' });
    const missed: string[] = [];
    const codes = [...Array.from({ length: 0xa000 - 0x3400 }, (_, i) => 0x3400 + i), ...Array.from({ length: 0x2b740 - 0x20000 }, (_, i) => 0x20000 + i)];
    for (const code of codes) {
      const char = String.fromCodePoint(code);
      if (convert(char) !== char && toSimplified(char) === char && toSimplified(`${char}。`) === `${char}。`) missed.push(char);
    }
    // Only protected place-name characters may stay, and none of them is a single character.
    expect(missed).toEqual([]);
    expect(toSimplified('瞭解')).toBe(convert('瞭解'));
  });
});
