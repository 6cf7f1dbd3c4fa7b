/** "How to cite" lines in the style of GB/T 7714-2015 for electronic resources ([EB/OL]). */

export interface Citable {
  /** 主要责任者: people or organizations, in order. */
  authors: readonly string[];
  title: string;
  /** 出版年 or full date of the work. */
  published: string | undefined;
  /** 更新或修改日期 (YYYY-MM-DD, or just the year); '' when unknown. */
  updated: string;
  /** 获取和访问路径: the entry's absolute URL. */
  url: string;
}

export const PUBLISHER = '政协案例库';

/** Where the reader writes the date they consulted the page: a static page cannot know it. */
export const CITED_DATE = '[引用日期]';

/**
 * 王吉德. 创新机制提振精神切实破解薄弱问题[EB/OL]. 政协案例库, 2023-05-25(2024-01-02)[引用日期]. https://….
 * GB/T 7714—2015 §4.1 for electronic resources, with the 引用日期 left as a visible placeholder.
 */
export function citeEntry(work: Citable): string {
  const authors = work.authors.length > 3 ? `${work.authors.slice(0, 3).join(', ')}, 等` : work.authors.join(', ');
  const head = authors ? `${authors}. ` : '';
  const when =
    work.published && work.published !== work.updated ? `${work.published}${work.updated ? `(${work.updated})` : ''}` : work.updated ? `(${work.updated})` : '';
  return `${head}${work.title}[EB/OL]. ${PUBLISHER}${when ? `, ${when}` : ''}${CITED_DATE}. ${work.url}.`;
}
