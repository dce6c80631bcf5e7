/**
 * Where a word's scope ends inside a sentence (pure): matches as token positions, negation and hedging that apply
 * to a span, and clauses. Negation follows the usual cue-and-scope reading of rule-based negation detection
 * (NegEx, Chapman et al. 2001, J Biomed Inform 34:301): a negation cue negates what follows it up to a boundary
 * word ("men", "fordi", ";"), and a few words before a verb ("ikke ønsker").
 */
import { has, hedge, negator, notNegating } from './lexicon';

/** A sentence prepared for rule matching: lower-case text and word boundaries. */
export interface Prepared {
  lower: string;
  /** Start offset (in `lower`) of every word. */
  wordStarts: number[];
  /** Word index of every boundary word (men, fordi, dersom, ;, :, and "og" after a comma). */
  boundaries: number[];
}

const wordRe = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*|[;:]/gu;
const boundaryWords = new Set(['men', 'fordi', 'mens', 'likevel', 'derimot', 'dersom', 'hvis', 'viss', 'samt', ';', ':', 'sjølv', 'selv', 'enn']);

export function prepare(text: string): Prepared {
  const lower = text.toLowerCase().replace(/\s/g, ' ');
  const wordStarts: number[] = [];
  const boundaries: number[] = [];
  let m: RegExpExecArray | null;
  while ((m = wordRe.exec(lower))) {
    // A boundary word, or "og"/"så" starting a new main clause after a comma ("…, og kan ikke se at …").
    if (boundaryWords.has(m[0]) || ((m[0] === 'og' || m[0] === 'så') && /,\s*$/.test(lower.slice(0, m.index)))) boundaries.push(wordStarts.length);
    wordStarts.push(m.index);
  }
  return { lower, wordStarts, boundaries };
}

/** Word index of a character offset. */
export function wordAt(p: Prepared, offset: number): number {
  let lo = 0;
  let hi = p.wordStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (p.wordStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** A match of a pattern: its character range and word range. */
export interface Hit {
  text: string;
  start: number;
  end: number;
  word: number;
  lastWord: number;
}

/** All matches of a (global) pattern in the prepared sentence. */
export function hits(p: Prepared, re: RegExp): Hit[] {
  const out: Hit[] = [];
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g');
  let m: RegExpExecArray | null;
  while ((m = g.exec(p.lower))) {
    if (m[0] === '') { g.lastIndex++; continue; }
    out.push({ text: m[0], start: m.index, end: m.index + m[0].length, word: wordAt(p, m.index), lastWord: wordAt(p, m.index + m[0].length - 1) });
  }
  return out;
}

/** True when a boundary word lies strictly between two word positions. */
export function crossesBoundary(p: Prepared, a: number, b: number): boolean {
  const [lo, hi] = a < b ? [a, b] : [b, a];
  return p.boundaries.some((w) => w > lo && w < hi);
}

/** Negation cues that really negate (not "ikke bare", "ikke minst"). */
export function negations(p: Prepared): Hit[] {
  const exempt = hits(p, notNegating);
  const hedges = hits(p, hedge);
  return hits(p, negator).filter((n) => !exempt.some((e) => n.start >= e.start && n.start < e.end) && !hedges.some((h) => n.start >= h.start && n.start < h.end));
}

/**
 * True when the span from word `from` to word `to` is negated: a negation cue inside the span, or up to `before`
 * words before it, with no boundary word between the cue and the span.
 */
export function isNegated(p: Prepared, from: number, to: number, before = 3): boolean {
  const [lo, hi] = from <= to ? [from, to] : [to, from];
  return negations(p).some((n) => n.word >= lo - before && n.word <= hi && !crossesBoundary(p, n.word, n.word < lo ? lo : n.word));
}

/** True when a hedge ("har ikke tatt stilling", "vil vurdere") starts within `before` words ahead of the span or inside it. */
export function isHedged(p: Prepared, from: number, to: number, before = 10): boolean {
  const [lo, hi] = from <= to ? [from, to] : [to, from];
  return hits(p, hedge).some((h) => h.word >= lo - before && h.word <= hi && !crossesBoundary(p, h.lastWord, lo));
}

/** Whether the sentence has the pattern at all. */
export const mentions = (p: Prepared, re: RegExp): boolean => has(re, p.lower);

/** Splits a sentence into clauses at boundary words, ";" and " og " (for offers: "ønsker X og kan ikke tilby Y"). */
export function clauses(text: string): { text: string; offset: number }[] {
  const out: { text: string; offset: number }[] = [];
  const re = /\s+(?:men|og|fordi|samt|mens|likevel|derimot)\s+|;|\s+[–-]\s+/giu;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    out.push({ text: text.slice(last, m.index), offset: last });
    last = m.index + m[0].length;
  }
  out.push({ text: text.slice(last), offset: last });
  return out.filter((c) => c.text.trim() !== '');
}
