/**
 * opencc-js's traditional → simplified converter that leaves `keep` (names
 * such as 乾县) alone: the search page loads this module only for a query
 * with a character the conversion could change.
 */
import * as OpenCC from 'opencc-js/t2cn';
import { convertOutside } from '../convert-outside.ts';

export const simplifier = (keep: readonly string[]): ((text: string) => string) => convertOutside(keep, OpenCC.Converter({ from: 't', to: 'cn' }));
