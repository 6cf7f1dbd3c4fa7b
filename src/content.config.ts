import { defineCollection } from 'astro:content';
import { CaseSchema, DigestSchema, ReportSchema, RuleSchema, ThemeSchema } from './schemas/index.ts';
import { entryLoader, themesLoader } from './loaders/entry-loader.ts';

export const collections = {
  reports: defineCollection({ loader: entryLoader('content/reports'), schema: ReportSchema }),
  cases: defineCollection({ loader: entryLoader('content/cases'), schema: CaseSchema }),
  rules: defineCollection({ loader: entryLoader('content/rules'), schema: RuleSchema }),
  digests: defineCollection({ loader: entryLoader('content/digests'), schema: DigestSchema }),
  themes: defineCollection({ loader: themesLoader('content/themes.yaml'), schema: ThemeSchema }),
};
