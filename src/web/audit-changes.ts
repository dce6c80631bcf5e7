/**
 * The audit log's before and after in words: the fields that differ, each as «field: old → new» with the field
 * named in the reader's language where the catalogue knows it (the technical name otherwise, shown as code) and
 * the values formatted (numbers, yes/no, times, known statuses and objectives, a user's role by its name). Pure apart
 * from the catalogue.
 */
import { formatDateTime, formatNumber, say, t, type Locale, type MessageKey } from '../common/i18n';
import { CRITERION_IDS, type CriterionId } from '../engine/criteria';
import { valueLabel } from '../export/texts';
import { criterionLabel } from '../model/criteria-texts';
import { ROLES, type Role } from '../model/roles';
import { CODING_FIELD_LABEL } from '../model/labels';
import { LABELS } from './labels';

/** A role's name in the catalogue (`role.*`), for a field named `role`. */
const ROLE_LABEL: Readonly<Record<Role, MessageKey>> = { admin: 'role.admin', planner: 'role.planner', district: 'role.district', viewer: 'role.viewer' };

/** Field names (the last part of a path, or the whole path) the catalogue has a name for. */
const FIELD_LABEL: Readonly<Record<string, MessageKey>> = {
  name: 'scn.name', description: 'scn.description', k: 'ws.k', objective: 'ws.objective', minutes: 'ws.minutes',
  normalization: 'ws.normalization', method: 'ws.method', travelModel: 'prop.travelModel', blendAlpha: 'ws.alpha',
  wishGate: 'ws.gate', include: 'ws.include', exclude: 'ws.exclude', status: 'sl.col.status', rationale: 'sl.col.rationale',
  position: 'prop.col.pos', role: 'admin.role', district: 'admin.district', label: 'admin.label', disabled: 'admin.disabled',
  user: 'audit.field.user', createdAt: 'audit.field.createdAt', updatedAt: 'audit.field.updatedAt', revokedAt: 'audit.field.revokedAt',
  updatedBy: 'audit.field.updatedBy', advice: 'audit.field.advice', origin: 'sl.col.origin', candidates: 'report.candidates',
  file: 'audit.field.file', bytes: 'audit.field.bytes', format: 'audit.field.format', sample: 'let.sampleTag', sender: 'let.sender',
  suggestions: 'let.suggestion', kommunenummer: 'let.field.kommunenummer', id: 'audit.field.id', scenarioId: 'sl.field.scenario',
  inputHash: 'sl.inputHash',
};

/** The parents whose fields read «parent: field» (a letter's sender, its suggested answers by their coding-form names). */
const PARENT_LABEL: Readonly<Record<string, { parent: MessageKey; fields: Readonly<Record<string, MessageKey>> }>> = {
  suggestions: { parent: 'let.suggestion', fields: CODING_FIELD_LABEL },
  sender: { parent: 'let.sender', fields: { kommunenummer: 'let.field.kommunenummer', name: 'scn.name', confidence: 'let.col.confidence', status: 'sl.col.status' } },
};

/** The values a field of this name holds, named by their catalogue labels (checked before the general value labels). */
const FIELD_VALUE_LABEL: Readonly<Record<string, Readonly<Record<string, MessageKey>>>> = {
  origin: LABELS.origin, status: { ...LABELS.candidateStatus, ...LABELS.senderStatus, ...LABELS.selectionStatus }, objective: LABELS.objective,
  method: LABELS.aggregation, normalization: LABELS.normalization, advice: LABELS.advice, channels: LABELS.channel, areas: LABELS.answerArea,
};

/** How the page names what a stored value refers to (the travel model by its label; the code shown when unknown). */
export interface AuditNamers {
  travelModel?: (ref: string) => string;
}

/** How many changed fields an entry shows in words (the raw before and after hold all of them). */
export const MAX_CHANGES = 40;

/** A field's name: words from the catalogue, or its path as code when the catalogue has none. */
export interface FieldName {
  text: string;
  code: boolean;
}

/** A value in words; `quoted` when it is someone's own text (a name, a reason), shown as written. */
export interface ValueText {
  text: string;
  quoted: boolean;
}

export interface AuditChange {
  field: FieldName;
  before: ValueText | null;
  after: ValueText | null;
}

const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The paths (`params.weights.crimeRate`) whose values differ between `before` and `after`, objects walked into. */
export function changedPaths(before: unknown, after: unknown, prefix = ''): { path: string; before: unknown; after: unknown }[] {
  if (same(before, after)) return [];
  if ((isPlain(before) || before === undefined || before === null) && (isPlain(after) || after === undefined || after === null) && (isPlain(before) || isPlain(after))) {
    const b = isPlain(before) ? before : {};
    const a = isPlain(after) ? after : {};
    const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
    return keys.flatMap((k) => changedPaths(b[k], a[k], prefix ? `${prefix}.${k}` : k));
  }
  return [{ path: prefix, before, after }];
}

function fieldName(locale: Locale, path: string): FieldName {
  const parts = path.split('.');
  const last = parts[parts.length - 1];
  const parent = parts[parts.length - 2];
  if (parent === 'weights' && (CRITERION_IDS as readonly string[]).includes(last)) {
    return { text: `${t(locale, 'audit.field.weight')}: ${criterionLabel(locale, last as CriterionId)}`, code: false };
  }
  const group = parent === undefined ? undefined : PARENT_LABEL[parent];
  if (group?.fields[last]) return { text: `${t(locale, group.parent)}: ${t(locale, group.fields[last])}`, code: false };
  if (parent === 'districtMin' || parent === 'districtMax') {
    return { text: `${t(locale, parent === 'districtMin' ? 'ws.districtMin' : 'ws.districtMax')}: ${last}`, code: false };
  }
  const key = FIELD_LABEL[path] ?? FIELD_LABEL[last];
  return key ? { text: t(locale, key), code: false } : { text: path, code: true };
}

/** The decimals a number shows: as many as it has, at most two (0.5 → «0,5», 0.125 → «0,13»). */
const decimals = (v: number): number => (Number.isInteger(v) ? 0 : Math.min(2, (String(v).split('.')[1] ?? '').length));

const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d/;

/** The last part of a path (`user.role` → `role`). */
const lastPart = (path: string): string => path.slice(path.lastIndexOf('.') + 1);

/** A code's label from the field's own value map, or null when the field has none for it. */
function fieldValueLabel(locale: Locale, field: string, v: string, namers: AuditNamers): string | null {
  if (field === 'travelModel' && namers.travelModel) return namers.travelModel(v);
  const key = FIELD_VALUE_LABEL[field]?.[v];
  return key ? t(locale, key) : null;
}

function valueText(locale: Locale, v: unknown, field = '', namers: AuditNamers = {}): ValueText | null {
  if (v === undefined || v === null || v === '') return null;
  if (field === 'role' && typeof v === 'string' && (ROLES as readonly string[]).includes(v)) return { text: t(locale, ROLE_LABEL[v as Role]), quoted: false };
  const own = typeof v === 'string' ? fieldValueLabel(locale, field, v, namers) : null;
  if (own !== null) return { text: own, quoted: false };
  if (typeof v === 'number') return { text: formatNumber(locale, v, decimals(v)), quoted: false };
  if (typeof v === 'boolean') return { text: t(locale, v ? 'ws.yes' : 'ws.no'), quoted: false };
  if (typeof v === 'string') {
    if (ISO_TIME.test(v)) return { text: formatDateTime(locale, v), quoted: false };
    const label = valueLabel(locale, v);
    return label !== v ? { text: label, quoted: false } : { text: v, quoted: true };
  }
  if (Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number')) {
    if (v.length && FIELD_VALUE_LABEL[field] && v.every((x) => typeof x === 'string' && FIELD_VALUE_LABEL[field][x])) {
      return { text: v.map((x) => t(locale, FIELD_VALUE_LABEL[field][x as string])).join(', '), quoted: false };
    }
    return v.length ? { text: v.join(', '), quoted: true } : null;
  }
  if (Array.isArray(v)) return listText(locale, v);
  return { text: JSON.stringify(v), quoted: true };
}

/**
 * A list of records in a line: municipalities (a shortlist's candidates) by their numbers, anything else by
 * its count; the raw data keeps every field.
 */
function listText(locale: Locale, v: readonly unknown[]): ValueText | null {
  if (v.length === 0) return null;
  const knr = v.map((x) => (isPlain(x) && typeof x.kommunenummer === 'string' ? x.kommunenummer : null));
  if (knr.every((x) => x !== null)) return { text: say(locale, 'audit.value.municipalities', { n: v.length, list: knr.join(', ') }), quoted: false };
  return { text: say(locale, 'audit.value.entries', { n: v.length }), quoted: false };
}

/** The changed fields of an audit entry in the reader's language (at most `MAX_CHANGES`; the raw values keep the rest). */
export function auditChanges(locale: Locale, before: unknown, after: unknown, namers: AuditNamers = {}): { changes: AuditChange[]; more: number } {
  const paths = changedPaths(before, after);
  // '' and a missing field, or [] and none, read alike: such a "change" says nothing
  const all = paths
    .map((p) => ({ field: fieldName(locale, p.path), before: valueText(locale, p.before, lastPart(p.path), namers), after: valueText(locale, p.after, lastPart(p.path), namers) }))
    .filter((c) => c.before !== null || c.after !== null);
  const changes = all.slice(0, MAX_CHANGES);
  return { changes, more: all.length - changes.length };
}
