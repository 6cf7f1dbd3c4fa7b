/**
 * The search page's traditional → simplified converter: opencc-js with the
 * place names it must leave alone (乾县). A module of its own, imported only
 * when a query has a convertible character, so that the page's first script
 * shares no chunk with the contribution page's and needs one request.
 */
import * as OpenCC from 'opencc-js/t2cn';
import { convertOutside } from '../lib/convert-outside.ts';

export const simplifier = (keep: readonly string[]): ((text: string) => string) => convertOutside(keep, OpenCC.Converter({ from: 't', to: 'cn' }));
