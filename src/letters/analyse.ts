/**
 * One letter from text to analysis (pure): normalise, split into sentences and answer sections, match the
 * sender, suggest the structured answer with evidence.
 */
import type { LetterAnalysis, Section, SenderMatch } from '../model/letters';
import { matchSender, type SenderIndex } from './sender';
import { quotedRanges } from './quoted';
import { splitAnswers } from './split';
import { suggestAnswers } from './suggest';
import { normaliseText, splitSentences } from './text';

/**
 * Analyses the text of a letter.
 * @param text extracted text (normalised here; pass already-normalised text to keep offsets stable)
 * @returns the analysis; evidence offsets refer to `normaliseText(text)`
 */
export function analyseLetter(text: string, index: SenderIndex): LetterAnalysis & { text: string } {
  const clean = normaliseText(text);
  const sentences = splitSentences(clean);
  const quoted = quotedRanges(clean);
  const { method, sections } = splitAnswers(clean, quoted);
  const sender: SenderMatch = matchSender(clean, index);
  const { suggestions, details, evidence } = suggestAnswers(sentences, sections, method, quoted);
  return { text: clean, sender, splitMethod: method, sections, suggestions, details, evidence };
}

/** The text of each answer section (1–5), joined when a question has several sections. */
export function sectionTexts(text: string, sections: readonly Section[]): Record<1 | 2 | 3 | 4 | 5, string> {
  const out = { 1: '', 2: '', 3: '', 4: '', 5: '' } as Record<1 | 2 | 3 | 4 | 5, string>;
  for (const s of sections) if (s.question) out[s.question] = [out[s.question], text.slice(s.start, s.end).trim()].filter(Boolean).join('\n\n');
  return out;
}

/** The JSON object `letters suggest --json` prints for one file. */
export function suggestJson(file: string, a: Pick<LetterAnalysis, 'sender' | 'suggestions' | 'evidence'>) {
  const evidence: Record<string, string> = {};
  for (const e of a.evidence) if (!(e.field in evidence)) evidence[e.field] = e.text;
  if (a.sender.kommunenummer) {
    const best = a.sender.candidates[0]?.evidence.filter((e) => e.end > e.start).sort((x, y) => y.weight - x.weight)[0];
    if (best) evidence.sender = best.text;
  }
  return { file, kommunenummer: a.sender.kommunenummer, confidence: a.sender.confidence, suggestions: a.suggestions, evidence };
}
