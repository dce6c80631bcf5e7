/**
 * Coding a letter (the shell): a planner's confirmed answer becomes the municipality's answer through the
 * existing answers model (`saveResponse`: validation as at import, history of the replaced version, audit log),
 * with the letter and sentences it came from recorded as provenance. A second coder's coding is stored for
 * agreement only and never applied.
 */
import { kommunenummerField } from '../common/fields';
import { z } from 'zod';
import type { Db } from '../db/connection';
import { recordAudit } from '../db/audit-repo';
import { getLetter, insertCoding, insertProvenance, setLetterSender, codingsOf, type ProvenanceRow, type StoredLetter } from '../db/letters-repo';
import { answersStatus, listResponses, removeSampleResponses, saveResponse } from '../db/responses-repo';
import { referenceFromDb } from '../import/responses-import';
import { areaValues, channels, canonicalContent, letterSource, trendValues, type Channel, type ResponseContent, type Trend } from '../model/answers';
import { validateRecord, type Problem } from '../import/responses-validate';
import { contentToRecord } from '../import/responses-write';
import { ValidationError, ZodValidationError, NotFoundError, ConflictError, UnprocessableError, type LocalMessage } from '../common/errors';
import type { MessageKey } from '../common/i18n';
import { sectionTexts } from './analyse';
import { letterDate } from './dateline';
import type { EvidenceSentence } from '../model/letters';

const span = z.object({ start: z.number().int().min(0), end: z.number().int().min(0) });

/** A planner's confirmed coding of one letter (`POST /api/letters/:id/coding`). */
export const codingInput = z.object({
  kommunenummer: kommunenummerField,
  wantsStation: z.enum(['yes', 'no', 'unclear', 'not_answered']),
  offersPremises: z.boolean(),
  premisesText: z.string().trim().max(500).nullable().optional(),
  coLocation: z.array(z.string().trim().min(1).max(60)).max(12).optional(),
  satisfied: z.enum(['yes', 'partly', 'no', 'not_answered']),
  /** The channels asked for more of, or a trend per channel. */
  channels: z.union([z.array(z.enum(channels)), z.record(z.enum(channels), z.enum(trendValues))]),
  areas: z.array(z.enum(areaValues)).optional(),
  receivedDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'receivedDate must be yyyy-mm-dd').nullable().optional(),
  /** The sentence (offsets in the letter's text) each field rests on; omitted: the suggestion's own sentence. */
  evidence: z.record(z.string(), span.nullable()).optional(),
  role: z.enum(['primary', 'second']).default('primary'),
  note: z.string().max(1000).default(''),
});
export type CodingInput = z.output<typeof codingInput>;

/** The codable fields, in the order the page and the provenance show them. */
export const codedFields = ['kommunenummer', 'wantsStation', 'offersPremises', 'premisesText', 'coLocation', 'satisfied', 'channels', 'areas'] as const;

/** The stored coding: the input with the channel trends resolved. */
export interface Coding extends Omit<CodingInput, 'channels'> {
  channels: Record<Channel, Trend>;
}

function resolveTrends(input: CodingInput['channels'], suggested: Record<Channel, Trend>): Record<Channel, Trend> {
  if (!Array.isArray(input)) return { ...Object.fromEntries(channels.map((c) => [c, 'not_answered'])), ...input } as Record<Channel, Trend>;
  return Object.fromEntries(channels.map((c) => [c, input.includes(c) ? 'more' : suggested[c] === 'more' ? 'not_answered' : suggested[c]])) as Record<Channel, Trend>;
}

/** Builds the answer the coding stands for (pure). */
export function codingToContent(letter: StoredLetter, coding: Coding): ResponseContent {
  const sections = sectionTexts(letter.text, letter.analysis.sections);
  const mark = (s: string) => (letter.sample && s ? `[Eksempel] ${s}` : s).slice(0, 20000);
  const premises = coding.offersPremises
    ? [{
        address: (coding.premisesText && coding.premisesText.trim()) || 'Lokaler tilbudt i brevet (adresse ikke oppgitt)',
        lon: null, lat: null, coLocatedWith: (coding.coLocation ?? []).join(', '), floorAreaM2: null, availableFrom: null, yearlyCostNok: null,
        notes: mark(`Fra brev ${letter.id} (${letter.fileName})`),
      }]
    : [];
  return canonicalContent({
    kommunenummer: coding.kommunenummer,
    receivedDate: coding.receivedDate ?? letterDate(letter.text) ?? letter.receivedAt.slice(0, 10),
    q1: { challenges: mark(sections[1]), areas: coding.areas ?? letter.analysis.details.areas },
    q2: { satisfied: coding.satisfied, reasons: mark(sections[2]) },
    q3: { cooperation: mark(sections[3]), resources: '' },
    q4: { ...coding.channels, comment: mark(sections[4]) },
    q5: { wantsStation: coding.wantsStation === 'unclear' ? 'not_answered' : coding.wantsStation, premises },
  });
}

/** The sentence each field rests on: the one the planner chose, else the suggestion's decisive sentence. */
function provenanceSentences(letter: StoredLetter, coding: CodingInput): Map<string, { text: string; start: number; end: number } | null> {
  const out = new Map<string, { text: string; start: number; end: number } | null>();
  const evidence: readonly EvidenceSentence[] = letter.analysis.evidence;
  for (const field of codedFields) {
    const chosen = coding.evidence?.[field];
    if (chosen === null) out.set(field, null);
    else if (chosen) {
      if (chosen.end <= chosen.start || chosen.end > letter.text.length) throw new ValidationError({ key: 'err.evidenceOffsets', params: { field: `evidence.${field}`, start: chosen.start, end: chosen.end, length: letter.text.length } });
      out.set(field, { text: letter.text.slice(chosen.start, chosen.end).replace(/\n/g, ' '), ...chosen });
    } else {
      const e = field === 'kommunenummer' ? null : evidence.find((x) => x.field === field);
      out.set(field, e ? { text: e.text, start: e.start, end: e.end } : null);
    }
  }
  return out;
}

export interface CodingOutcome {
  codingId: number;
  role: 'primary' | 'second';
  applied: boolean;
  responseVersion: number | null;
  kommunenummer: string;
  samplesReplaced: number;
}

/**
 * Saves a planner's coding of a letter; a primary coding is stored as the municipality's answer.
 * @throws NotFoundError for an unknown letter; ValidationError (422, with `details`) when the answer would not pass the
 *   answers model's validation; AppError 409 for a sample letter while real answers are loaded, or a second coding by
 *   the primary coder
 */
export function saveCoding(db: Db, letterId: number, raw: unknown, who: { by: string; now: string }): CodingOutcome {
  const parsed = codingInput.safeParse(raw);
  if (!parsed.success) throw new ZodValidationError(parsed.error);
  const input = parsed.data;
  const letter = getLetter(db, letterId);
  if (!letter) throw new NotFoundError({ key: 'err.noLetter', params: { id: letterId } });
  const coding: Coding = { ...input, channels: resolveTrends(input.channels, letter.analysis.details.channelTrends) };
  const content = codingToContent(letter, coding);
  const problems: Problem[] = [];
  const reference = referenceFromDb(db);
  validateRecord(0, contentToRecord(content, ''), reference, problems);
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new UnprocessableError('invalid_coding', { key: 'err.codingInvalid', params: { list: errors.map((p) => `${p.field ?? ''} ${p.code}`.trim()).join('; ') } }, errors);
  if (input.role === 'second') return saveSecond(db, letter, coding, who);
  if (letter.sample && listResponses(db).some((r) => !r.sample)) throw new ConflictError('real_answers_loaded', { key: 'err.sampleLetterReal' });
  return applyPrimary(db, letter, coding, input, content, who);
}

function saveSecond(db: Db, letter: StoredLetter, coding: Coding, who: { by: string; now: string }): CodingOutcome {
  const primary = codingsOf(db, letter.id).filter((c) => c.role === 'primary').pop();
  if (primary && primary.coder === who.by) throw new ConflictError('same_coder', { key: 'err.sameCoder', params: { by: who.by, id: letter.id } });
  return db.transaction(() => {
    const codingId = insertCoding(db, { letterId: letter.id, coder: who.by, role: 'second', kommunenummer: coding.kommunenummer, coding, responseVersion: null, codedAt: who.now });
    recordAudit(db, { at: who.now, actor: who.by, action: 'code-second', entity: 'letter', entityId: String(letter.id), after: coding, said: { key: 'audit.note.secondCoding' } });
    return { codingId, role: 'second' as const, applied: false, responseVersion: null, kommunenummer: coding.kommunenummer, samplesReplaced: 0 };
  })();
}

/** The three coded answers a history note names, with their labels and value labels. */
const NOTED_FIELDS = [
  { field: 'wantsStation', label: 'let.field.wantsStation' },
  { field: 'offersPremises', label: 'let.field.offersPremises' },
  { field: 'satisfied', label: 'let.field.satisfied' },
] as const satisfies readonly { field: keyof Coding; label: MessageKey }[];

const CODED_VALUE_LABEL: Readonly<Record<string, MessageKey>> = {
  yes: 'resp.val.yes', no: 'resp.val.no', partly: 'resp.val.partly', not_answered: 'resp.val.not_answered', unclear: 'let.wants.unclear',
  true: 'resp.val.yes', false: 'resp.val.no',
};

/** The answer's history note for a coding: the letter, and each coded answer with the sentence it rests on (quoted as written). */
function codingSaid(letter: StoredLetter, coding: Coding, quote: (field: string) => string | undefined): LocalMessage {
  const fields = NOTED_FIELDS.map(({ field, label }): LocalMessage => {
    const q = quote(field);
    return { key: 'resp.note.codedField', params: { field: { key: label }, value: { key: CODED_VALUE_LABEL[String(coding[field])] }, quote: q ? ` «${q}»` : '' } };
  });
  return { key: 'resp.note.coded', params: { letter: letter.id, file: letter.fileName, sha: letter.sha256.slice(0, 12), fields } };
}

function applyPrimary(db: Db, letter: StoredLetter, coding: Coding, input: CodingInput, content: ResponseContent, who: { by: string; now: string }): CodingOutcome {
  const sentences = provenanceSentences(letter, input);
  const said = codingSaid(letter, coding, (f) => sentences.get(f)?.text.slice(0, 120));
  return db.transaction(() => {
    const samplesReplaced = !letter.sample && answersStatus(db).sample ? removeSampleResponses(db, who.by, who.now, null) : 0;
    if (letter.kommunenummer !== coding.kommunenummer || letter.senderStatus !== 'confirmed') {
      setLetterSender(db, letter.id, coding.kommunenummer, who.by);
      recordAudit(db, { at: who.now, actor: who.by, action: 'set-sender', entity: 'letter', entityId: String(letter.id), before: { kommunenummer: letter.kommunenummer, status: letter.senderStatus }, after: { kommunenummer: coding.kommunenummer, status: 'confirmed' } });
    }
    const version = saveResponse(db, content, { source: letterSource(letter.id, letter.fileName), isSample: letter.sample, importId: null, changedBy: who.by, changedAt: who.now }, 'correction', input.note, said);
    const codingId = insertCoding(db, { letterId: letter.id, coder: who.by, role: 'primary', kommunenummer: coding.kommunenummer, coding, responseVersion: version, codedAt: who.now });
    const rows: ProvenanceRow[] = codedFields.map((field) => {
      const s = sentences.get(field) ?? null;
      return {
        kommunenummer: coding.kommunenummer, responseVersion: version, letterId: letter.id, letterSha256: letter.sha256, codingId, field,
        value: (coding as unknown as Record<string, unknown>)[field] ?? null, sentence: s?.text ?? null, sentenceStart: s?.start ?? null, sentenceEnd: s?.end ?? null,
        confirmedBy: who.by, confirmedAt: who.now,
      };
    });
    insertProvenance(db, rows);
    recordAudit(db, { at: who.now, actor: who.by, action: 'code', entity: 'letter', entityId: String(letter.id), after: { coding, responseVersion: version, provenance: rows.map((r) => ({ field: r.field, sentence: r.sentence })) }, said: { key: 'audit.note.codedAs', params: { knr: coding.kommunenummer, version } } });
    return { codingId, role: 'primary' as const, applied: true, responseVersion: version, kommunenummer: coding.kommunenummer, samplesReplaced };
  })();
}
