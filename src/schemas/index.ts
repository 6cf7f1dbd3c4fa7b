/** The content model: one schema per collection, shared by the site and every script. */
import type * as z from 'zod';
import { CASE_REFERENCES, CaseSchema } from './case.ts';
import type { References } from './references.ts';
import { REPORT_REFERENCES, ReportSchema } from './report.ts';
import { RULE_REFERENCES, RuleSchema } from './rule.ts';

export * from './case.ts';
export * from './digest.ts';
export * from './fields.ts';
export * from './references.ts';
export * from './report.ts';
export * from './rule.ts';
export * from './theme.ts';

/** What the code needs to know about a collection; everything else is in its schema. */
export interface CollectionModel {
  schema: z.ZodType;
  /** Its name on the site and in messages. */
  label: string;
  /** Whether entries sit in year folders (`2023/xian`). */
  yearFolders: boolean;
  /** Its fields that name other entries. */
  references: References;
}

/** Collections by folder name under content/, in the order the site lists them. */
export const COLLECTIONS = {
  reports: { schema: ReportSchema, label: '经验交流', yearFolders: true, references: REPORT_REFERENCES },
  cases: { schema: CaseSchema, label: '创新案例', yearFolders: true, references: CASE_REFERENCES },
  rules: { schema: RuleSchema, label: '制度文件', yearFolders: false, references: RULE_REFERENCES },
} as const satisfies Record<string, CollectionModel>;

export type CollectionName = keyof typeof COLLECTIONS;

/** The whole model: what functions that read it take, so tests can pass a variant. */
export type ContentModel = Record<CollectionName, CollectionModel>;

/** Every collection name, in the order the site lists them. */
export const COLLECTION_NAMES = Object.keys(COLLECTIONS) as CollectionName[];

/** The parsed frontmatter of each collection. */
export type EntryData = { [C in CollectionName]: z.output<(typeof COLLECTIONS)[C]['schema']> };

/** 经验交流, 创新案例, 制度文件. */
export function collectionLabel(collection: CollectionName): string {
  return COLLECTIONS[collection].label;
}
