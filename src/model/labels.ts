/**
 * Typed maps from a domain value to its catalogue key: `Record<SelectionStatus, MessageKey>` and the
 * like, so a new value does not compile until it has a label, and no key is pieced together from a
 * value at run time. The server (views through `label(kind, value)`, exports, API) and the browser
 * code (type imports only, so nothing of the catalogue is bundled) use the same maps.
 */
import type { MessageKey } from '../common/i18n';
import type { CriterionId } from '../engine/criteria';
import type { IneligibleReason } from '../engine/rank';
import type { SelectionObjective, SelectionStatus } from '../engine/selection';
import type { Area, Channel, Satisfied, Trend, Wants } from './answers';
import type { SenderEvidence, SplitMethod, SuggestionField } from './letters';
import type { Municipality } from './municipality';
import type { Role } from './roles';
import type { ScenarioAggregation, ScenarioNormalization } from './scenario-limits';
import type { Advice, CandidateSite, CandidateStatus, ShortlistOrigin } from './shortlist';
import type { Proposal, ProposalSite } from './proposal';

/** Label, unit and source of each criterion (the engine holds ids only). */
export const CRITERION_TEXT: Readonly<Record<CriterionId, { label: MessageKey; unit: MessageKey; source: MessageKey }>> = {
  wish: { label: 'crit.wish', unit: 'crit.wish.unit', source: 'crit.wish.source' },
  premises: { label: 'crit.premises', unit: 'crit.premises.unit', source: 'crit.premises.source' },
  driveTime: { label: 'crit.driveTime', unit: 'crit.driveTime.unit', source: 'crit.driveTime.source' },
  uncovered: { label: 'crit.uncovered', unit: 'crit.uncovered.unit', source: 'crit.uncovered.source' },
  crimeRate: { label: 'crit.crimeRate', unit: 'crit.crimeRate.unit', source: 'crit.crimeRate.source' },
  violenceRate: { label: 'crit.violenceRate', unit: 'crit.violenceRate.unit', source: 'crit.violenceRate.source' },
  crimeTrend: { label: 'crit.crimeTrend', unit: 'crit.crimeTrend.unit', source: 'crit.crimeTrend.source' },
  population: { label: 'crit.population', unit: 'crit.population.unit', source: 'crit.population.source' },
  dissatisfied: { label: 'crit.dissatisfied', unit: 'crit.dissatisfied.unit', source: 'crit.dissatisfied.source' },
  districtAdvice: { label: 'crit.districtAdvice', unit: 'crit.districtAdvice.unit', source: 'crit.districtAdvice.source' },
};

/** How a missing criterion value is treated (one rule for every criterion, `engine/aggregate.ts`). */
export const MISSING_VALUE_RULE: MessageKey = 'crit.missingRule';

export const INELIGIBLE_REASON_LABEL: Readonly<Record<IneligibleReason, MessageKey>> = {
  wishNo: 'crit.reason.wishNo',
  wishNotAnswered: 'crit.reason.wishNotAnswered',
};

export const SELECTION_STATUS_LABEL: Readonly<Record<SelectionStatus, MessageKey>> = {
  optimal: 'ws.status.optimal', feasible: 'ws.status.feasible', infeasible: 'ws.status.infeasible', timedOut: 'ws.status.timedOut',
};

/** How the proposed set was chosen (`POST /api/selection`'s `method`). */
export const SOLVER_LABEL: Readonly<Record<'exact' | 'greedy', MessageKey>> = { exact: 'ws.solver.exact', greedy: 'ws.solver.greedy' };

export const OBJECTIVE_LABEL: Readonly<Record<SelectionObjective, MessageKey>> = {
  score: 'ws.obj.score', coverage: 'ws.obj.coverage', access: 'ws.obj.access', beyond: 'ws.obj.beyond', blend: 'ws.obj.blend',
};

export const AGGREGATION_LABEL: Readonly<Record<ScenarioAggregation, MessageKey>> = { wsm: 'ws.method.wsm', topsis: 'ws.method.topsis' };

export const NORMALIZATION_LABEL: Readonly<Record<ScenarioNormalization, MessageKey>> = {
  minmax: 'ws.norm.minmax', percentile: 'ws.norm.percentile', z: 'ws.norm.z',
};

/** The values of the answers to questions 2, 4 and 5. */
export const ANSWER_VALUE_LABEL: Readonly<Record<Satisfied | Trend | Wants, MessageKey>> = {
  yes: 'resp.val.yes', no: 'resp.val.no', partly: 'resp.val.partly', not_answered: 'resp.val.not_answered',
  more: 'resp.val.more', same: 'resp.val.same', less: 'resp.val.less',
};

export const CHANNEL_LABEL: Readonly<Record<Channel, MessageKey>> = {
  station: 'resp.channel.station', presence: 'resp.channel.presence', attendance: 'resp.channel.attendance',
  telephone: 'resp.channel.telephone', internet: 'resp.channel.internet',
};

/** The channels in few words (the profile's table). */
export const CHANNEL_SHORT_LABEL: Readonly<Record<Channel, MessageKey>> = {
  station: 'prof.ch.station', presence: 'prof.ch.presence', attendance: 'prof.ch.attendance', telephone: 'prof.ch.telephone', internet: 'prof.ch.internet',
};

export const ANSWER_AREA_LABEL: Readonly<Record<Area, MessageKey>> = {
  prevention: 'resp.area.prevention', preparedness: 'resp.area.preparedness', civil: 'resp.area.civil',
};

export const CANDIDATE_STATUS_LABEL: Readonly<Record<CandidateStatus, MessageKey>> = {
  proposed: 'sl.status.proposed', approved: 'sl.status.approved', rejected: 'sl.status.rejected', reserve: 'sl.status.reserve',
};

export const ADVICE_LABEL: Readonly<Record<Advice, MessageKey>> = {
  supports: 'rev.advice.supports', neutral: 'rev.advice.neutral', advisesAgainst: 'rev.advice.advisesAgainst',
};

export const SITE_KIND_LABEL: Readonly<Record<CandidateSite['kind'], MessageKey>> = {
  centre: 'sl.site.centre', place: 'sl.site.place', premises: 'sl.site.premises',
};

/** The kind of a proposed site, inside a sentence or a table cell ("befolket sted"). */
export const PROPOSAL_SITE_KIND_LABEL: Readonly<Record<ProposalSite['siteKind'], MessageKey>> = { place: 'prop.kind.place', premises: 'prop.kind.premises' };

/** The kind of a candidate's site as the browser names it (the profile's main populated place included). */
export const ANY_SITE_KIND_LABEL: Readonly<Record<'centre' | ProposalSite['siteKind'], MessageKey>> = {
  centre: 'prop.kind.centre', place: 'prop.kind.place', premises: 'prop.kind.premises',
};

/** One sentence on what an objective optimises, shown under the objective control. */
export const OBJECTIVE_HELP_LABEL: Readonly<Record<SelectionObjective, MessageKey>> = {
  coverage: 'prop.objectiveHelp.coverage', beyond: 'prop.objectiveHelp.beyond', access: 'prop.objectiveHelp.access',
  score: 'prop.objectiveHelp.score', blend: 'prop.objectiveHelp.blend',
};

/** How a proposal's set was found (`Proposal.solverName`). */
export const SOLVER_NAME_LABEL: Readonly<Record<Proposal['solverName'], MessageKey>> = {
  highs: 'prop.solverName.highs', lagrangean: 'prop.solverName.lagrangean', enumeration: 'prop.solverName.enumeration', greedy: 'prop.solverName.greedy',
};

/** The heading of the per-site gain column under each objective (its unit). */
export const GAIN_LABEL: Readonly<Record<SelectionObjective, MessageKey>> = {
  coverage: 'prop.gain.coverage', access: 'prop.gain.access', beyond: 'prop.gain.beyond', score: 'prop.gain.score', blend: 'prop.gain.blend',
};

export const SHORTLIST_ORIGIN_LABEL: Readonly<Record<ShortlistOrigin, MessageKey>> = {
  scenario: 'sl.origin.scenario', params: 'sl.origin.params', manual: 'sl.origin.manual',
};

export const ROLE_LABEL: Readonly<Record<Role, MessageKey>> = { admin: 'role.admin', planner: 'role.planner', district: 'role.district', viewer: 'role.viewer' };

/** The municipal indicators shown on the map, the profile and in comparisons. */
export type IndicatorKey = Extract<keyof Municipality,
  'population' | 'densityPerKm2' | 'areaKm2' | 'crimePer1000' | 'violencePer1000' | 'crimeTrendPer1000' | 'driveMinMean' |
  'residentsBeyond45' | 'shareBeyond45' | 'nearestStationMin'>;

export const INDICATOR_LABEL: Readonly<Record<IndicatorKey, MessageKey>> = {
  population: 'ind.population', densityPerKm2: 'ind.densityPerKm2', areaKm2: 'ind.areaKm2', crimePer1000: 'ind.crimePer1000',
  violencePer1000: 'ind.violencePer1000', crimeTrendPer1000: 'ind.crimeTrendPer1000', driveMinMean: 'ind.driveMinMean',
  residentsBeyond45: 'ind.residentsBeyond45', shareBeyond45: 'ind.shareBeyond45', nearestStationMin: 'ind.nearestStationMin',
};

export const SPLIT_METHOD_LABEL: Readonly<Record<SplitMethod, MessageKey>> = {
  numbered: 'let.split.numbered', headings: 'let.split.headings', questions: 'let.split.questions', paragraphs: 'let.split.paragraphs', none: 'let.split.none',
};

export const EVIDENCE_KIND_LABEL: Readonly<Record<SenderEvidence['kind'], MessageKey>> = {
  subject: 'let.ev.subject', letterhead: 'let.ev.letterhead', signature: 'let.ev.signature', kommune_phrase: 'let.ev.kommune_phrase',
  domain: 'let.ev.domain', postcode: 'let.ev.postcode', code: 'let.ev.code', dateline: 'let.ev.dateline', place: 'let.ev.place',
  mention: 'let.ev.mention', county: 'let.ev.county', district: 'let.ev.district', neighbour: 'let.ev.neighbour', nearby: 'let.ev.nearby',
};

/** The suggested fields of a letter's coding form. */
export const CODING_FIELD_LABEL: Readonly<Record<SuggestionField, MessageKey>> = {
  wantsStation: 'let.field.wantsStation', offersPremises: 'let.field.offersPremises',
  premisesText: 'let.field.premisesText', coLocation: 'let.field.coLocation', satisfied: 'let.field.satisfied', channels: 'let.field.channels',
};
