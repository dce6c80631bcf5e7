/**
 * Splits a letter into its answers to the five questions of the minister's letter of 23 February 2022
 * (`../shared/seed/brev-til-kommunene-2022-02-23.txt`), where the letter allows it (pure).
 *
 * Tried in order: numbered answers ("1.", "Spørsmål 2", "Til spm. 3"), headings whose words belong to one
 * question ("Tilgjengelighet", "Nytt tenestestad"), questions echoed from the minister's letter, and last
 * paragraph by paragraph by topic words. Numbered markers are chosen as the increasing sequence whose following
 * text best fits each question's topic, so a list "1. Forebygging 2. Beredskap" inside answer 1 is not taken
 * for answers 1 and 2.
 */
import type { Section, SplitMethod } from '../model/letters';
import { lineWidth, logicalLines } from './text';

type Question = 1 | 2 | 3 | 4 | 5;
const questions: readonly Question[] = [1, 2, 3, 4, 5];

/** Topic words of each question (prefixes, lower case, bokmål and nynorsk). */
const topicWords: Record<Question, readonly string[]> = {
  1: ['utfordring', 'forebygg', 'førebygg', 'beredskap', 'sivile', 'kriminalitet', 'rus', 'ungdom', 'de neste år', 'dei neste år', 'framtid', 'fremtid'],
  2: ['tilfreds', 'fornøyd', 'fornøgd', 'nøgd', 'bemanning', 'tjenestestedstruktur', 'tjenestestedsstruktur', 'tenestestadstruktur', 'tjenestetilbud', 'tenestetilbod', 'årsak', 'responstid', 'vurdering av politiet'],
  3: ['samarbeid', 'nabokommun', 'fylke', 'ressurs', 'avsett', 'setje av', 'sette av', 'videreutvikl', 'vidareutvikl', 'politiråd', 'slt', 'politikontakt', 'lokale aktør', 'trygghet', 'tryggleik'],
  4: ['tilgjengelig', 'tilgjenge', 'tilgjengeleg', 'telefon', 'internett', 'digital', 'oppmøte', 'tilstedevær', 'tilstadevær', 'nærvær', 'kanal', 'tilgang'],
  5: ['nytt tjenestested', 'nytt tenestestad', 'nytt polititjenestested', 'eget tjenestested', 'eige tenestestad', 'lokale', 'samlokaliser', 'tilby', 'ønsker kommunen', 'ønskjer kommunen', 'tjenestested i kommunen', 'tenestestad i kommunen'],
};

/** How many topic words of question `q` the text has. */
export function topicScore(text: string, q: Question): number {
  const lower = text.toLowerCase();
  let n = 0;
  for (const w of topicWords[q]) if (lower.includes(w)) n++;
  return n;
}

interface Line {
  text: string;
  start: number;
  end: number;
}

function linesOf(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (const l of text.split('\n')) {
    out.push({ text: l, start, end: start + l.length });
    start += l.length + 1;
  }
  return out;
}

interface Marker {
  q: Question;
  line: number;
  start: number;
  prefixed: boolean;
  fit: number;
}

/** Opening quotation marks before an echoed, numbered question («2. Er kommunen tilfreds …»). */
const openQuote = '[«"“„]?';
/** "Spørsmål 2", "Til spm. 3", but not a range ("spørsmål 1–4", "spørsmål 1 og 2"). */
const prefixedRe = new RegExp(`^\\s*${openQuote}(?:(?:svar\\s+(?:på|til)\\s+|til\\s+)?(?:spørsmål|spørsmålet|spm\\.?|sp\\.?|punkt|pkt\\.?|del|question))\\s*(?:nr\\.?\\s*)?([1-5])(?![0-9])(?!\\s*(?:[–-]|og|til|to)\\s*[1-5])`, 'iu');
const numberedRe = new RegExp(`^\\s*${openQuote}\\(?([1-5])(?:\\s*[.):]|\\s+[-–]\\s)(?![0-9])`, 'u');
/** The line before a council's or the administration's numbered decision points ("Kommunestyrets vedtak:"). */
const decisionIntro = /(?:vedtak|vedtaket|innstilling|innstillinga|innstillingen|tilråding|tilrådinga|framlegg|forslag til vedtak|konklusjon)\s*:\s*$/iu;
const headingLike = (t: string) => t.length > 0 && t.length <= 90 && !/[.;,]$/.test(t) && t.split(/\s+/).length <= 8;

/**
 * Lines that are numbered points of a decision, not answers: the numbered list that starts on the line right after
 * "vedtak:" / "innstilling:" and runs to the next blank or heading-like line that is not numbered.
 */
function decisionLines(lines: readonly Line[]): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i < lines.length - 1; i++) {
    if (!decisionIntro.test(lines[i].text.trim()) || !numberedRe.test(lines[i + 1].text)) continue;
    for (let j = i + 1; j < lines.length; j++) {
      const t = lines[j].text.trim();
      if (numberedRe.test(t)) { out.add(j); continue; }
      if (t === '' || headingLike(t) || decisionIntro.test(t)) break;
    }
  }
  return out;
}

/**
 * Every line that starts like an answer number. `fit` is how well the text up to the next such line fits the
 * question's topic, plus a little for the first line with that number (inner lists usually come after it).
 */
function findMarkers(lines: readonly Line[], text: string): Marker[] {
  const found: { q: Question; line: number; start: number; prefixed: boolean }[] = [];
  const decisions = decisionLines(lines);
  lines.forEach((l, i) => {
    if (decisions.has(i)) return;
    const p = prefixedRe.exec(l.text);
    const n = p ?? numberedRe.exec(l.text);
    if (n) found.push({ q: Number(n[1]) as Question, line: i, start: l.start, prefixed: !!p });
  });
  const seen = new Set<Question>();
  return found.map((m, i) => {
    const end = i + 1 < found.length ? found[i + 1].start : Math.min(text.length, m.start + 1500);
    const first = !seen.has(m.q);
    seen.add(m.q);
    return { ...m, fit: Math.min(topicScore(text.slice(m.start, end), m.q), 3) * 0.4 + (first ? 0.5 : 0) };
  });
}

/** The increasing sequence of markers (by position and number) with the best fit (longest, then best topic fit). */
function bestSequence(markers: readonly Marker[]): Marker[] {
  const best: { score: number; prev: number }[] = markers.map(() => ({ score: 0, prev: -1 }));
  let top = -1;
  markers.forEach((m, i) => {
    best[i] = { score: 1 + m.fit, prev: -1 };
    for (let j = 0; j < i; j++) {
      if (markers[j].q < m.q && best[j].score + 1 + m.fit > best[i].score) best[i] = { score: best[j].score + 1 + m.fit, prev: j };
    }
    if (top < 0 || best[i].score > best[top].score) top = i;
  });
  const seq: Marker[] = [];
  for (let i = top; i >= 0; i = best[i].prev) seq.unshift(markers[i]);
  return seq;
}

/** The letter's title or subject line ("Svar på brev om bedre polititjenester og beredskap"), not an answer heading. */
const titleLine = /(?:^|\s)(?:brev|høring|høyring|høringssvar|høringsuttalelse|svar på|svar frå|svar fra|innspill|innspel|uttale|uttalelse|emne|sak \d)|polititjenester og beredskap|polititenester og beredskap/iu;
/**
 * An inline label at the start of a line: "Tilfredshet: Kommunen er …", "Om nytt tjenestested: …", and in prose
 * "Når det gjelder tilgjengelighet, …", "På spørsmålet om nytt tjenestested …, svarer …".
 */
const inlineLabel = /^\s*(?:((?:om\s+)?[\p{L}-]+(?:\s+[\p{L}-]+){0,3})\s*:\s+\S|(?:når det (?:gjelder|gjeld)|hva (?:gjelder|angår)|kva (?:gjeld|angår)|med (?:hensyn|omsyn) til|angående|(?:på|til) spørsmålet om)\s+([^,:]{3,80}?)\s*[,:]\s+\S)/iu;

/** A heading: a short line without a final stop, or an inline label, whose words belong to one question. */
function headingQuestion(line: string): Question | null {
  const m = inlineLabel.exec(line);
  const label = m?.[1] ?? m?.[2];
  const t = label ?? line.trim();
  if (t.length < 4 || t.length > 90 || /[.;,]$/.test(t) || t.split(/\s+/).length > 12 || titleLine.test(t)) return null;
  let bestQ: Question | null = null;
  let bestScore = 0;
  for (const q of questions) {
    const s = topicScore(t, q);
    if (s > bestScore) [bestQ, bestScore] = [q, s];
  }
  return bestQ;
}

const signatureRe = /^\s*(?:med (?:vennlig|venleg|vennleg)? ?hilsen|med (?:vennleg|venleg) helsing|vennlig hilsen|venleg helsing|vennleg helsing|mvh|med hilsen|helsing)\b/iu;

function toSections(text: string, lines: readonly Line[], starts: readonly { q: Question; start: number; heading: string }[]): Section[] {
  const sorted = [...starts].sort((a, b) => a.start - b.start);
  const sigLine = lines.find((l) => l.start > (sorted[sorted.length - 1]?.start ?? 0) && signatureRe.test(l.text));
  const textEnd = sigLine ? sigLine.start : text.length;
  const out: Section[] = [];
  if (sorted.length === 0 || sorted[0].start > 0) out.push({ question: null, start: 0, end: sorted[0]?.start ?? text.length, heading: '' });
  sorted.forEach((s, i) => {
    const end = i + 1 < sorted.length ? sorted[i + 1].start : textEnd;
    out.push({ question: s.q, start: s.start, end, heading: s.heading });
  });
  if (textEnd < text.length && sorted.length > 0) out.push({ question: null, start: textEnd, end: text.length, heading: '' });
  return out.filter((s) => s.end > s.start);
}

/** Paragraph by paragraph (a paragraph: a logical line, wrapped lines joined), each to the question it has most topic words of (at least two). */
function byParagraphs(text: string): Section[] {
  const out: Section[] = [];
  const width = lineWidth(text);
  let offset = 0;
  for (const block of text.split('\n\n')) {
    for (const line of logicalLines(block, offset, width)) {
      let bestQ: Question | null = null;
      let bestScore = 1;
      for (const q of questions) {
        const s = topicScore(line.text, q);
        if (s > bestScore) [bestQ, bestScore] = [q, s];
      }
      const last = out[out.length - 1];
      if (last && last.question === bestQ) last.end = line.end;
      else out.push({ question: bestQ, start: last ? last.end : 0, end: line.end, heading: '' });
    }
    offset += block.length + 2;
  }
  if (out.length) out[out.length - 1].end = text.length;
  return out;
}

/**
 * Splits the normalised text of a letter into sections per question.
 * @param exclude character ranges that are not the municipality's answer (`quoted.ts`): no markers or headings there
 * @returns the method that worked and the sections, covering the whole text in order
 */
export function splitAnswers(original: string, exclude: readonly { start: number; end: number }[] = []): { method: SplitMethod; sections: Section[] } {
  // Quoted text (a forwarded message, the superseded recommendation) is blanked out, offsets kept.
  const text = exclude.length === 0 ? original : [...original].map((c, i) => (c !== '\n' && exclude.some((r) => i >= r.start && i < r.end) ? ' ' : c)).join('');
  const lines = linesOf(text);
  const markers = findMarkers(lines, text);
  const prefixed = markers.filter((m) => m.prefixed);
  const pool = new Set(prefixed.map((m) => m.q)).size >= 2 ? prefixed : markers;
  const seq = bestSequence(pool);
  // One numbered answer counts when its text is clearly about that question (a letter that answers only question 5).
  // … or when it is question 5 under its own heading ("5. Nytt tjenestested"): a letter that answers only that.
  const single = seq.length === 1 && (seq[0].fit >= 0.8 + (markers.filter((m) => m.q === seq[0].q)[0] === seq[0] ? 0.5 : 0) || (seq[0].q === 5 && headingQuestion(lines[seq[0].line].text) === 5));
  if (seq.length >= 2 || single) {
    return { method: 'numbered', sections: toSections(text, lines, seq.map((m) => ({ q: m.q, start: m.start, heading: lines[m.line].text.trim() }))) };
  }
  const headings = new Map<Question, { q: Question; start: number; heading: string }>();
  const width = lineWidth(text);
  // A line of wrapped running text (PDF) is no heading: neither one that fills the width nor the one after it.
  const wrapped = (l: Line | undefined) => l !== undefined && width >= 50 && l.text.length >= 0.75 * width && !/[.!?:]$/.test(l.text.trim());
  for (const [i, l] of lines.entries()) {
    if (wrapped(lines[i - 1]) || (wrapped(l) && !inlineLabel.test(l.text))) continue;
    const q = headingQuestion(l.text);
    if (q && !headings.has(q)) headings.set(q, { q, start: l.start, heading: l.text.trim() });
  }
  if (headings.size >= 2) return { method: 'headings', sections: toSections(text, lines, [...headings.values()]) };
  const echoes = new Map<Question, { q: Question; start: number; heading: string }>();
  for (const l of lines) {
    const t = l.text.trim();
    if (!t.endsWith('?')) continue;
    const q = headingQuestionLoose(t);
    if (q && !echoes.has(q)) echoes.set(q, { q, start: l.start, heading: t });
  }
  if (echoes.size >= 2) return { method: 'questions', sections: toSections(text, lines, [...echoes.values()]) };
  const paragraphs = byParagraphs(text);
  return { method: paragraphs.some((p) => p.question !== null) ? 'paragraphs' : 'none', sections: paragraphs };
}

function headingQuestionLoose(t: string): Question | null {
  let bestQ: Question | null = null;
  let bestScore = 0;
  for (const q of questions) {
    const s = topicScore(t, q);
    if (s > bestScore) [bestQ, bestScore] = [q, s];
  }
  return bestScore >= 1 ? bestQ : null;
}

/** The question whose section contains the offset, or null. */
export function questionAt(sections: readonly Section[], offset: number): Section['question'] {
  for (const s of sections) if (offset >= s.start && offset < s.end) return s.question;
  return null;
}
