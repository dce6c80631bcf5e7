/**
 * Full-text search over the letters: the FTS5 query (each word as a prefix, in the text or as a Snowball stem,
 * all words required), and snippets with the hits marked (pure parts), run by `searchLetters` on the database.
 * FTS5: https://www.sqlite.org/fts5.html (MATCH, prefix queries, bm25).
 */
import type { Db } from '../db/connection';
import { ftsMatch, letterTexts, lettersByIds, type CodingStatus, type LetterSummary } from '../db/letters-repo';
import { stem } from './text';

/**
 * The prefix a search word is matched by: the Snowball stem, shortened further by a derivational ending so that
 * "samlokalisering" also finds "samlokalisert" and "samlokalisere" (at least five letters remain).
 */
export function searchPrefix(term: string): string {
  const s = stem(term);
  const m = /^(.{5,}?)(?:ering|eringa|eringen|ing|inga|ingen|else|elsen|ert|erte|ere)$/u.exec(s);
  return m ? m[1] : s;
}

/** The FTS5 query for what a person typed, or null when it has no searchable word. */
export function ftsQuery(q: string): { query: string; terms: string[] } | null {
  const terms = [...new Set((q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((t) => t.length >= 2))].slice(0, 8);
  if (terms.length === 0) return null;
  const query = terms.map((t) => {
    const p = searchPrefix(t);
    return p && p !== t ? `("${t}"* OR "${p}"*)` : `"${t}"*`;
  }).join(' AND ');
  return { query, terms };
}

/** A piece of a snippet; `hit` pieces are the matched words. */
export interface SnippetPart { text: string; hit: boolean }

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A window of the text around the first matched word (prefix of a term, or same stem), with every hit in it marked.
 * @returns the parts, and the same as HTML (text escaped, hits in `<mark>`)
 */
export function snippet(text: string, terms: readonly string[], radius = 90): { parts: SnippetPart[]; html: string } {
  const stems = terms.map(searchPrefix);
  const matches: { start: number; end: number }[] = [];
  const re = /[\p{L}\p{N}]+/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const w = m[0].toLowerCase();
    if (terms.some((t) => w.startsWith(t)) || stems.some((s) => s.length >= 3 && (w.startsWith(s) || stem(w).startsWith(s)))) matches.push({ start: m.index, end: m.index + m[0].length });
  }
  const first = matches[0] ?? { start: 0, end: 0 };
  let from = Math.max(0, first.start - radius);
  let to = Math.min(text.length, first.end + radius);
  while (from > 0 && /[\p{L}\p{N}]/u.test(text[from - 1])) from--;
  while (to < text.length && /[\p{L}\p{N}]/u.test(text[to])) to++;
  const parts: SnippetPart[] = [];
  let pos = from;
  for (const h of matches.filter((x) => x.start >= from && x.end <= to)) {
    if (h.start > pos) parts.push({ text: text.slice(pos, h.start), hit: false });
    parts.push({ text: text.slice(h.start, h.end), hit: true });
    pos = h.end;
  }
  if (pos < to) parts.push({ text: text.slice(pos, to), hit: false });
  const flat = parts.map((p) => ({ ...p, text: p.text.replace(/\s+/g, ' ') }));
  if (from > 0) flat.unshift({ text: '… ', hit: false });
  if (to < text.length) flat.push({ text: ' …', hit: false });
  return { parts: flat, html: flat.map((p) => (p.hit ? `<mark>${escapeHtml(p.text)}</mark>` : escapeHtml(p.text))).join('') };
}

/** Filters of the letter list and search (each optional). */
export interface LetterFilter {
  district?: string;
  county?: string;
  coding?: CodingStatus;
  sender?: 'matched' | 'unmatched';
  /** District leaders: only this police district's letters (unmatched letters are hidden). */
  onlyDistrict?: string | null;
}

/** Applies the filters to letter summaries. */
export function filterLetters<T extends LetterSummary>(letters: readonly T[], f: LetterFilter): T[] {
  return letters.filter((l) =>
    (!f.district || l.policeDistrictNumber === f.district) &&
    (!f.county || l.countyNumber === f.county) &&
    (!f.coding || l.codingStatus === f.coding || (f.coding === 'coded' && l.codingStatus === 'double')) &&
    (!f.sender || (f.sender === 'matched' ? l.kommunenummer !== null : l.kommunenummer === null)) &&
    (!f.onlyDistrict || l.policeDistrict === f.onlyDistrict));
}

export interface SearchHit extends LetterSummary {
  snippet: string;
  snippetParts: SnippetPart[];
  rank: number;
}

/** Searches the letters; best matches first. @returns null when the query has no searchable word */
export function searchLetters(db: Db, q: string, filter: LetterFilter, limit = 100): { terms: string[]; total: number; hits: SearchHit[] } | null {
  const fq = ftsQuery(q);
  if (!fq) return null;
  const matched = ftsMatch(db, fq.query, 1000);
  const rank = new Map(matched.map((m) => [m.id, m.rank]));
  const shown = filterLetters(lettersByIds(db, matched.map((m) => m.id)), filter);
  const page = shown.slice(0, limit);
  const texts = letterTexts(db, page.map((l) => l.id));
  const hits = page.map((l) => {
    const s = snippet(texts.get(l.id) ?? '', fq.terms);
    return { ...l, snippet: s.html, snippetParts: s.parts, rank: rank.get(l.id) ?? 0 };
  });
  return { terms: fq.terms, total: shown.length, hits };
}
