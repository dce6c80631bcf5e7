/**
 * Shortlists (pure): the frozen snapshot of a scenario outcome, its input hash, and the comparison
 * with today's data. The database-facing use-cases live in `./service.ts` (the shell).
 */
export { buildSnapshot, indicatorsOf, siteOfProposal, snapshotProposal } from './snapshot';
export type { SnapshotInput } from './snapshot';
export { compareSnapshots, defaultCompareOptions } from './compare';
export type { CompareOptions, FigureChange, SnapshotComparison } from './compare';
export { canonicalJson, inputHash } from './input-hash';
export { CANDIDATE_STATUSES, INDICATOR_KEYS } from '../model/shortlist';
export type {
  Advice, CandidateSite, CandidateStatus, ShortlistOrigin, ShortlistSnapshot, ShortlistSolver, SnapshotAnswer,
  SnapshotCandidate, SnapshotIndicators, SnapshotProposal, SnapshotRobustness, SnapshotSetFigures,
} from '../model/shortlist';
