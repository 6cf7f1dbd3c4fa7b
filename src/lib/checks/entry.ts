/**
 * Checks of a parsed entry against its own collection's conventions that need
 * no file system: run by the validator and, on the same code, by the /contribute/ page.
 */
import { REQUIRED_CASE_SECTIONS } from '../../schemas/case.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import type { LocatedEntry, KnownIds } from '../library.ts';
import { getRegion, shortRegionName } from '../regions.ts';
import type { CollectionName } from '../../schemas/index.ts';

/** Ids of a collection by their last segment (the file name). */
export type IdsBySlug = (collection: CollectionName) => ReadonlyMap<string, string[]>;

/** An `idsBySlug` over known ids, computed on first use per collection. */
export function slugIndex(ids: KnownIds): IdsBySlug {
  const built = new Map<CollectionName, Map<string, string[]>>();
  return (collection) => {
    let index = built.get(collection);
    if (!index) {
      index = new Map();
      for (const id of ids[collection]) {
        const slug = id.split('/').at(-1) ?? id;
        index.set(slug, [...(index.get(slug) ?? []), id]);
      }
      built.set(collection, index);
    }
    return index;
  };
}

/** The report's date or the case's year agrees with its year folder. */
export function yearFolderCheck(entry: LocatedEntry, year: string | undefined): Diagnostic[] {
  if (!year) return [];
  const stated = entry.collection === 'reports' ? entry.data.date.slice(0, 4) : entry.collection === 'cases' ? String(entry.data.year) : year;
  if (stated === year) return [];
  const field = entry.collection === 'reports' ? 'date' : 'year';
  return [diagnostic(entry.file, 'path/year-mismatch', `文件在 ${year} 年的目录中，但${field === 'date' ? '日期' : '年份'}是 ${stated}`, { ...entry.locate([field]), fix: `把文件移到 ${stated} 年的目录，或改正${field === 'date' ? '日期' : '年份'}` })];
}

/** The organization (or an issuer) names the region the code stands for. */
export function regionCheck(entry: LocatedEntry): Diagnostic[] {
  const region = getRegion(entry.data.region);
  if (!region) return [];
  const names = entry.collection === 'rules' ? entry.data.issuers : [entry.data.organization];
  const short = shortRegionName(region.name);
  if (names.some((n) => n.includes(short))) return [];
  const field = entry.collection === 'rules' ? 'issuers' : 'organization';
  return [
    diagnostic(entry.file, 'region/organization-mismatch', `行政区划代码 ${region.code} 是“${region.name}”，与“${names.join('、')}”不符`, {
      ...entry.locate([field]),
      fix: `核对行政区划代码，或把单位名称写全（应含“${short}”）`,
    }),
  ];
}

export function caseSectionCheck(entry: LocatedEntry): Diagnostic[] {
  if (entry.collection !== 'cases') return [];
  return REQUIRED_CASE_SECTIONS.filter((s) => !new RegExp(`^##\\s*${s}\\s*$`, 'mu').test(entry.body)).map((s) =>
    diagnostic(entry.file, 'case/missing-section', `缺少“${s}”一节`, { line: entry.bodyLine, fix: `在正文中加上一行 ## ${s}，并写明相应内容` }),
  );
}

/** Another entry of the collection uses the same file name in another year folder. */
export function duplicateSlugCheck(entry: LocatedEntry, idsBySlug: IdsBySlug): Diagnostic[] {
  if (entry.collection === 'rules') return [];
  const slug = entry.id.split('/').at(-1) ?? '';
  const others = (idsBySlug(entry.collection).get(slug) ?? []).filter((id) => id !== entry.id);
  return others.length === 0
    ? []
    : [diagnostic(entry.file, 'id/duplicate', `编号“${slug}”已被 ${others.join('、')} 使用`, { fix: '换一个文件名，例如在末尾加上地区或做法的拼音' })];
}
