/**
 * The labels a page shows for a value: every typed map of `model/labels.ts` and those of the web's
 * own reports (imports, letters), under one name per kind, and `labelOf`, which the views call as
 * `label('role', user.role)`. A view never pieces a catalogue key together from a value.
 */
import type { Locale, MessageKey } from '../common/i18n';
import { t } from '../common/i18n';
import type { HistoryReason } from '../db/responses-repo';
import type { CodingStatus, SenderStatus } from '../db/letters-repo';
import type { ImportReport, RowOutcome } from '../import/responses-import';
import type { Problem } from '../import/responses-validate';
import type { MatrixImportReport } from '../import/travel-matrix-import';
import type { AgreementQuestion } from '../letters/agreement';
import type { IntakeItem } from '../letters/intake';
import type { PremisesSuffix } from '../model/answers';
import {
  ADVICE_LABEL, AGGREGATION_LABEL, ANSWER_AREA_LABEL, ANSWER_VALUE_LABEL, CANDIDATE_STATUS_LABEL, CHANNEL_LABEL, CHANNEL_SHORT_LABEL,
  CODING_FIELD_LABEL, EVIDENCE_KIND_LABEL, INDICATOR_LABEL, NORMALIZATION_LABEL, OBJECTIVE_LABEL, ROLE_LABEL, SHORTLIST_ORIGIN_LABEL,
  SITE_KIND_LABEL, SPLIT_METHOD_LABEL, SELECTION_STATUS_LABEL, SOLVER_NAME_LABEL, PROPOSAL_SITE_KIND_LABEL, GAIN_LABEL,
} from '../model/labels';

/** How an answer's premises are summarised in the answers list. */
export type PremisesClass = 'none' | 'offered' | 'co_located';

const PREMISES_CLASS_LABEL: Readonly<Record<PremisesClass, MessageKey>> = {
  none: 'resp.premises.none', offered: 'resp.premises.offered', co_located: 'resp.premises.co_located',
};

/** The fields of an offered premises in the answer form, by their file column suffix. */
export const PREMISES_FIELD_LABEL: Readonly<Record<PremisesSuffix, MessageKey>> = {
  adresse: 'resp.prem.address', lat: 'resp.prem.lat', lon: 'resp.prem.lon', samlokalisert_med: 'resp.prem.coLocated',
  areal_m2: 'resp.prem.area', ledig_fra: 'resp.prem.from', arlig_kostnad_nok: 'resp.prem.cost', merknad: 'resp.prem.notes',
};

const HISTORY_REASON_LABEL: Readonly<Record<HistoryReason, MessageKey>> = {
  import: 'resp.history.reason.import', correction: 'resp.history.reason.correction', 'sample-load': 'resp.history.reason.sample-load',
  replace: 'resp.history.reason.replace',
};

const IMPORT_STATUS_LABEL: Readonly<Record<ImportReport['status'], MessageKey>> = {
  'dry-run': 'import.status.dry-run', applied: 'import.status.applied', rejected: 'import.status.rejected',
};

/** The counts an import report shows, in this order. */
export const IMPORT_COUNT_LABEL = {
  rows: 'import.count.rows', new: 'import.count.new', updated: 'import.count.updated', unchanged: 'import.count.unchanged',
  rejected: 'import.count.rejected', warnings: 'import.count.warnings', samplesReplaced: 'import.count.samplesReplaced',
} as const satisfies Partial<Record<keyof ImportReport['counts'], MessageKey>>;

const SEVERITY_LABEL: Readonly<Record<Problem['severity'], MessageKey>> = { error: 'import.severity.error', warning: 'import.severity.warning' };

const ROW_OUTCOME_LABEL: Readonly<Record<RowOutcome, MessageKey>> = {
  new: 'import.outcome.new', updated: 'import.outcome.updated', unchanged: 'import.outcome.unchanged', rejected: 'import.outcome.rejected',
};

const MATRIX_STATUS_LABEL: Readonly<Record<MatrixImportReport['status'], MessageKey>> = {
  'dry-run': 'tm.status.dry-run', imported: 'tm.status.imported', rejected: 'tm.status.rejected',
};

const LETTER_OUTCOME_LABEL: Readonly<Record<IntakeItem['outcome'], MessageKey>> = { new: 'let.outcome.new', duplicate: 'let.outcome.duplicate', refused: 'let.outcome.refused' };

const CODING_STATUS_LABEL: Readonly<Record<CodingStatus, MessageKey>> = { uncoded: 'let.coding.uncoded', coded: 'let.coding.coded', double: 'let.coding.double' };

/** A letter's sender as the list filters it (`matched`, `unmatched`) and as it is stored. */
const SENDER_STATUS_LABEL: Readonly<Record<SenderStatus | 'unmatched', MessageKey>> = {
  confirmed: 'let.sender.confirmed', matched: 'let.sender.matched', unsure: 'let.sender.unsure', unmatched: 'let.sender.unmatched',
};

const CODER_ROLE_LABEL: Readonly<Record<'primary' | 'second', MessageKey>> = { primary: 'let.role.primary', second: 'let.role.second' };

const AGREEMENT_QUESTION_LABEL: Readonly<Record<AgreementQuestion, MessageKey>> = {
  sender: 'let.q.sender', q2Satisfied: 'let.q.q2Satisfied', q4Channels: 'let.q.q4Channels', q5WantsStation: 'let.q.q5WantsStation', q5Premises: 'let.q.q5Premises',
};

/** How a proposed set was found. */
const SOLVER_LABEL: Readonly<Record<'exact' | 'greedy', MessageKey>> = { exact: 'sl.solver.exact', greedy: 'sl.solver.greedy' };

/** The actions of the change log (`recordAudit` callers). */
const AUDIT_ACTION_LABEL: Readonly<Record<string, MessageKey>> = { 'code': 'audit.action.code', 'code-second': 'audit.action.code-second', 'create': 'audit.action.create', 'delete': 'audit.action.delete', 'duplicate': 'audit.action.duplicate', 'import': 'audit.action.import', 'move-candidate': 'audit.action.move-candidate', 'password-change': 'audit.action.password-change', 'revoke': 'audit.action.revoke', 'set-sender': 'audit.action.set-sender', 'sign-in': 'audit.action.sign-in', 'sign-in-failed': 'audit.action.sign-in-failed', 'sign-out': 'audit.action.sign-out', 'update': 'audit.action.update', 'update-candidate': 'audit.action.update-candidate', 'correction': 'audit.action.correction', 'replace': 'audit.action.replace', 'sample-load': 'audit.action.sample-load' };

/** The kinds of record the change log names. */
export const AUDIT_ENTITIES = ['assessment', 'letter', 'premises', 'response', 'scenario', 'session', 'shortlist', 'token', 'user'] as const;
const AUDIT_ENTITY_LABEL: Readonly<Record<(typeof AUDIT_ENTITIES)[number], MessageKey>> = { assessment: 'audit.entity.assessment', letter: 'audit.entity.letter', premises: 'audit.entity.premises', response: 'audit.entity.response', scenario: 'audit.entity.scenario', session: 'audit.entity.session', shortlist: 'audit.entity.shortlist', token: 'audit.entity.token', user: 'audit.entity.user' };

/** Every kind of value a view labels, each with its typed map. */
export const LABELS = {
  role: ROLE_LABEL,
  answer: ANSWER_VALUE_LABEL,
  channel: CHANNEL_LABEL,
  channelShort: CHANNEL_SHORT_LABEL,
  answerArea: ANSWER_AREA_LABEL,
  premisesClass: PREMISES_CLASS_LABEL,
  premisesField: PREMISES_FIELD_LABEL,
  historyReason: HISTORY_REASON_LABEL,
  importStatus: IMPORT_STATUS_LABEL,
  importCount: IMPORT_COUNT_LABEL,
  severity: SEVERITY_LABEL,
  rowOutcome: ROW_OUTCOME_LABEL,
  matrixStatus: MATRIX_STATUS_LABEL,
  letterOutcome: LETTER_OUTCOME_LABEL,
  codingStatus: CODING_STATUS_LABEL,
  senderStatus: SENDER_STATUS_LABEL,
  coderRole: CODER_ROLE_LABEL,
  question: AGREEMENT_QUESTION_LABEL,
  codingField: CODING_FIELD_LABEL,
  splitMethod: SPLIT_METHOD_LABEL,
  evidence: EVIDENCE_KIND_LABEL,
  indicator: INDICATOR_LABEL,
  candidateStatus: CANDIDATE_STATUS_LABEL,
  advice: ADVICE_LABEL,
  siteKind: SITE_KIND_LABEL,
  origin: SHORTLIST_ORIGIN_LABEL,
  objective: OBJECTIVE_LABEL,
  aggregation: AGGREGATION_LABEL,
  normalization: NORMALIZATION_LABEL,
  auditAction: AUDIT_ACTION_LABEL,
  solver: SOLVER_LABEL,
  auditEntity: AUDIT_ENTITY_LABEL,
  selectionStatus: SELECTION_STATUS_LABEL,
  solverName: SOLVER_NAME_LABEL,
  proposalSiteKind: PROPOSAL_SITE_KIND_LABEL,
  gain: GAIN_LABEL,
} as const;

export type LabelKind = keyof typeof LABELS;

/**
 * The label of a value of one kind in a locale. A value the map does not know (only possible with
 * data the types do not describe, such as a row written by a newer version) is shown as it is.
 */
export function labelOf(locale: Locale, kind: LabelKind, value: string): string {
  const key = (LABELS[kind] as Readonly<Record<string, MessageKey>>)[value];
  return key ? t(locale, key) : value;
}
