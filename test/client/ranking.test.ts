import type { RankedItem } from '../../src/engine/rank';
import {
  DEFAULT_SORT, filterRanking, inArea, nextSort, searchMunicipality, sortRanking, stabilityClass, type SortKey,
} from '../../src/client/workspace/ranking';

function item(kommunenummer: string, name: string, rank: number, over: Partial<RankedItem> = {}): RankedItem {
  return {
    kommunenummer, name, rank, policeDistrict: 'Øst', population: 1000, eligibleRank: rank, score: 100 - rank, eligible: true,
    reason: null, contributions: {}, values: {}, missing: [], ...over,
  };
}

const items: RankedItem[] = [
  item('0301', 'Oslo', 3, { policeDistrict: 'Oslo' }),
  item('5601', 'Alta', 1, { policeDistrict: 'Finnmark' }),
  item('1507', 'Ålesund', 2, { policeDistrict: 'Møre og Romsdal', eligible: false, reason: 'wishNo' }),
  item('4601', 'Bergen', 4, { policeDistrict: 'Vest' }),
  item('5001', 'Øygarden', 5, { policeDistrict: 'Vest', score: 96 }),
];
const knrs = (list: readonly RankedItem[]) => list.map((it) => it.kommunenummer);

describe('sorting the ranking table', () => {
  it('When sorted by rank ascending and then descending, then the order is by rank and its reverse', () => {
    expect(knrs(sortRanking(items, DEFAULT_SORT))).toEqual(['5601', '1507', '0301', '4601', '5001']);
    expect(knrs(sortRanking(items, { key: 'rank', dir: -1 }))).toEqual(['5001', '4601', '0301', '1507', '5601']);
  });

  it('When sorted by name, then Norwegian alphabetical order puts Ø and Å last', () => {
    expect(sortRanking(items, { key: 'name', dir: 1 }).map((it) => it.name)).toEqual(['Alta', 'Bergen', 'Oslo', 'Øygarden', 'Ålesund']);
  });

  it('When sorted by score, then the highest score comes first and equal scores follow rank', () => {
    // Øygarden (rank 5) scores 96, as Bergen (rank 4) does: the tie goes by rank.
    expect(knrs(sortRanking(items, { key: 'score', dir: 1 }))).toEqual(['5601', '1507', '0301', '4601', '5001']);
  });

  it('When sorted by district, then ties within a district follow rank', () => {
    expect(knrs(sortRanking(items, { key: 'district', dir: 1 }))).toEqual(['5601', '1507', '0301', '4601', '5001']);
  });

  it('When sorted by eligibility, then eligible rows come first, each group by rank', () => {
    expect(knrs(sortRanking(items, { key: 'eligible', dir: 1 }))).toEqual(['5601', '0301', '4601', '5001', '1507']);
  });

  it('When sorted by the proposal, then members come in their order in the set, then the rest by rank', () => {
    const positions = new Map([['4601', 1], ['0301', 2]]);
    expect(knrs(sortRanking(items, { key: 'proposed', dir: 1 }, positions))).toEqual(['4601', '0301', '5601', '1507', '5001']);
  });

  it('When the input is shuffled, then every sort gives the same order', () => {
    const shuffled = [items[3], items[0], items[4], items[2], items[1]];
    for (const key of ['rank', 'name', 'district', 'score', 'eligible', 'proposed'] as SortKey[]) {
      expect(knrs(sortRanking(shuffled, { key, dir: 1 }))).toEqual(knrs(sortRanking(items, { key, dir: 1 })));
    }
  });

  it('When sorting, then the input list is left as it was', () => {
    const before = knrs(items);
    sortRanking(items, { key: 'name', dir: -1 });
    expect(knrs(items)).toEqual(before);
  });

  it('When a column header is clicked, then it sorts ascending, and a second click reverses it', () => {
    expect(nextSort(DEFAULT_SORT, 'name')).toEqual({ key: 'name', dir: 1 });
    expect(nextSort({ key: 'name', dir: 1 }, 'name')).toEqual({ key: 'name', dir: -1 });
    expect(nextSort({ key: 'name', dir: -1 }, 'name')).toEqual({ key: 'name', dir: 1 });
  });
});

describe('filtering the ranking table', () => {
  const where = new Map([
    ['0301', { policeDistrict: 'Oslo', county: 'Oslo' }],
    ['5601', { policeDistrict: 'Finnmark', county: 'Finnmark' }],
    ['1507', { policeDistrict: 'Møre og Romsdal', county: 'Møre og Romsdal' }],
    ['4601', { policeDistrict: 'Vest', county: 'Vestland' }],
    ['5001', { policeDistrict: 'Vest', county: 'Vestland' }],
  ]);
  const all = { text: '', onlyEligible: false, area: '' };

  it('When nothing is filtered, then every row is shown', () => {
    expect(filterRanking(items, all, where)).toHaveLength(5);
  });

  it('When filtering by text, then names and districts match anywhere (any case) and kommunenummer from its start', () => {
    expect(knrs(filterRanking(items, { ...all, text: 'BERG' }, where))).toEqual(['4601']);
    expect(knrs(filterRanking(items, { ...all, text: 'vest' }, where))).toEqual(['4601', '5001']);
    expect(knrs(filterRanking(items, { ...all, text: '56' }, where))).toEqual(['5601']);
    expect(knrs(filterRanking(items, { ...all, text: '01' }, where))).toEqual([]);
  });

  it('When only eligible rows are asked for, then ineligible municipalities are left out', () => {
    expect(knrs(filterRanking(items, { ...all, onlyEligible: true }, where))).not.toContain('1507');
  });

  it('When an area is chosen, then only its police district or county is shown', () => {
    expect(knrs(filterRanking(items, { ...all, area: 'd:Vest' }, where))).toEqual(['4601', '5001']);
    expect(knrs(filterRanking(items, { ...all, area: 'c:Oslo' }, where))).toEqual(['0301']);
    expect(inArea({ policeDistrict: 'Vest', county: 'Vestland' }, '')).toBe(true);
  });
});

describe('stability marks and search', () => {
  it('When the share of samples in the set is at the class bounds, then 0.8 is stable, 0.5 middling and below that unstable', () => {
    expect([undefined, 0, 0.49, 0.5, 0.79, 0.8, 1].map(stabilityClass)).toEqual(['pm-unknown', 'pm-low', 'pm-low', 'pm-mid', 'pm-mid', 'pm-high', 'pm-high']);
  });

  it('When searching, then an exact name wins over a prefix, and a prefix over a part of a name', () => {
    const names = new Map([['1', 'Våler'], ['2', 'Vå'], ['3', 'Åsnes'], ['4', 'Alvdal']]);
    expect(searchMunicipality(names, 'vå')).toBe('2');
    expect(searchMunicipality(names, 'vål')).toBe('1');
    expect(searchMunicipality(names, 'snes')).toBe('3');
    expect(searchMunicipality(names, '  ')).toBeNull();
    expect(searchMunicipality(names, 'xyz')).toBeNull();
  });
});
