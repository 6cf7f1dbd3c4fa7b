/** The content model: one schema per collection, shared by the site and every script. */
import type * as z from 'zod';
import { CaseSchema } from './case.ts';
import { ReportSchema } from './report.ts';
import { RuleSchema } from './rule.ts';

export * from './case.ts';
export * from './digest.ts';
export * from './fields.ts';
export * from './report.ts';
export * from './rule.ts';
export * from './theme.ts';

/** Collections by folder name under content/, in the order the site lists them. */
export const COLLECTIONS = {
  reports: { schema: ReportSchema, label: '经验交流', yearFolders: true },
  cases: { schema: CaseSchema, label: '创新案例', yearFolders: true },
  rules: { schema: RuleSchema, label: '制度文件', yearFolders: false },
} as const;

export type CollectionName = keyof typeof COLLECTIONS;

/** Every collection name, in the order the site lists them. */
export const COLLECTION_NAMES = Object.keys(COLLECTIONS) as CollectionName[];

/** The parsed frontmatter of each collection. */
export type EntryData = { [C in CollectionName]: z.output<(typeof COLLECTIONS)[C]['schema']> };

/** 经验交流, 创新案例, 制度文件. */
export function collectionLabel(collection: CollectionName): string {
  return COLLECTIONS[collection].label;
}
