/**
 * Text handling for letters (pure): normalisation of extracted text, sentence segmentation with character
 * offsets (so evidence can be highlighted in the stored text), tokens and Snowball stems.
 *
 * Stemming: the Snowball Norwegian stemmer (M. Porter et al., https://snowballstem.org/algorithms/norwegian/stemmer.html)
 * from the `snowball-stemmers` package. It is written for bokmål; nynorsk spellings of the words the rules care
 * about are listed side by side in `lexicon.ts` instead of being mapped.
 */
import { newStemmer } from 'snowball-stemmers';

/** A sentence (or a list item / heading line) of the normalised text, with its offsets. */
export interface Sentence {
  index: number;
  text: string;
  start: number;
  end: number;
  /** Index of the paragraph (block separated by a blank line). */
  paragraph: number;
}

/** A word of a sentence: lower case, its stem, and its offsets in the letter. */
export interface Token {
  word: string;
  stem: string;
  start: number;
  end: number;
}

/**
 * Cleans extracted text: Unicode NFC, LF line ends, no soft hyphens or control characters, page furniture of PDFs
 * handled (see `removePageFurniture`), words broken across a line end re-joined (`kommu-\nnen` → `kommunen`, but
 * not the shared-part hyphen of `Justis-\nog beredskaps…`), runs of spaces collapsed, at most one blank line.
 */
export function normaliseText(raw: string): string {
  const clean = raw
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/\u00AD/g, '')
    .replace(/[\u0000-\u0008\u000B\u000E-\u001F\u007F]/g, '')
    .replace(/[\u00A0\u2000-\u200A\u202F\t]/g, ' ');
  return removePageFurniture(clean)
    .replace(/\f/g, '\n\n')
    .replace(/([a-zæøåäöü])-\n(?!(?:og|eller|samt|til|som|enn)\s)([a-zæøåäöü])/g, '$1$2')
    .replace(/ +/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A page number line: "3", "- 3 -", "Side 3", "Side 3 av 5", "Page 3 of 5", "3/5", "s. 3". */
const pageNumberLine = /^\s*(?:[-–]\s*)?(?:(?:side|sida|page|s\.)\s*)?\d{1,3}(?:\s*(?:av|of|\/)\s*\d{1,3})?(?:\s*[-–])?\s*$/iu;

/**
 * Page furniture of a PDF whose pages are separated by form feeds (`pdf-text.ts`): page number lines at the top
 * or bottom of a page are dropped; a running header or footer (a line repeated at the top or bottom of at least
 * two pages) is kept once, where it helps finding the sender (a header on page 1, a footer at the end of the
 * letter); and a sentence that runs over a page break is joined again (the page's last line does not end a
 * sentence and the next page's first line starts in lower case). Text without form feeds is returned unchanged.
 */
export function removePageFurniture(text: string): string {
  if (!text.includes('\f')) return text;
  const pages = text.split('\f').map((p) => p.split('\n'));
  const edge = 3;
  /** The first and last few non-empty lines of a page, each once, and whether it is in the top half. */
  const edgeLines = (lines: string[]) => {
    const filled = lines.map((l, i) => ({ l: l.trim(), i })).filter((x) => x.l !== '');
    return filled.map((x, k) => ({ ...x, atTop: k < filled.length / 2 })).filter((_, k) => k < edge || k >= filled.length - edge);
  };
  const counts = new Map<string, number>();
  for (const lines of pages) for (const key of new Set(edgeLines(lines).map((x) => x.l))) counts.set(key, (counts.get(key) ?? 0) + 1);
  const running = new Set([...counts].filter(([l, n]) => n >= 2 && l.length >= 3 && !pageNumberLine.test(l)).map(([l]) => l));
  const keptOnce = new Set<string>();
  const lastPage = pages.length - 1;
  const cleaned = pages.map((lines, pi) => {
    const drop = new Set<number>();
    for (const { l, i, atTop } of edgeLines(lines)) {
      if (pageNumberLine.test(l)) drop.add(i);
      else if (running.has(l)) {
        const keep = (pi === 0 && atTop) || (pi === lastPage && !atTop);
        if (keep && !keptOnce.has(l)) keptOnce.add(l);
        else drop.add(i);
      }
    }
    return lines.filter((_, i) => !drop.has(i));
  });
  let out = cleaned[0].join('\n');
  for (const lines of cleaned.slice(1)) {
    const body = lines.join('\n').replace(/^\s+/, '');
    const tail = out.replace(/\s+$/, '');
    const runsOn = !/[.!?:;]["»”)]?$/.test(tail) && /^\p{Ll}/u.test(body);
    out = runsOn ? `${tail}\n${body}` : `${tail}\f${body}`;
  }
  return out;
}

/** Abbreviations whose final period does not end a sentence (bokmål and nynorsk). */
const abbreviations = new Set([
  'f.eks', 'bl.a', 'm.m', 'ca', 'nr', 'jf', 'jfr', 'mv', 'm.v', 'evt', 'ev', 'dvs', 'osv', 't.d', 'm.a', 'pr', 'kl', 'tlf', 'st',
  'adm', 'org', 'org.nr', 'ref', 'avd', 'iht', 'i.h.t', 'mht', 'ift', 'o.l', 'o.a', 'm.fl', 'fl', 'vedr', 'spm', 'sp', 'pkt', 'kap',
  'pga', 'p.g.a', 'etc', 'inkl', 'ekskl', 'bl', 'mfl', 'mill', 'mrd', 'kr', 'nok', 'dir', 'sek', 'innb', 'tel', 'e.l', 'div', 'jan',
  'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'okt', 'nov', 'des', 'km', 'min', 't.o.m', 'f.o.m', 'o.s.v', 'gnr', 'bnr',
]);

/** A list item: a bullet, "1.", "a)". */
const isListItem = (line: string) => /^\s*([-–•*▪·]|\(?[0-9]{1,2}[.)]|\(?[a-e][.)]\s)/.test(line);

/** True when a (logical) line stands as its own sentence: a list item, or a short line without a final stop. */
function isBlockLine(line: string): boolean {
  return isListItem(line) || (line.length <= 90 && !/[.,;:!?]$/.test(line.trim()));
}

/** The typical full line width of the text (90th percentile of line lengths), for telling wrapped lines apart. */
export function lineWidth(text: string): number {
  const lengths = text.split('\n').map((l) => l.length).filter((n) => n > 0).sort((a, b) => a - b);
  return lengths.length ? lengths[Math.floor(lengths.length * 0.9)] : 0;
}

/**
 * Logical lines of a block: a line that fills most of the line width and does not end a sentence was wrapped
 * (as in text from a PDF) and continues on the next line, unless the next line starts a list item.
 */
export function logicalLines(block: string, offset: number, width: number): { start: number; end: number; text: string }[] {
  const out: { start: number; end: number; text: string }[] = [];
  let pos = offset;
  for (const line of block.split('\n')) {
    const prev = out[out.length - 1];
    const wrapped = prev && width >= 50 && prev.text.length >= 0.75 * width && !/[.!?:]$/.test(prev.text.trim()) && !isListItem(line);
    if (wrapped) {
      prev.text += ' ' + line;
      prev.end = pos + line.length;
    } else out.push({ start: pos, end: pos + line.length, text: line });
    pos += line.length + 1;
  }
  return out;
}

/**
 * Splits the normalised text into sentences. Blank lines end paragraphs; wrapped lines are joined; list items and
 * short lines without a final stop (headings, letterhead lines) are sentences of their own; inside running text a
 * sentence ends at `.`, `!` or `?` followed by a space and a capital letter or digit, except after a known
 * abbreviation or a single letter. Sentence text has its line breaks replaced by spaces (same offsets).
 */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const width = lineWidth(text);
  let paragraph = 0;
  let offset = 0;
  const push = (start: number, end: number) => {
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (end > start) out.push({ index: out.length, text: text.slice(start, end).replace(/\n/g, ' '), start, end, paragraph });
  };
  for (const block of text.split('\n\n')) {
    const lines = logicalLines(block, offset, width);
    let runStart = offset;
    lines.forEach((line, i) => {
      const next = lines[i + 1];
      // A line ends the current run when it or the next line stands on its own.
      if (isBlockLine(line.text) || next === undefined || isBlockLine(next.text)) {
        splitRun(text, runStart, line.end, push);
        runStart = line.end + 1;
      }
    });
    offset += block.length + 2;
    paragraph++;
  }
  return out;
}

function splitRun(text: string, start: number, end: number, push: (s: number, e: number) => void): void {
  // A run of stops is matched from its first character only (the look-behind): otherwise a run of thousands of
  // stops was retried from each of its characters, quadratic in its length (a 10,000-stop letter took 1.5 s).
  const re = /(?<![.!?])[.!?]+["»”)]?(?=\s+["«“(]?[A-ZÆØÅ0-9])/g;
  const run = text.slice(start, end);
  let from = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(run))) {
    const before = run.slice(from, m.index);
    // The last word from the last 64 characters only (abbreviations are short): `before` grows while stops are skipped.
    const lastWord = /([\p{L}.]+)$/u.exec(run.slice(Math.max(from, m.index - 64), m.index))?.[1]?.toLowerCase() ?? '';
    // A number and a stop end a sentence ("riksvei 7. Vi …") unless the number is all there is (a list number "2. ").
    if (m[0].startsWith('.') && (abbreviations.has(lastWord.replace(/\.$/, '')) || /^\p{L}$/u.test(lastWord) || /^\s*[«"“„(]?\d{1,2}$/.test(before))) continue;
    push(start + from, start + m.index + m[0].length);
    from = m.index + m[0].length;
  }
  push(start + from, end);
}

const stemmer = newStemmer('norwegian');
const stemCache = new Map<string, string>();

/** Snowball Norwegian stem of a lower-case word (cached). */
export function stem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = stemmer.stem(word);
    if (stemCache.size < 50_000) stemCache.set(word, s);
  }
  return s;
}

/** Words of a sentence (letters, digits, inner hyphens), lower-cased and stemmed, with offsets in the letter. */
export function tokenize(sentence: Pick<Sentence, 'text' | 'start'>): Token[] {
  const out: Token[] = [];
  const re = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(sentence.text))) {
    const word = m[0].toLowerCase();
    out.push({ word, stem: stem(word), start: sentence.start + m.index, end: sentence.start + m.index + m[0].length });
  }
  return out;
}

/** Lower case, without accents that letters vary on (é → e), for comparing names and phrases. */
export function fold(s: string): string {
  return s.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, (c) => (c === '\u030A' ? c : '')).normalize('NFC').replace(/\s+/g, ' ').trim();
}
