/**
 * Comparing two scenario outcomes: which municipalities enter and leave the proposed set, how ranks
 * move, and how many more (or fewer) residents are covered. Pure: two outcomes in, one difference out.
 */

/** What one scenario produced, reduced to what a comparison needs. */
export interface ScenarioOutcome {
  ranking: readonly { kommunenummer: string; name: string; policeDistrict: string; rank: number; score: number; eligible: boolean }[];
  /** The proposed set (kommunenummer), in selection order. */
  selected: readonly string[];
  /** Residents within the coverage radius of an open site (existing + proposed), or null when unknown. */
  coveredResidents: number | null;
  coveredShare: number | null;
  /** Population-weighted mean minutes to the nearest open site, or null. */
  meanAccessMin: number | null;
}

/** One municipality's place in both scenarios. */
export interface RankMove {
  kommunenummer: string;
  name: string;
  policeDistrict: string;
  rankA: number;
  rankB: number;
  /** rankA − rankB: positive = moved up in B. */
  delta: number;
  scoreA: number;
  scoreB: number;
  inSetA: boolean;
  inSetB: boolean;
}

/** The difference between scenario A and scenario B. */
export interface ScenarioComparison {
  /** In B's set, not in A's (ordered by rank in B). */
  entering: RankMove[];
  /** In A's set, not in B's (ordered by rank in A). */
  leaving: RankMove[];
  /** In both sets (ordered by rank in B). */
  staying: RankMove[];
  /** Every municipality, largest absolute move first, ties by rank in B. */
  moves: RankMove[];
  coveredResidents: { a: number | null; b: number | null; change: number | null };
  coveredShare: { a: number | null; b: number | null; change: number | null };
  meanAccessMin: { a: number | null; b: number | null; change: number | null };
  /** Spearman's rank correlation between the two rankings (1 = same order). */
  rankCorrelation: number;
}

const diff = (a: number | null, b: number | null): number | null => (a === null || b === null ? null : b - a);

/**
 * Compares two outcomes over the same municipalities.
 * @throws Error when the rankings do not cover the same municipalities
 */
export function compareOutcomes(a: ScenarioOutcome, b: ScenarioOutcome): ScenarioComparison {
  const byA = new Map(a.ranking.map((r) => [r.kommunenummer, r]));
  if (byA.size !== b.ranking.length || b.ranking.some((r) => !byA.has(r.kommunenummer))) {
    throw new Error('the two rankings must cover the same municipalities');
  }
  const setA = new Set(a.selected);
  const setB = new Set(b.selected);
  const moves: RankMove[] = b.ranking.map((rb) => {
    const ra = byA.get(rb.kommunenummer)!;
    return {
      kommunenummer: rb.kommunenummer, name: rb.name, policeDistrict: rb.policeDistrict,
      rankA: ra.rank, rankB: rb.rank, delta: ra.rank - rb.rank, scoreA: ra.score, scoreB: rb.score,
      inSetA: setA.has(rb.kommunenummer), inSetB: setB.has(rb.kommunenummer),
    };
  });
  const byRankB = (x: RankMove, y: RankMove): number => x.rankB - y.rankB;
  const n = moves.length;
  const sumD2 = moves.reduce((s, m) => s + m.delta * m.delta, 0);
  return {
    entering: moves.filter((m) => m.inSetB && !m.inSetA).sort(byRankB),
    leaving: moves.filter((m) => m.inSetA && !m.inSetB).sort((x, y) => x.rankA - y.rankA),
    staying: moves.filter((m) => m.inSetA && m.inSetB).sort(byRankB),
    moves: [...moves].sort((x, y) => Math.abs(y.delta) - Math.abs(x.delta) || byRankB(x, y)),
    coveredResidents: { a: a.coveredResidents, b: b.coveredResidents, change: diff(a.coveredResidents, b.coveredResidents) },
    coveredShare: { a: a.coveredShare, b: b.coveredShare, change: diff(a.coveredShare, b.coveredShare) },
    meanAccessMin: { a: a.meanAccessMin, b: b.meanAccessMin, change: diff(a.meanAccessMin, b.meanAccessMin) },
    rankCorrelation: n > 1 ? 1 - (6 * sumD2) / (n * (n * n - 1)) : 1,
  };
}
