/** /rss.xml: the newest entries, by the date they were added to the library. */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { siteData } from '../components/site-data.ts';
import { gitDates } from '../lib/git-dates.ts';
import { collectionLabel } from '../schemas/index.ts';
import { href } from '../lib/site/url.ts';

const ITEMS = 50;

export const GET: APIRoute = async ({ site }) => {
  const { entries } = await siteData();
  const dates = gitDates('content');
  const items = entries
    .map((entry) => {
            const stated = entry.date?.length === 10 ? entry.date : `${entry.year ?? 1970}-01-01`;
      const added = dates.get(entry.file)?.added ?? stated;
      return { entry, added };
    })
    .sort((a, b) => (a.added < b.added ? 1 : a.added > b.added ? -1 : a.entry.key < b.entry.key ? -1 : 1))
    .slice(0, ITEMS);
  return rss({
    title: '政协案例库',
    description: '市县政协的经验交流、制度文件和创新案例：新收录的条目',
    site: new URL(href(), site),
    customData: '<language>zh-cn</language>',
    items: items.map(({ entry, added }) => ({
      title: entry.title,
      link: new URL(href(`${entry.key}/`), site).href,
      description: entry.summary,
      pubDate: new Date(`${added}T00:00:00Z`),
      categories: [collectionLabel(entry.collection)],
    })),
  });
};
