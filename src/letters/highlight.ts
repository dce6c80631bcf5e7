/**
 * Cuts a letter's text into plain and marked segments for display (pure): each evidence sentence is marked with
 * the fields it supports, so the page can show "the sentence(s) it came from, highlighted in the letter".
 */
import type { EvidenceSentence } from '../model/letters';

export interface Segment {
  text: string;
  /** Fields whose evidence this segment is part of (empty: plain text). */
  fields: string[];
  /** Offset of the segment in the text (the id the page scrolls to). */
  start: number;
}

/** Splits the text at every evidence boundary; overlapping evidence gives a segment with all its fields. */
export function highlightSegments(text: string, evidence: readonly Pick<EvidenceSentence, 'field' | 'start' | 'end'>[]): Segment[] {
  const spans = evidence.filter((e) => e.end > e.start && e.start >= 0 && e.end <= text.length);
  const cuts = [...new Set([0, text.length, ...spans.flatMap((e) => [e.start, e.end])])].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [from, to] = [cuts[i], cuts[i + 1]];
    const fields = [...new Set(spans.filter((e) => e.start <= from && e.end >= to).map((e) => e.field))].sort();
    const prev = out[out.length - 1];
    if (prev && prev.fields.join() === fields.join()) prev.text += text.slice(from, to);
    else out.push({ text: text.slice(from, to), fields, start: from });
  }
  return out;
}
