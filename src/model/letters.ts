/**
 * The municipalities' letters (issue 13) as data: what a letter's analysis holds (sender, the five answers,
 * suggestions with evidence), the limits of an intake, and the suggestion vocabulary. Pure types and constants.
 */
import type { Area, Channel, Trend } from './answers';

/** What the suggestion rules say about question 5, "does the municipality want a new station?". */
export type WantsSuggestion = 'yes' | 'no' | 'unclear';
/** Question 2, "is the municipality satisfied?". */
export type SatisfiedSuggestion = 'yes' | 'partly' | 'no';

/** The suggested structured answer, exactly as `letters suggest --json` prints it. */
export interface Suggestions {
  wantsStation: WantsSuggestion;
  offersPremises: boolean;
  premisesText: string | null;
  coLocation: string[];
  satisfied: SatisfiedSuggestion;
  channels: Channel[];
}

export type SuggestionField = keyof Suggestions;
export const suggestionFields: readonly SuggestionField[] = ['wantsStation', 'offersPremises', 'premisesText', 'coLocation', 'satisfied', 'channels'];

/** A sentence that a suggestion rests on, with its offsets in the letter's text. */
export interface EvidenceSentence {
  field: SuggestionField;
  text: string;
  start: number;
  end: number;
  /** Which rule fired, in words (e.g. `wish, negated`). */
  rule: string;
  /** Which answer this sentence speaks for (e.g. `no`, `true`, `telephone:more`). */
  reading: string;
}

/** More than the JSON contract holds, for the coding page: per-channel trend, Q1 areas, how sure each field is. */
export interface SuggestionDetails {
  channelTrends: Record<Channel, Trend>;
  areas: Area[];
  /** Why a station answer is what it is: `strengthen` when the letter asks to keep/strengthen an existing station. */
  wantsReason: 'wish' | 'declined' | 'strengthen' | 'hedged' | 'short-answer' | 'none';
  /** True when a premises offer was hedged ("vil vurdere") and therefore not counted. */
  premisesHedged: boolean;
  /** 0..1 per field: 0 no evidence, 1 an explicit, unhedged statement in the right section. */
  certainty: Record<SuggestionField, number>;
}

/** One answer section of a letter (`question` null: text outside the five answers, e.g. the letterhead). */
export interface Section {
  question: 1 | 2 | 3 | 4 | 5 | null;
  start: number;
  end: number;
  heading: string;
}

/** How the letter was split: by numbers, by headings, by echoed questions, or paragraph by paragraph. */
export type SplitMethod = 'numbered' | 'headings' | 'questions' | 'paragraphs' | 'none';

/** One piece of evidence for a sender. */
export interface SenderEvidence {
  kind: 'subject' | 'letterhead' | 'signature' | 'kommune_phrase' | 'domain' | 'postcode' | 'code' | 'dateline' | 'place' | 'mention' | 'county' | 'district' | 'neighbour' | 'nearby';
  text: string;
  start: number;
  end: number;
  weight: number;
}

export interface SenderCandidate {
  kommunenummer: string;
  name: string;
  score: number;
  evidence: SenderEvidence[];
}

/** Who sent the letter: the best candidate, how sure, and the runners-up (for the planner to choose from). */
export interface SenderMatch {
  kommunenummer: string | null;
  name: string | null;
  /** 0..1. Below `senderThresholds.sure` the coding page asks the planner. */
  confidence: number;
  status: 'matched' | 'unsure' | 'unmatched';
  candidates: SenderCandidate[];
}

export const senderThresholds = { sure: 0.6, candidate: 0.15 } as const;

/** Everything the analysis of one letter found. */
export interface LetterAnalysis {
  sender: SenderMatch;
  splitMethod: SplitMethod;
  sections: Section[];
  suggestions: Suggestions;
  details: SuggestionDetails;
  evidence: EvidenceSentence[];
}

/** Limits of letter intake (documented in README, "The municipalities' letters"). */
export const letterLimits = {
  /** Largest accepted letter file (10 MB). */
  maxFileBytes: 10 * 1024 * 1024,
  /** Largest upload or ZIP (50 MB). */
  maxBatchBytes: 50 * 1024 * 1024,
  /** Most letters in one batch (a ZIP counts its files). */
  maxBatchFiles: 500,
  /** Most bytes unpacked from one ZIP (zip-bomb guard). */
  maxUnzippedBytes: 200 * 1024 * 1024,
  /** Most bytes a DOCX letter may unpack to, all its parts together (zip-bomb guard before mammoth). */
  maxDocxUnpackedBytes: 20 * 1024 * 1024,
  /** Most parts (ZIP entries) in a DOCX letter. */
  maxDocxEntries: 1000,
  /** Largest unpacked/packed ratio of a DOCX part above 1 MB unpacked (text XML packs 5–30 to 1; zeros 1,000 to 1). */
  maxDocxRatio: 200,
  /** Most pages read from a PDF. */
  maxPdfPages: 200,
  /** Most characters of text kept per letter. */
  maxTextChars: 400_000,
  /** Fewer letters and digits than this and the letter is refused as empty. */
  minTextChars: 40,
} as const;

/** The supported file formats. */
export type LetterFormat = 'pdf' | 'docx' | 'txt';
