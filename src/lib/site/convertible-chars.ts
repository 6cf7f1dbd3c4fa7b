/**
 * The characters that opencc-js's traditional → simplified conversion (t2cn)
 * can change, alone or inside a phrase (瞭 in 瞭解 → 了解). A query with none
 * of them converts to itself, so the search page loads the converter (about
 * 100 KB) only for a query that has one. Computed from opencc-js's own
 * dictionaries at build time and written into the search page.
 */
import { Locale } from 'opencc-js/t2cn';

interface Config {
  normalizationChain?: string[][];
  conversionChain: string[][];
}

export function convertibleChars(): string {
  const config = (Locale as unknown as { configs: Record<string, Config> }).configs['t2s'];
  if (!config) throw new Error('opencc-js has no t2s configuration');
  const chars = new Set<string>();
  for (const group of [...(config.normalizationChain ?? []), ...config.conversionChain]) {
    for (const dictionary of group) {
      for (const entry of dictionary.split('|')) {
        const [from = '', to = ''] = entry.split(' ');
        const a = [...from];
        const b = [...to];
        a.forEach((char, i) => {
          // Same length: only the positions that change; otherwise every character of the phrase.
          if (a.length !== b.length || char !== b[i]) chars.add(char);
        });
      }
    }
  }
  return [...chars].sort().join('');
}
