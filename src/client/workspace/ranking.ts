/**
 * Which ranking rows the table shows and in which order. Pure: filtering by area, eligibility and
 * text, and sorting by any column with rank as the tie-breaker.
 */
import type { Municipality, RankedItem } from '../page-types';

export type SortKey = 'rank' | 'name' | 'district' | 'score' | 'eligible' | 'proposed';
export const SORT_KEYS: readonly SortKey[] = ['rank', 'name', 'district', 'score', 'eligible', 'proposed'];

/** A table order: the column and the direction (1 ascending, −1 descending). */
export interface RankingSort {
  key: SortKey;
  dir: 1 | -1;
}

export const DEFAULT_SORT: RankingSort = { key: 'rank', dir: 1 };

/** Clicking a column sorts by it ascending; clicking the sorted column again reverses it. */
export function nextSort(current: RankingSort, key: SortKey): RankingSort {
  return { key, dir: current.key === key ? (current.dir === 1 ? -1 : 1) : 1 };
}

/** An area filter: `''` (all of Norway), `d:<police district>` or `c:<county>`. */
export type AreaFilter = string;

/** True when the municipality lies in the area. */
export function inArea(m: Pick<Municipality, 'policeDistrict' | 'county'>, area: AreaFilter): boolean {
  if (!area) return true;
  const name = area.slice(2);
  return area.startsWith('d:') ? m.policeDistrict === name : m.county === name;
}

export interface RankingFilter {
  /** Free text: part of the name or the police district, or the start of the kommunenummer (case-insensitive). */
  text: string;
  onlyEligible: boolean;
  area: AreaFilter;
}

/** The rows that pass the filter (the area needs the municipality's county, from `municipalities`). */
export function filterRanking(items: readonly RankedItem[], filter: RankingFilter, municipalities: ReadonlyMap<string, Pick<Municipality, 'policeDistrict' | 'county'>>): RankedItem[] {
  const text = filter.text.trim().toLowerCase();
  return items.filter((it) => {
    if (filter.onlyEligible && !it.eligible) return false;
    const m = municipalities.get(it.kommunenummer);
    if (m && !inArea(m, filter.area)) return false;
    return !text || it.name.toLowerCase().includes(text) || it.policeDistrict.toLowerCase().includes(text) || it.kommunenummer.startsWith(text);
  });
}

/** What a row sorts by in column `key` (smaller first when ascending: best score and first in the proposal first). */
function sortValue(it: RankedItem, key: SortKey, setPosition: ReadonlyMap<string, number>): string | number {
  switch (key) {
    case 'name': return it.name;
    case 'district': return it.policeDistrict;
    case 'score': return -it.score;
    case 'eligible': return it.eligible ? 0 : 1;
    case 'proposed': return setPosition.get(it.kommunenummer) ?? 1000 + it.rank;
    case 'rank': return it.rank;
  }
}

/** A sorted copy: texts in Norwegian order, ties by rank; the direction reverses the whole order. */
export function sortRanking(items: readonly RankedItem[], sort: RankingSort, setPosition: ReadonlyMap<string, number> = new Map()): RankedItem[] {
  return [...items].sort((a, b) => {
    const va = sortValue(a, sort.key, setPosition);
    const vb = sortValue(b, sort.key, setPosition);
    const c = typeof va === 'string' && typeof vb === 'string' ? va.localeCompare(vb, 'nb') : (va as number) - (vb as number);
    return (c || a.rank - b.rank) * sort.dir;
  });
}

/** Stability class of a proposed site from its share of weight samples in the set (`undefined`: not yet known). */
export function stabilityClass(pInSet: number | undefined): 'pm-high' | 'pm-mid' | 'pm-low' | 'pm-unknown' {
  if (pInSet === undefined) return 'pm-unknown';
  return pInSet >= 0.8 ? 'pm-high' : pInSet >= 0.5 ? 'pm-mid' : 'pm-low';
}

/** The best match for a search: an exact name, else a name that starts with it, else one that contains it. */
export function searchMunicipality(names: ReadonlyMap<string, string>, query: string): string | null {
  const q = query.trim().toLowerCase();
  if (!q) return null;
  const entries = [...names].map(([knr, name]) => [knr, name.toLowerCase()] as const);
  const hit = entries.find(([, n]) => n === q) ?? entries.find(([, n]) => n.startsWith(q)) ?? entries.find(([, n]) => n.includes(q));
  return hit ? hit[0] : null;
}
