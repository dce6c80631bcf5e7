/**
 * What intake stores of a letter's text, as one job: the normalised text, its analysis (`analyse.ts`) and the
 * stems of its words for search. A plain function of the text and the reference data, so the web app can run
 * it in a worker thread (`planning/heavy.ts`): a letter may hold 400,000 characters, which take seconds to
 * analyse, and the request thread must stay free meanwhile.
 */
import type { LetterAnalysis } from '../model/letters';
import { analyseLetter } from './analyse';
import { senderIndexFor } from './reference';
import { splitSentences, tokenize } from './text';

/** A letter's text as intake stores it. */
export interface AnalysedText {
  /** The normalised text (evidence offsets refer to it). */
  text: string;
  analysis: Omit<LetterAnalysis, 'text'>;
  /** Stems of the letter's words, space-separated, for searching inflected forms. */
  stems: string;
}

/** Runs an `AnalysedText` job: in this thread (CLI, tests), or in a worker (the web app). */
export type TextAnalyser = (text: string) => Promise<AnalysedText>;

/** Analyses one letter's extracted text against the reference data in `data/` (the sender index is cached). */
export function analyseText(extracted: string): AnalysedText {
  const { text, ...analysis } = analyseLetter(extracted, senderIndexFor());
  return { text, analysis, stems: splitSentences(text).flatMap((s) => tokenize(s).map((t) => t.stem)).join(' ') };
}

/** The analyser that runs in this thread. */
export const analyseInThread: TextAnalyser = async (text) => analyseText(text);
