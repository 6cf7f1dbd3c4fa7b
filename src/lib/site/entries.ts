/**
 * The site's entries are the library's: `Entry` from src/lib/entry.ts. This
 * module keeps the older names that the list pages import.
 */
import { COLLECTION_NAMES, COLLECTIONS, type CollectionName } from '../../schemas/index.ts';

export { plainText } from '../plain-text.ts';

/** @deprecated Use `CollectionName`. */
export type Kind = CollectionName;
/** @deprecated Use `COLLECTION_NAMES`. */
export const KINDS: readonly CollectionName[] = COLLECTION_NAMES;
/** @deprecated Use `collectionLabel` from src/schemas. */
export const KIND_LABEL = Object.fromEntries(COLLECTION_NAMES.map((c) => [c, COLLECTIONS[c].label])) as Record<CollectionName, string>;
