/** The content model: one schema per collection, shared by the site and every script. */
import { CaseSchema } from './case.ts';
import { ReportSchema } from './report.ts';
import { RuleSchema } from './rule.ts';

export * from './case.ts';
export * from './digest.ts';
export * from './fields.ts';
export * from './report.ts';
export * from './rule.ts';
export * from './theme.ts';

/** Collections by folder name under content/. */
export const COLLECTIONS = {
  reports: { schema: ReportSchema, label: '经验交流', yearFolders: true },
  cases: { schema: CaseSchema, label: '创新案例', yearFolders: true },
  rules: { schema: RuleSchema, label: '制度文件', yearFolders: false },
} as const;

export type CollectionName = keyof typeof COLLECTIONS;
