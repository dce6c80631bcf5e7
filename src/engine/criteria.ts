/**
 * The criteria registry: what each criterion measures, where its number comes from, which way is
 * "more need", its default weight, and how a missing value is treated.
 *
 * Missing values (documented policy, applied in `aggregate.ts`): a criterion whose value is missing
 * for a municipality is left out of that municipality's score, and the remaining weights are
 * renormalised over the criteria it does have (Σ of its effective weights stays 1). The municipality
 * is never given a silent zero; the criterion is listed in the item's `missing` array. Normalisation
 * statistics (min, max, mean, ranks) are computed over present values only.
 *
 * Sources of the data: SSB table 08487 (reported offences), SSB population 2025, the project's
 * travel-time model (`src/geo/travel.ts`), and the municipalities' answers to the Ministry of
 * Justice letter of 23 February 2022 (questions 2 and 5).
 */

/** Identifier of a built-in criterion. */
export type CriterionId =
  | 'wish'
  | 'premises'
  | 'driveTime'
  | 'uncovered'
  | 'crimeRate'
  | 'violenceRate'
  | 'crimeTrend'
  | 'population'
  | 'dissatisfied'
  | 'districtAdvice';

/** `benefit`: a higher value means more need for a station; `cost`: a lower value means more need. */
export type Direction = 'benefit' | 'cost';

/** A municipality's answer to the letter (questions 2 and 5). `null` fields were not answered. */
export interface MunicipalityAnswer {
  wantsStation: 'yes' | 'no' | null;
  premises: 'none' | 'offered' | 'colocated' | null;
  satisfied: 'yes' | 'no' | 'partly' | null;
  /** Coordinates of offered premises `[lon, lat]`, when known: then the candidate site is there. */
  premisesLonLat?: readonly [number, number] | null;
}

/** Everything the engine needs to know about one municipality. Optional numbers may be `null` (missing). */
export interface MunicipalityInput {
  kommunenummer: string;
  name: string;
  policeDistrict: string;
  population: number;
  /** Population-weighted centre `[lon, lat]`. */
  centre: readonly [number, number];
  crimePer1000?: number | null;
  violencePer1000?: number | null;
  /** Slope of crime per 1,000 across the periods (per period). */
  crimeTrendPer1000?: number | null;
  /** Population-weighted estimated drive minutes to the nearest existing station. */
  driveMinMean?: number | null;
  /** Residents beyond 45 minutes of any existing station. */
  residentsBeyond45?: number | null;
  /** `undefined`/`null` when no answer is loaded for this municipality. */
  answer?: MunicipalityAnswer | null;
  /** The police district's advice, when recorded. */
  districtAdvice?: 'supports' | 'neutral' | 'advisesAgainst' | null;
}

/**
 * A criterion's definition. The engine carries no texts: label, unit, source and the missing-value rule
 * of each criterion are in the message catalogue (`common/i18n/criteria.ts`), reached through the typed
 * map `CRITERION_TEXT` in `model/labels.ts`, so a new id does not compile until it has its texts.
 */
export interface CriterionDef {
  id: CriterionId;
  direction: Direction;
  defaultWeight: number;
  /** Reads the raw value from a municipality; `null` when missing. */
  value: (m: MunicipalityInput) => number | null;
}

const num = (v: number | null | undefined): number | null => (v === null || v === undefined || !Number.isFinite(v) ? null : v);

/**
 * The built-in criteria, in display order. `wish` has default weight 0 because by default it acts as
 * a gate (eligibility) rather than a score term; a planner may give it weight as well.
 */
export const CRITERIA: readonly CriterionDef[] = [
  {
    id: 'wish', direction: 'benefit', defaultWeight: 0,
    value: (m) => (m.answer?.wantsStation === 'yes' ? 1 : m.answer?.wantsStation === 'no' ? 0 : null),
  },
  {
    id: 'premises', direction: 'benefit', defaultWeight: 1,
    value: (m) => {
      const p = m.answer?.premises;
      return p === 'colocated' ? 1 : p === 'offered' ? 0.5 : p === 'none' ? 0 : null;
    },
  },
  {
    id: 'driveTime', direction: 'benefit', defaultWeight: 3,
    value: (m) => num(m.driveMinMean),
  },
  {
    id: 'uncovered', direction: 'benefit', defaultWeight: 3,
    value: (m) => num(m.residentsBeyond45),
  },
  {
    id: 'crimeRate', direction: 'benefit', defaultWeight: 2,
    value: (m) => num(m.crimePer1000),
  },
  {
    id: 'violenceRate', direction: 'benefit', defaultWeight: 2,
    value: (m) => num(m.violencePer1000),
  },
  {
    id: 'crimeTrend', direction: 'benefit', defaultWeight: 1,
    value: (m) => num(m.crimeTrendPer1000),
  },
  {
    id: 'population', direction: 'benefit', defaultWeight: 1,
    value: (m) => num(m.population),
  },
  {
    id: 'dissatisfied', direction: 'benefit', defaultWeight: 1,
    value: (m) => {
      const s = m.answer?.satisfied;
      return s === 'no' ? 1 : s === 'partly' ? 0.5 : s === 'yes' ? 0 : null;
    },
  },
  {
    id: 'districtAdvice', direction: 'benefit', defaultWeight: 0,
    value: (m) => (m.districtAdvice === 'supports' ? 1 : m.districtAdvice === 'neutral' ? 0.5 : m.districtAdvice === 'advisesAgainst' ? 0 : null),
  },
];

/** The built-in criterion ids, in display order. */
export const CRITERION_IDS: readonly CriterionId[] = CRITERIA.map((c) => c.id);

/** Default weights by criterion id (from the registry). */
export const DEFAULT_WEIGHTS: Readonly<Record<CriterionId, number>> = Object.fromEntries(
  CRITERIA.map((c) => [c.id, c.defaultWeight]),
) as Record<CriterionId, number>;

/**
 * Looks up a criterion definition.
 * @throws Error naming the id when it is not a built-in criterion
 */
export function criterion(id: string): CriterionDef {
  const def = CRITERIA.find((c) => c.id === id);
  if (!def) throw new Error(`unknown criterion "${id}"`);
  return def;
}
