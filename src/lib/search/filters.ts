/**
 * The search filters, in the order the page shows them, with their labels;
 * the names are also the URL parameters. Declared here once, for the record
 * (record.ts), the index and the page (a module of its own so that the page
 * does not bundle the region tables record.ts needs).
 */
export const FILTERS = [
  ['type', '类型'],
  ['region', '地区'],
  ['theme', '主题'],
  ['year', '年份'],
] as const;

export type FilterName = (typeof FILTERS)[number][0];
