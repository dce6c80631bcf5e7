/**
 * The date a letter is written, from its dateline near the top: "Oslo, 12. mars 2022", "Fosnavåg, 24.05.2022",
 * a date alone on its line, or a labelled date ("Dato: 30.05.2022", "Sendt: tirsdag 31. mai 2022 15:42",
 * "Møtedato: 19.05.2022"). Dates in the running text ("viser til brev av 23.02.2022", "fristen er 1. juni 2022")
 * are not datelines and are not read. Month names in bokmål and nynorsk, full or abbreviated. Pure.
 */

const MONTHS: Readonly<Record<string, number>> = {
  januar: 1, jan: 1, februar: 2, feb: 2, mars: 3, mar: 3, april: 4, apr: 4, mai: 5, juni: 6, jun: 6, juli: 7, jul: 7,
  august: 8, aug: 8, september: 9, sep: 9, sept: 9, oktober: 10, okt: 10, november: 11, nov: 11, desember: 12, des: 12,
};

/** A word as written in running text or starting a line ("mai", "Mai", "MAI"): the dateline pattern is case-sensitive for the place. */
const cased = (w: string) => [w, w[0].toUpperCase() + w.slice(1), w.toUpperCase()];
const WEEKDAY = `(?:(?:${['mandag', 'måndag', 'tirsdag', 'tysdag', 'onsdag', 'torsdag', 'fredag', 'lørdag', 'laurdag', 'søndag', 'sundag'].flatMap(cased).join('|')}),?\\s+(?:den\\s+)?)?`;
const MONTH = `(${Object.keys(MONTHS).sort((a, b) => b.length - a.length).flatMap(cased).join('|')})\\.?`;
/** A date: dd.mm.yyyy (or yy, or with `/`), d. month yyyy, or yyyy-mm-dd. */
const DATE = `(?:(\\d{1,2})\\s?[./]\\s?(\\d{1,2})\\s?[./]\\s?(\\d{4}|\\d{2})|(\\d{1,2})\\.?\\s+${MONTH}\\s+(\\d{4})|(\\d{4})-(\\d{2})-(\\d{2}))`;
/** Optional time after the date ("15:42", "kl. 15.42"). */
const TIME = '(?:,?\\s+(?:kl\\.?\\s*)?\\d{1,2}[:.]\\d{2})?';

/** A place name's word: a capital, letters, and hyphens only between letters ("Bø-Vesterålen"), so no run splits two ways. */
const WORD = `\\p{Lu}[\\p{L}'’]*(?:-[\\p{L}'’]+)*`;
/** Between a place's words: spaces, a slash (with or without spaces) or a hyphen with spaces ("Bø - Vesterålen"). */
const SEP = `(?:\\s*/\\s*|\\s+(?:-\\s+)?)`;
/**
 * A dateline: an optional place ("Oslo,", "Guovdageaidnu / Kautokeino,"; without a comma only capitalised words, as
 * "Mehamn" or "Mo i Rana", so "Fristen for svar er 1. juni 2022" is no dateline), then the date (and perhaps a time),
 * nothing else on the line or in its column.
 */
const PLACE = `(?:\\p{Lu}[\\p{L} .'’/-]{0,40}?,\\s*|${WORD}(?:${SEP}(?:i|på|${WORD})){0,3}\\s+)`;
const DATELINE = new RegExp(`^\\s*${PLACE}?${WEEKDAY}${DATE}${TIME}\\s*\\.?\\s*$`, 'u');
/** A labelled date anywhere on a line: "Dato:", "Vår dato:", "Sendt:", "Møtedato:", "møte 16.05.2022", "Date:". */
const LABELLED = new RegExp(`(?:^|\\s)(?:vår\\s+dato|dato|møtedato|sendt|date|sent)\\s*:\\s*${WEEKDAY}${DATE}|(?:^|\\s)møte\\s+(?:den\\s+)?${DATE}`, 'iu');
/** "Place, date" ending a line that holds other things first (a PDF joins the letterhead's columns with one space). */
const TRAILING = new RegExp(`(?:^|\\s)\\p{Lu}[\\p{L}'’]+(?:-[\\p{L}'’]+)*(?:${SEP}${WORD}){0,3},\\s*${WEEKDAY}${DATE}\\s*\\.?\\s*$`, 'u');
/**
 * Longest text the place patterns are tried on: a dateline or a trailing "Place, date" is short. (When the words
 * and the separators both took `-`, a line of "A-A-A-…" could be split in very many ways: one of 2,000 characters
 * held the thread for minutes, and the letters page reads the date on every view.)
 */
const MAX_DATELINE = 100;

/** Columns of a letterhead line ("Deres ref.: …     Vår ref.: …     Silvalen, 24.05.2022"). */
const COLUMNS = /\t|\s{3,}/;

/** yyyy-mm-dd of a match of DATE's groups (from `first`), or null when it is no calendar date. */
function isoOf(g: readonly (string | undefined)[], first: number): string | null {
  const [d1, m1, y1, d2, mName, y2, y3, m3, d3] = g.slice(first, first + 9);
  let y: number, m: number, d: number;
  if (d1 !== undefined) [y, m, d] = [Number(y1!.length === 2 ? `20${y1}` : y1), Number(m1), Number(d1)];
  else if (d2 !== undefined) [y, m, d] = [Number(y2), MONTHS[mName!.toLowerCase()], Number(d2)];
  else [y, m, d] = [Number(y3), Number(m3), Number(d3)];
  const t = new Date(Date.UTC(y, m - 1, d));
  if (y < 1990 || y > 2100 || t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * The letter's date from its dateline, read in the first 30 lines (at most 2,000 characters).
 * A dateline ("Sted, dato" or a date alone on its line or column) wins over a labelled date ("Dato: …"), which wins
 * over "Sted, dato" at the end of a longer line; the first of each kind counts.
 * @returns yyyy-mm-dd, or null when the top of the letter has no dateline
 */
export function letterDate(text: string): string | null {
  const lines = text.slice(0, 2000).split(/\r?\n/).slice(0, 30);
  for (const line of lines) {
    for (const part of [line, ...line.split(COLUMNS)]) {
      if (part.length > MAX_DATELINE) continue;
      const m = DATELINE.exec(part);
      const iso = m && isoOf(m, 1);
      if (iso) return iso;
    }
  }
  for (const line of lines) {
    const m = LABELLED.exec(line);
    // The second alternative ("møte 16.05.2022") holds DATE's groups after the first alternative's nine.
    const iso = m && (isoOf(m, 1) ?? isoOf(m, 10));
    if (iso) return iso;
  }
  for (const line of lines) {
    const m = TRAILING.exec(line.length > MAX_DATELINE ? line.slice(-MAX_DATELINE) : line);
    const iso = m && isoOf(m, 1);
    if (iso) return iso;
  }
  return null;
}
