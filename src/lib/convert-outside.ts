/**
 * Conversion that leaves some names alone: opencc-js turns 乾 into 干, but the
 * county is 乾县 in simplified Chinese too. Pure, so the importer, the validator
 * and the search page (which injects the converter it loads) share it.
 */
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `convert` applied to the text outside `names`; the names pass through untouched. */
export function convertOutside(names: readonly string[], convert: (text: string) => string): (text: string) => string {
  if (names.length === 0) return convert;
  const pattern = new RegExp(`(${names.map(escapeRegExp).join('|')})`, 'u');
  return (text) =>
    text
      .split(pattern)
      .map((part, i) => (i % 2 === 1 ? part : convert(part)))
      .join('');
}
