/**
 * Text for pdfkit's built-in Helvetica, which encodes WinAnsi (Windows-1252): æøå and most Western
 * European letters are there, but not e.g. ≥, −, α or the narrow no-break space. `pdfSafe` maps the
 * characters this project prints to WinAnsi equivalents and replaces anything else with `?`, so a
 * PDF never shows garbage glyphs.
 */
const REPLACEMENTS: Record<string, string> = {
  '≥': '>=', '≤': '<=', '−': '-', '→': '->', '←': '<-', 'α': 'alfa', 'Σ': 'sum', 'κ': 'kappa', '\u202f': '\u00a0',
  '\u2009': ' ', '\u2007': ' ', '\u2002': ' ', '\u2003': ' ', '\u2011': '-', '\u00ad': '', '✓': 'x',
};

/** The 0x80–0x9F characters of Windows-1252. */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/** Whether a character can be drawn with the standard fonts. */
export function isWinAnsi(ch: string): boolean {
  const c = ch.codePointAt(0)!;
  return c === 9 || c === 10 || c === 13 || (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) || WIN_ANSI_EXTRA.has(ch);
}

/** Text made drawable with Helvetica (see the module comment). */
export function pdfSafe(s: string): string {
  let out = '';
  for (const ch of s) out += REPLACEMENTS[ch] ?? (isWinAnsi(ch) ? ch : '?');
  return out;
}
