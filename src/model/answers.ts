/**
 * The municipalities' answers to the five questions of the minister's letter of 23 February 2022
 * (`../shared/seed/brev-til-kommunene-2022-02-23.txt`) as data: internal values, the Norwegian file
 * vocabulary (column names and allowed values) and the limits of an import file.
 */

import type { Kommunenummer } from '../common/kommunenummer';

export const areaValues = ['prevention', 'preparedness', 'civil'] as const;
export const satisfiedValues = ['yes', 'no', 'partly', 'not_answered'] as const;
export const trendValues = ['more', 'same', 'less', 'not_answered'] as const;
export const wantsValues = ['yes', 'no', 'not_answered'] as const;
export const channels = ['station', 'presence', 'attendance', 'telephone', 'internet'] as const;

export type Area = (typeof areaValues)[number];
export type Satisfied = (typeof satisfiedValues)[number];
export type Trend = (typeof trendValues)[number];
export type Wants = (typeof wantsValues)[number];
export type Channel = (typeof channels)[number];

/** Norwegian file value → internal value, per enumeration. */
export const areaWords: Record<string, Area> = { forebygging: 'prevention', beredskap: 'preparedness', sivile_tjenester: 'civil' };
export const satisfiedWords: Record<string, Satisfied> = { ja: 'yes', nei: 'no', delvis: 'partly', ikke_besvart: 'not_answered' };
export const trendWords: Record<string, Trend> = { mer: 'more', som_i_dag: 'same', mindre: 'less', ikke_besvart: 'not_answered' };
export const wantsWords: Record<string, Wants> = { ja: 'yes', nei: 'no', ikke_besvart: 'not_answered' };

/** Inverts a word table: internal value → Norwegian file value. */
export function wordFor<T extends string>(words: Record<string, T>, value: T): string {
  for (const [word, v] of Object.entries(words)) if (v === value) return word;
  throw new Error(`no file word for value "${value}"`);
}

/** One offered premises (question 5). Coordinates are WGS84 degrees, both or neither. */
export interface Premises {
  address: string;
  lon: number | null;
  lat: number | null;
  coLocatedWith: string;
  floorAreaM2: number | null;
  /** ISO date `yyyy-mm-dd`. */
  availableFrom: string | null;
  yearlyCostNok: number | null;
  notes: string;
}

/** Everything a municipality answered, without bookkeeping (who, when, source). */
export interface ResponseContent {
  kommunenummer: Kommunenummer;
  /** ISO date `yyyy-mm-dd`. */
  receivedDate: string | null;
  q1: { challenges: string; areas: Area[] };
  q2: { satisfied: Satisfied; reasons: string };
  q3: { cooperation: string; resources: string };
  q4: Record<Channel, Trend> & { comment: string };
  q5: { wantsStation: Wants; premises: Premises[] };
}

/** File column of each Q4 channel. */
export const channelColumns: Record<Channel, string> = {
  station: 'sp4_tjenestested',
  presence: 'sp4_tilstedevaerelse',
  attendance: 'sp4_oppmote',
  telephone: 'sp4_telefon',
  internet: 'sp4_internett',
};

/** Suffixes of the premises columns, `lokale{n}_{suffix}`. */
export const premisesSuffixes = ['adresse', 'lat', 'lon', 'samlokalisert_med', 'areal_m2', 'ledig_fra', 'arlig_kostnad_nok', 'merknad'] as const;
export type PremisesSuffix = (typeof premisesSuffixes)[number];

/** Premises slots per row in a file. */
export const maxPremisesPerRow = 3;

export function premisesColumn(n: number, suffix: PremisesSuffix): string {
  return `lokale${n}_${suffix}`;
}

/** The answer columns every file must have (premises columns are optional, per slot). */
export const answerColumns = [
  'kommunenummer',
  'kommunenavn',
  'mottatt_dato',
  'sp1_utfordringer',
  'sp1_omrader',
  'sp2_fornoyd',
  'sp2_begrunnelse',
  'sp3_samarbeid',
  'sp3_ressurser',
  ...channels.map((c) => channelColumns[c]),
  'sp4_kommentar',
  'sp5_onsker_tjenestested',
] as const;

/** All columns of the template, in order. */
export const templateColumns: readonly string[] = [
  ...answerColumns,
  ...Array.from({ length: maxPremisesPerRow }, (_, i) => premisesSuffixes.map((s) => premisesColumn(i + 1, s))).flat(),
];

/** Limits of one import file (documented in data/samples/README.md). */
export const importLimits = {
  /** Largest accepted upload or file, in bytes (5 MB). */
  maxFileBytes: 5 * 1024 * 1024,
  /** Most data rows in one file. */
  maxRows: 2000,
  /** XLSX: the answers sheet's used range may reach down to this row (blank rows included) … */
  maxSheetRows: 5000,
  /** … and across to this column. */
  maxSheetColumns: 200,
  /** XLSX: all parts of the workbook together may unpack to at most this many bytes (64 MB). */
  maxUnpackedBytes: 64 * 1024 * 1024,
  /** Longest free-text value, in characters. */
  maxTextChars: 20000,
  /** A premises point further than this outside its municipality's (coast-clipped) polygon gives a warning. */
  polygonToleranceKm: 2,
  /** Bounding box of mainland Norway with its islands (WGS84 degrees). */
  norway: { minLon: 4.0, maxLon: 31.5, minLat: 57.8, maxLat: 71.3 },
} as const;

/** Stable JSON of the content, for comparing two versions. */
export function contentKey(c: ResponseContent): string {
  return JSON.stringify(canonicalContent(c));
}

/** A copy of the content with its keys in one fixed order (so JSON of equal answers is equal). */
export function canonicalContent(c: ResponseContent): ResponseContent {
  return {
    kommunenummer: c.kommunenummer,
    receivedDate: c.receivedDate,
    q1: { challenges: c.q1.challenges, areas: [...c.q1.areas] },
    q2: { satisfied: c.q2.satisfied, reasons: c.q2.reasons },
    q3: { cooperation: c.q3.cooperation, resources: c.q3.resources },
    q4: {
      station: c.q4.station,
      presence: c.q4.presence,
      attendance: c.q4.attendance,
      telephone: c.q4.telephone,
      internet: c.q4.internet,
      comment: c.q4.comment,
    },
    q5: {
      wantsStation: c.q5.wantsStation,
      premises: c.q5.premises.map((p) => ({
        address: p.address,
        lon: p.lon,
        lat: p.lat,
        coLocatedWith: p.coLocatedWith,
        floorAreaM2: p.floorAreaM2,
        availableFrom: p.availableFrom,
        yearlyCostNok: p.yearlyCostNok,
        notes: p.notes,
      })),
    },
  };
}

/** The top-level fields that differ between two versions (e.g. `q2.satisfied`, `q5.premises`). */
export function changedFields(before: ResponseContent, after: ResponseContent): string[] {
  const out: string[] = [];
  if (before.receivedDate !== after.receivedDate) out.push('receivedDate');
  for (const q of ['q1', 'q2', 'q3', 'q4', 'q5'] as const) {
    const a = before[q] as unknown as Record<string, unknown>;
    const b = after[q] as unknown as Record<string, unknown>;
    for (const k of Object.keys(b)) if (JSON.stringify(a[k]) !== JSON.stringify(b[k])) out.push(`${q}.${k}`);
  }
  return out;
}

/** The stored `source` of an answer typed in by hand (`import/answer-correction.ts`); shown through `answerSource`. */
export const MANUAL_SOURCE = 'entered by hand';

/** The stored `source` of an answer coded from a letter (`letters/coding.ts`). */
export function letterSource(letterId: number, fileName: string): string {
  return `brev ${letterId}: ${fileName}`;
}

/**
 * What a stored `source` is, so pages say it in the reader's language: an import file's name as it is,
 * the sample, an answer typed in by hand, or a letter (the stored values are fixed strings, kept as they are).
 */
export type AnswerSource = { kind: 'file'; name: string } | { kind: 'sample' } | { kind: 'manual' } | { kind: 'letter'; id: number; file: string };

export function answerSource(source: string): AnswerSource {
  if (source === 'sample') return { kind: 'sample' };
  if (source === MANUAL_SOURCE) return { kind: 'manual' };
  const letter = /^brev (\d+): (.*)$/s.exec(source);
  return letter ? { kind: 'letter', id: Number(letter[1]), file: letter[2] } : { kind: 'file', name: source };
}
