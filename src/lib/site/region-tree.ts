/** Entries counted by region: province → city → county, each with the entries at or below it. */
import { getRegion, regionPath, type Region } from '../regions.ts';
import { compareRegions } from './sort.ts';

export interface RegionNode {
  region: Region;
  /** Entries at this region or any region below it. */
  count: number;
  children: RegionNode[];
}

/** The tree of every region that has entries, with its ancestors; children in pinyin order. */
export function regionTree(codes: readonly string[]): RegionNode[] {
  const nodes = new Map<string, RegionNode>();
  const roots: RegionNode[] = [];
  for (const code of codes) {
    let parent: RegionNode | undefined;
    for (const region of regionPath(code)) {
      let node = nodes.get(region.code);
      if (!node) {
        node = { region, count: 0, children: [] };
        nodes.set(region.code, node);
        (parent ? parent.children : roots).push(node);
      }
      node.count++;
      parent = node;
    }
  }
  const sort = (list: RegionNode[]) => {
    list.sort((a, b) => compareRegions(a.region.code, b.region.code));
    list.forEach((n) => sort(n.children));
  };
  sort(roots);
  return roots;
}

/** Every region code in the tree, outermost first. */
export function flattenTree(nodes: readonly RegionNode[]): RegionNode[] {
  return nodes.flatMap((n) => [n, ...flattenTree(n.children)]);
}

/**
 * For every region in the tree, the entries filed under it or below it, in
 * the order given: one pass over the entries instead of one per region page.
 */
export function entriesByRegion<T extends { region: string }>(entries: readonly T[]): Map<string, T[]> {
  const within = new Map<string, T[]>();
  for (const entry of entries) {
    for (const region of regionPath(entry.region)) {
      const list = within.get(region.code);
      if (list) list.push(entry);
      else within.set(region.code, [entry]);
    }
  }
  return within;
}

/** 陕西省 › 咸阳市 › 秦都区 as a list, for breadcrumbs and the metadata panel. */
export function regionTrail(code: string): readonly Region[] {
  const path = regionPath(code);
  return path.length ? path : [getRegion(code) ?? { code, name: code, level: 'county' }];
}
