/**
 * The intake overview (pure): letters received per police district and per county, matched / unmatched,
 * coded / uncoded, and the municipalities that have not answered (no letter matched to them).
 */
import type { LetterSummary } from '../db/letters-repo';
import type { Municipality } from '../db/municipalities-repo';

/** The fields of a municipality the overview counts by. */
export type OverviewMunicipality = Pick<Municipality, 'kommunenummer' | 'name' | 'county' | 'countyNumber' | 'policeDistrict' | 'policeDistrictNumber'>;

export interface OverviewRow {
  key: string;
  name: string;
  municipalities: number;
  /** Municipalities with at least one letter. */
  answered: number;
  notAnswered: number;
  letters: number;
  coded: number;
  uncoded: number;
  /** Letters whose sender a planner should check (unsure). */
  unsure: number;
}

export interface Overview {
  letters: number;
  matched: number;
  unmatched: number;
  unsure: number;
  coded: number;
  uncoded: number;
  sampleLetters: number;
  byDistrict: OverviewRow[];
  byCounty: OverviewRow[];
  notAnswered: OverviewMunicipality[];
}

function rows(municipalities: readonly OverviewMunicipality[], letters: readonly LetterSummary[], keyOf: (m: OverviewMunicipality) => [string, string]): OverviewRow[] {
  const out = new Map<string, OverviewRow>();
  const knrKey = new Map<string, string>();
  for (const m of municipalities) {
    const [key, name] = keyOf(m);
    knrKey.set(m.kommunenummer, key);
    const r = out.get(key) ?? { key, name, municipalities: 0, answered: 0, notAnswered: 0, letters: 0, coded: 0, uncoded: 0, unsure: 0 };
    r.municipalities++;
    out.set(key, r);
  }
  const answered = new Map<string, Set<string>>();
  for (const l of letters) {
    if (!l.kommunenummer) continue;
    const key = knrKey.get(l.kommunenummer);
    const r = key ? out.get(key) : undefined;
    if (!r || !key) continue;
    r.letters++;
    if (l.codingStatus === 'uncoded') r.uncoded++;
    else r.coded++;
    if (l.senderStatus === 'unsure') r.unsure++;
    answered.set(key, (answered.get(key) ?? new Set()).add(l.kommunenummer));
  }
  for (const r of out.values()) {
    r.answered = answered.get(r.key)?.size ?? 0;
    r.notAnswered = r.municipalities - r.answered;
  }
  return [...out.values()].sort((a, b) => a.key.localeCompare(b.key));
}

/** Counts letters against the municipalities (only the municipalities given: a district leader's own). */
export function overview(municipalities: readonly OverviewMunicipality[], letters: readonly LetterSummary[]): Overview {
  const withLetter = new Set(letters.map((l) => l.kommunenummer).filter((k): k is string => !!k));
  return {
    letters: letters.length,
    matched: letters.filter((l) => l.kommunenummer).length,
    unmatched: letters.filter((l) => !l.kommunenummer).length,
    unsure: letters.filter((l) => l.senderStatus === 'unsure').length,
    coded: letters.filter((l) => l.codingStatus !== 'uncoded').length,
    uncoded: letters.filter((l) => l.codingStatus === 'uncoded').length,
    sampleLetters: letters.filter((l) => l.sample).length,
    byDistrict: rows(municipalities, letters, (m) => [m.policeDistrictNumber, m.policeDistrict]),
    byCounty: rows(municipalities, letters, (m) => [m.countyNumber, m.county]),
    notAnswered: municipalities.filter((m) => !withLetter.has(m.kommunenummer)).sort((a, b) => a.kommunenummer.localeCompare(b.kommunenummer)),
  };
}
