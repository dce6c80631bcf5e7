/**
 * The municipalities' letters (issue 13), pure parts: text, answer splitting, sender matching, suggestions,
 * agreement. The shells are `extract.ts`/`zip.ts` (file formats, in memory), `reference.ts` (reads data/) and
 * `service.ts` (the database).
 */
export { analyseLetter, sectionTexts, suggestJson } from './analyse';
export { cohensKappa } from './kappa';
export type { Agreement } from './kappa';
export { buildSenderIndex, matchSender } from './sender';
export type { GazetteerEntry, HistoryEntry, LetterReference, ReferenceMunicipality, SenderIndex } from './sender';
export { letterDate } from './dateline';
export { splitAnswers } from './split';
export { suggestAnswers } from './suggest';
export { normaliseText, splitSentences, stem, tokenize } from './text';
export * from '../model/letters';
